// Records and folders for the store tests: temp data folders removed after the file's tests, stores
// closed after each test, and minimal valid merchant and intent records.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';
import type { IntentRecord, MerchantRecord } from '../../simulator/src/domain/records.js';
import type { Put, Store } from '../../simulator/src/store/store.js';

const dirs: string[] = [];
const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close().catch(() => {});
});
// After all tests: the sim helper closes its sims after each test, but after this file's afterEach hooks.
afterAll(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'littlepay-sim-test-'));
  dirs.push(dir);
  return dir;
}

/** Waits (without a time limit of its own: vitest's applies) until the store's background work got there. */
export async function eventually(condition: () => Promise<boolean> | boolean): Promise<void> {
  while (!(await condition())) await new Promise((r) => setTimeout(r, 5));
}

/** Opens the store and closes it after the test. */
export async function opened(store: Store): Promise<Store> {
  stores.push(store);
  await store.open();
  return store;
}

export function merchant(id: string, over: Partial<MerchantRecord> = {}): MerchantRecord {
  return {
    id,
    name: `Shop ${id}`,
    environment: 'sandbox',
    appId: `app-${id}`,
    clientId: '0123456789abcdef',
    clientSecret: 'AAAAAAAAAAAAAAAAAAAAAA==',
    tokenId: '6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f',
    apiKey: `sk_sandbox_${id}`,
    currencies: ['KES'],
    demo: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...over,
  };
}

export function intent(id: string, merchantId: string, key: string, over: Partial<IntentRecord> = {}): IntentRecord {
  return {
    id,
    merchantId,
    key,
    amount: 100,
    currency: 'KES',
    description: `Order ${key}`,
    callbackUrl: 'https://merchant.example/cb',
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
    ...over,
  };
}

export const putIntent = (value: IntentRecord): Put => ({ collection: 'intents', value });
export const putMerchant = (value: MerchantRecord): Put => ({ collection: 'merchants', value });
