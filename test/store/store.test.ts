// The Store, run against both persistences (memory and lowdb), then what survives a restart of the
// whole app on the same data folder: merchants, intents, keys, attempts, id counters and the signing key.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../simulator/src/app.js';
import { defaultConfig } from '../../simulator/src/config.js';
import { SimClock } from '../../simulator/src/runtime/clock.js';
import { createLowdbStore } from '../../simulator/src/store/lowdb-store.js';
import { createMemoryStore, type Store } from '../../simulator/src/store/store.js';
import { basicAuth, createIntent, intentBody, processMobile, startTestSim, status, until, type Merchant, type TestSim } from '../helpers/sim.js';
import { intent, merchant, opened, putIntent, putMerchant, tempDir } from '../helpers/store-fixtures.js';

const kinds: Array<[string, () => Promise<Store>]> = [
  ['memory', async () => createMemoryStore()],
  ['lowdb', async () => createLowdbStore(await tempDir())],
];

describe.each(kinds)('Store (%s)', (kind, make) => {
  it('starts empty', async () => {
    const store = await opened(await make());
    expect(store.kind).toBe(kind);
    expect(store.healthy).toBe(true);
    expect(store.count('intents')).toBe(0);
    expect([...store.all('merchants')]).toEqual([]);
    expect(store.get('intents', 'i1')).toBeUndefined();
    expect(store.intentByKey('m1', 'K1')).toBeUndefined();
  });

  it('commit makes records visible at once; get, all, count and intentByKey read them', async () => {
    const store = await opened(await make());
    const pending = store.commit([putMerchant(merchant('m1')), putIntent(intent('i1', 'm1', 'K1')), putIntent(intent('i2', 'm1', 'K2'))]);
    // Visible before the commit is durable: the next request must already see it.
    expect(store.get('intents', 'i1')?.key).toBe('K1');
    await pending;
    expect(store.count('merchants')).toBe(1);
    expect(store.count('intents')).toBe(2);
    expect(store.count('callbacks')).toBe(0);
    expect([...store.all('intents')].map((i) => i.id)).toEqual(['i1', 'i2']);
    expect(store.get('merchants', 'm1')).toEqual(merchant('m1'));
    expect(store.intentByKey('m1', 'K2')?.id).toBe('i2');
    expect(store.intentByKey('m2', 'K2')).toBeUndefined();
    expect(store.intentByKey('m1', 'K3')).toBeUndefined();
  });

  it('a later put of the same id replaces the earlier one (also in intentByKey)', async () => {
    const store = await opened(await make());
    await store.commit([putIntent(intent('i1', 'm1', 'K1'))]);
    await store.commit([putIntent(intent('i1', 'm1', 'K1', { status: 'COMPLETED', paidAmount: 100 }))]);
    expect(store.count('intents')).toBe(1);
    expect(store.get('intents', 'i1')?.status).toBe('COMPLETED');
    expect([...store.all('intents')]).toHaveLength(1);
    expect(store.intentByKey('m1', 'K1')?.status).toBe('COMPLETED');
  });

  it('keeps keys apart per merchant', async () => {
    const store = await opened(await make());
    await store.commit([putIntent(intent('i1', 'm1', 'SAME')), putIntent(intent('i2', 'm2', 'SAME'))]);
    expect(store.intentByKey('m1', 'SAME')?.id).toBe('i1');
    expect(store.intentByKey('m2', 'SAME')?.id).toBe('i2');
  });

  it('copies records on commit, so a caller mutating its object cannot change the store', async () => {
    const store = await opened(await make());
    const record = intent('i1', 'm1', 'K1');
    await store.commit([putIntent(record)]);
    record.status = 'COMPLETED';
    record.attempts.push({} as never);
    expect(store.get('intents', 'i1')).toMatchObject({ status: 'PENDING', attempts: [] });
  });

  it('hands out records that cannot be changed in place (empty lists are shared and frozen)', async () => {
    const store = await opened(await make());
    await store.commit([putIntent(intent('i1', 'm1', 'K1')), putIntent(intent('i2', 'm1', 'K2'))]);
    const [one, two] = [store.get('intents', 'i1')!, store.get('intents', 'i2')!];
    expect(Object.isFrozen(one.attempts)).toBe(true);
    expect(one.attempts).toBe(two.attempts);
    expect(() => one.attempts.push({} as never)).toThrow(TypeError);
    // A change is a new record: the store replaces the old one.
    await store.commit([putIntent({ ...one, attempts: [...one.attempts, { id: 'a1' } as never] })]);
    expect(store.get('intents', 'i1')?.attempts).toHaveLength(1);
    expect(store.get('intents', 'i2')?.attempts).toEqual([]);
  });

  it('resolves every one of many concurrent commits', async () => {
    const store = await opened(await make());
    const commits = Array.from({ length: 120 }, (_, n) => store.commit([putIntent(intent(`i${n}`, 'm1', `K${n}`, { amount: n + 1 }))]));
    await expect(Promise.all(commits)).resolves.toHaveLength(120);
    expect(store.count('intents')).toBe(120);
    expect(store.intentByKey('m1', 'K119')?.amount).toBe(120);
    expect(store.healthy).toBe(true);
  });

  it('removes records, also from intentByKey; removing an unknown id changes nothing', async () => {
    const store = await opened(await make());
    await store.commit([putIntent(intent('i1', 'm1', 'K1')), putIntent(intent('i2', 'm1', 'K2')), putMerchant(merchant('m1'))]);
    await store.commit([
      { collection: 'intents', remove: 'i1' },
      { collection: 'intents', remove: 'nope' },
      { collection: 'merchants', remove: 'm1' },
    ]);
    expect(store.get('intents', 'i1')).toBeUndefined();
    expect(store.intentByKey('m1', 'K1')).toBeUndefined();
    expect(store.intentByKey('m1', 'K2')?.id).toBe('i2');
    expect([...store.all('intents')].map((i) => i.id)).toEqual(['i2']);
    expect(store.count('merchants')).toBe(0);
    // The key is free again: a new intent may take it.
    await store.commit([putIntent(intent('i3', 'm1', 'K1'))]);
    expect(store.intentByKey('m1', 'K1')?.id).toBe('i3');
  });

  it('a removal and a put of the same id in one commit: the later one wins', async () => {
    const store = await opened(await make());
    await store.commit([putIntent(intent('i1', 'm1', 'K1'))]);
    await store.commit([{ collection: 'intents', remove: 'i1' }, putIntent(intent('i1', 'm1', 'K1', { amount: 7 }))]);
    expect(store.get('intents', 'i1')?.amount).toBe(7);
    await store.commit([putIntent(intent('i1', 'm1', 'K1', { amount: 8 })), { collection: 'intents', remove: 'i1' }]);
    expect(store.get('intents', 'i1')).toBeUndefined();
    expect(store.intentByKey('m1', 'K1')).toBeUndefined();
  });

  it('reports its size on disk (0 in memory)', async () => {
    const store = await opened(await make());
    await store.commit([putMerchant(merchant('m1'))]);
    if (kind === 'memory') expect(await store.size()).toBe(0);
    else expect(await store.size()).toBeGreaterThan(100);
  });
});

