// The console's search index (simulator/src/console/payment-index.ts) kept beside the store: built from
// what is stored, then kept up to date by every commit, removals and saved-card tokens included.
import { describe, expect, it } from 'vitest';
import { PaymentIndex } from '../../simulator/src/console/payment-index.js';
import type { IntentRecord } from '../../simulator/src/domain/records.js';
import { createMemoryStore } from '../../simulator/src/store/store.js';

function intent(id: string, key: string, extra: Partial<IntentRecord> = {}): IntentRecord {
  return {
    id,
    merchantId: 'mer_1',
    key,
    amount: 10,
    currency: 'KES',
    description: 'd',
    callbackUrl: 'http://x.test/cb',
    expiresInMinutes: 30,
    expiresAt: '2026-01-01T00:30:00.000Z',
    payload: {},
    metadata: {},
    status: 'PENDING',
    paidAmount: 0,
    attempts: [],
    refunds: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
}

const attempt = (mobile: string | undefined, token?: string): IntentRecord['attempts'][number] => ({
  id: 'att_1',
  provider: mobile ? 'MPESA' : 'CARDS',
  status: 'COMPLETED',
  outcome: 'success',
  message: '',
  amount: 10,
  providerReference: '',
  createdAt: '2026-01-01T00:00:00.000Z',
  resolveAt: 0,
  ...(mobile ? { mobile } : {}),
  ...(token ? { token: { id: token, use: 'created' as const } } : {}),
});

describe('the payment index', () => {
  it('starts from what is stored and follows every commit, newest first', async () => {
    const store = createMemoryStore();
    await store.commit([{ collection: 'intents', value: intent('r1', 'K1') }]);
    const index = new PaymentIndex(store);
    await store.commit([
      { collection: 'intents', value: intent('r2', 'K2') },
      { collection: 'intents', value: intent('r3', 'K3') },
    ]);
    expect([...index.newestFirst()]).toEqual(['r3', 'r2', 'r1']);
    expect([...index.newestFirst('r3')]).toEqual(['r2', 'r1']);
    // An update keeps its place.
    await store.commit([{ collection: 'intents', value: intent('r1', 'K1', { status: 'FAILED' }) }]);
    expect([...index.newestFirst()]).toEqual(['r3', 'r2', 'r1']);
  });

  it('finds by key, phone number and saved-card token as attempts add them, and forgets removed intents', async () => {
    const store = createMemoryStore();
    const index = new PaymentIndex(store);
    await store.commit([
      { collection: 'intents', value: intent('r1', 'Shop_Order_1') },
      { collection: 'intents', value: intent('r2', 'Other') },
    ]);
    expect(index.search('shop_order_1')).toEqual(['r1']);
    await store.commit([{ collection: 'intents', value: intent('r1', 'Shop_Order_1', { attempts: [attempt('254712345678')] }) }]);
    await store.commit([{ collection: 'intents', value: intent('r2', 'Other', { attempts: [attempt(undefined, 'ABCDEF0123456789ABCDEF0123456789')] }) }]);
    expect(index.search('0712 345 678')).toEqual(['r1']);
    expect(index.search('0712-345-678')).toEqual(['r1']);
    expect(index.search('abcdef0123456789abcdef0123456789')).toEqual(['r2']);
    expect(index.search('shop_')).toEqual(['r1']);
    await store.commit([{ collection: 'intents', remove: 'r1' }]);
    expect(index.search('254712345678')).toEqual([]);
    expect([...index.newestFirst()]).toEqual(['r2']);
    index.close();
    await store.commit([{ collection: 'intents', value: intent('r9', 'AFTER') }]);
    expect(index.search('after')).toEqual([]);
  });
});