describe('the app restarted on the same data folder', () => {
  const body = (key: string, extra: Record<string, unknown> = {}) => intentBody({ key, ...extra });

  async function boot(dataDir: string, clock?: SimClock): Promise<TestSim> {
    return startTestSim({ memory: false, dataDir, clock: 'manual' }, clock ? { clock } : {});
  }

  function create(sim: TestSim, m: Merchant, b: Record<string, unknown>) {
    return sim.inject({
      method: 'POST',
      url: `/api/payments/${m.tokenId}/pay`,
      headers: { authorization: basicAuth(m), 'content-type': 'application/json' },
      payload: b,
    });
  }

  it('keeps merchants, intents, keys, attempts and created merchants, and never repeats an id', async () => {
    const dataDir = await tempDir();
    const first = await boot(dataDir);
    expect(first.app.sim.ctx.store.kind).toBe('lowdb');
    const created = (
      await first.inject({ method: 'POST', url: '/_sim/merchants', payload: { environment: 'sandbox', name: 'Restart shop', currencies: ['KES', 'USD'] } })
    ).json() as Merchant;
    const paid = await createIntent(first, first.sandbox, body('R1'));
    await processMobile(first, paid.reference, 'MPESA', '254700000001'); // insufficient funds
    await first.advance(first.config.pinDelayMs);
    await processMobile(first, paid.reference, 'MPESA', '254712345678');
    await first.advance(first.config.pinDelayMs);
    await until(() => first.sent.length === 2, 2_000_000); // both callbacks out before the stop (after fsyncs)
    const inFlight = await createIntent(first, first.sandbox, body('R2'));
    await processMobile(first, inFlight.reference, 'AIRTEL', '254733123456');
    const theirs = (await create(first, created, body('M1', { currency: 'USD' }))).json().data;
    const statusBefore = (await status(first, first.sandbox, 'R1')).json().data;
    const merchantsBefore = first.merchants;
    const referencesBefore = [...first.app.sim.ctx.store.all('intents')].map((i) => i.id);
    const stoppedAt = first.clock.now();
    await first.close();

    // The clock goes on from where it stopped (a manual clock would otherwise start at its epoch again).
    const second = await boot(dataDir, new SimClock('manual', stoppedAt));
    const merchants = (await second.inject({ method: 'GET', url: '/_sim/merchants' })).json().merchants as Merchant[];
    expect(merchants).toEqual([...merchantsBefore, created]);

    // Intents and their attempts, in order, as they were.
    const statusAfter = (await status(second, second.sandbox, 'R1')).json().data;
    expect({ ...statusAfter }).toEqual(statusBefore);
    expect(statusAfter.attempts.map((a: { status: string }) => a.status)).toEqual(['FAILED', 'COMPLETED']);

    // Keys: replaying the very same request answers the same intent; a different one is still a conflict.
    const replay = await create(second, second.sandbox, body('R1'));
    expect(replay.statusCode).toBe(200);
    expect(replay.json().data.reference).toBe(paid.reference);
    expect((await create(second, second.sandbox, body('R1', { amount: 1 }))).json().data.code).toBe('DUPLICATE_KEY');
    // The merchant created through /_sim still authenticates, and still owns its intent.
    const replayTheirs = await create(second, created, body('M1', { currency: 'USD' }));
    expect(replayTheirs.json().data.reference).toBe(theirs.reference);
    expect((await status(second, created, 'M1')).json().data.reference).toBe(theirs.reference);
    expect(second.app.sim.ctx.store.count('intents')).toBe(referencesBefore.length);

    // The attempt that was pending at the restart is picked up again and finishes, with its callback.
    expect((await status(second, second.sandbox, 'R2')).json().data.status).toBe('PENDING');
    await second.advance(second.config.pinDelayMs);
    expect((await status(second, second.sandbox, 'R2')).json().data.status).toBe('COMPLETED');
    // The callback is scheduled once its commit is on disk: an fsync, which on a busy disk can take
    // many event-loop turns (the bound only stops a test that would otherwise never end).
    await until(() => second.sent.length > 0, 2_000_000);
    expect(second.sent.map((s) => (s.body as { reference: string }).reference)).toEqual([inFlight.reference]);

    // Ids go on from the stored counters: nothing made after the restart repeats an earlier id.
    const fresh = await createIntent(second, second.sandbox, body('R3'));
    expect(referencesBefore).not.toContain(fresh.reference);
    const another = (await second.inject({ method: 'POST', url: '/_sim/merchants', payload: { environment: 'sandbox' } })).json() as Merchant;
    for (const field of ['id', 'clientId', 'clientSecret', 'tokenId', 'apiKey'] as const) {
      expect(merchants.map((m) => m[field])).not.toContain(another[field]);
    }
  });

  it('keeps its callback signing key in the data folder (private key 0600), the same after a restart', async () => {
    const dataDir = await tempDir();
    const config = defaultConfig({ memory: false, dataDir, clock: 'manual' });
    const pem = async () => {
      const app = await buildApp({ config });
      try {
        const res = await app.inject({ method: 'GET', url: '/_sim/keys/callback.pem' });
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toContain('application/x-pem-file');
        return res.body;
      } finally {
        await app.close();
      }
    };
    const before = await pem();
    expect(before).toMatch(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----\n$/);
    const privateFile = await stat(join(dataDir, 'keys', 'callback-private.pem'));
    expect(privateFile.mode & 0o777).toBe(0o600);
    expect(await readFile(join(dataDir, 'keys', 'callback-public.pem'), 'utf8')).toBe(before);

    expect(await pem()).toBe(before);
    // Another data folder gets another key: the equality above is not an accident.
    const elsewhere = await buildApp({ config: defaultConfig({ memory: false, dataDir: await tempDir(), clock: 'manual' }) });
    try {
      expect((await elsewhere.inject({ method: 'GET', url: '/_sim/keys/callback.pem' })).body).not.toBe(before);
    } finally {
      await elsewhere.close();
    }
  });
});

describe('a new intent handed over to the store', () => {
  it('a new intent is stored without a copy, yet shares nothing with the body it was made from', async () => {
    const app = await buildApp({ config: defaultConfig({ memory: true, logLevel: 'silent' }) });
    try {
      const merchant = app.sim.merchants.list().find((m) => m.environment === 'sandbox')!;
      const body = {
        amount: 100,
        description: 'Order',
        callbackUrl: 'https://merchant.example/cb',
        key: 'HANDOVER1',
        payload: { billingAddress: { email: 'jane@example.com' }, customData: { lines: [{ sku: 'A' }] } },
        metadata: { order: { id: 7 } },
      };
      const made = await app.sim.payments.createIntent(merchant, body as never);
      const stored = app.sim.ctx.store.get('intents', made.id)!;
      expect(stored).toBe(made); // handed over, not copied
      body.payload.billingAddress.email = 'changed@example.com';
      body.payload.customData.lines[0]!.sku = 'B';
      body.payload.customData.lines.push({ sku: 'C' });
      body.metadata.order.id = 8;
      expect(stored.payload).toEqual({ billingAddress: { email: 'jane@example.com' }, customData: { lines: [{ sku: 'A' }] } });
      expect(stored.metadata).toEqual({ order: { id: 7 } });
      // Its empty lists are the store's shared frozen ones, as a copied record's are.
      expect(Object.isFrozen(stored.attempts) && Object.isFrozen(stored.refunds)).toBe(true);
      expect(stored).not.toHaveProperty('returnUrl');
    } finally {
      await app.close();
    }
  });
});
