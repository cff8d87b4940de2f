// startSimulator (simulator/src/library.ts): each call is a simulator of its own (port, store, ids, clock,
// signing key); reset() returns it to a first start; the clock control waits for what it set off.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSimClient, startSimulator, type Simulator, type StartSimulatorOptions } from 'littlepay-sim';
import { ConfigError } from '../../simulator/src/config.js';

const open: Simulator[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function start(options: StartSimulatorOptions = {}): Promise<Simulator> {
  const sim = await startSimulator({ clock: 'manual', ...options });
  open.push(sim);
  return sim;
}

const order = (key: string, sim: Simulator, description = 'Order') => ({ amount: 100, description, key, callbackUrl: `${sim.url}/_sim/inbox/lib` });
const MPESA = { type: 'MPESA' as const, payment: { mobile: '254712345678' } };

async function paid(sim: Simulator, key: string) {
  const lp = sim.client();
  const reference = (await lp.createIntent(order(key, sim))).data!.data.reference;
  await lp.processPayment(reference, MPESA);
  await sim.clock.advance(3000);
  return reference;
}

describe('two simulators in one test file', () => {
  it('share nothing: port, store, clock, inbox or signing key', async () => {
    const [a, b] = await Promise.all([start({ seed: 'same' }), start({ seed: 'same' })]);
    expect(a.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(a.url).not.toBe(b.url);
    // Same seed, same credentials: but each has its own data.
    expect(a.merchants).toEqual(b.merchants);

    await paid(a, 'SHARED1');
    expect((await a.client().getPaymentStatus('SHARED1')).data?.data.status).toBe('COMPLETED');
    expect((await b.client().getPaymentStatus('SHARED1')).response.status).toBe(404);
    // The key is free in b, even with another body (in a it would be DUPLICATE_KEY).
    expect((await b.client().createIntent(order('SHARED1', b, 'Another'))).response.status).toBe(200);
    expect((await a.client().createIntent(order('SHARED1', a, 'Another'))).response.status).toBe(409);

    expect(a.clock.now().toISOString()).toBe('2026-01-01T00:00:03.000Z');
    expect(b.clock.now().toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect((await createSimClient({ baseUrl: a.url }).inbox('lib')).data?.messages).toHaveLength(1);
    expect((await createSimClient({ baseUrl: b.url }).inbox('lib')).data?.messages).toHaveLength(0);
    const pem = async (s: Simulator) => (await createSimClient({ baseUrl: s.url }).callbackPublicKey()).data;
    expect(await pem(a)).not.toBe(await pem(b));

    await a.reset();
    expect((await b.client().getPaymentStatus('SHARED1')).response.status).toBe(200);
    await a.close();
    expect((await b.client().getPaymentStatus('SHARED1')).data?.data.key).toBe('SHARED1');
    await expect(fetch(`${a.url}/_sim/health`)).rejects.toThrow();
  });

  it('with different seeds have different merchants', async () => {
    const [a, b] = await Promise.all([start({ seed: 'one' }), start({ seed: 'two' })]);
    expect(a.merchants.map((m) => m.environment)).toEqual(['sandbox', 'sandbox', 'production']);
    expect(a.merchants[0]!.apiKey).not.toBe(b.merchants[0]!.apiKey);
  });
});

describe('reset()', () => {
  it('forgets intents, callbacks, inbox and created merchants; the demo merchants and ids start again', async () => {
    const sim = await start({ seed: 'reset' });
    const admin = createSimClient({ baseUrl: sim.url });
    const before = sim.merchants;
    const first = await paid(sim, 'R1');
    await admin.createMerchant({ environment: 'sandbox', name: 'Extra' });

    await sim.reset();
    expect(sim.merchants).toEqual(before);
    expect((await admin.listMerchants()).data?.merchants).toEqual(before);
    expect((await sim.client().getPaymentStatus('R1')).response.status).toBe(404);
    expect((await admin.listCallbacks()).data?.callbacks).toEqual([]);
    expect((await admin.inbox('lib')).data?.messages).toEqual([]);
    // The clock keeps its time; ids repeat from the seed, so the same first request gets the same reference.
    expect(sim.clock.now().toISOString()).toBe('2026-01-01T00:00:03.000Z');
    expect(await paid(sim, 'R1')).toBe(first);
  });

  it('cancels what was scheduled for the old data, so it cannot act on a new record with the same id', async () => {
    const sim = await start({ seed: 'timers' });
    const lp = sim.client();
    const old = (await lp.createIntent(order('T1', sim))).data!.data.reference;
    await lp.processPayment(old, MPESA); // its PIN entry is due at +3 s
    await sim.clock.advance(1000);
    await sim.reset();

    const again = (await lp.createIntent(order('T1', sim))).data!.data.reference;
    expect(again).toBe(old);
    await lp.processPayment(again, MPESA); // due at +4 s
    await sim.clock.advance(2000); // +3 s: the old PIN entry would have completed it now
    expect((await lp.getPaymentStatus('T1')).data?.data.status).toBe('PENDING');
    await sim.clock.advance(1000);
    expect((await lp.getPaymentStatus('T1')).data?.data.status).toBe('COMPLETED');
  });
});

describe('the clock', () => {
  it('is real time by default, and frozen with clock: "manual"', async () => {
    const [system, manual] = await Promise.all([startSimulator(), start()]);
    open.push(system);
    expect(system.clock.frozen).toBe(false);
    expect(manual.clock.frozen).toBe(true);
    manual.clock.resume();
    expect(manual.clock.frozen).toBe(false);
    manual.clock.freeze();
    expect(manual.clock.frozen).toBe(true);
  });

  it('moves only forward, by a number of milliseconds or to an instant', async () => {
    const sim = await start();
    await sim.clock.set('2026-02-01T00:00:00Z');
    expect(sim.clock.now().toISOString()).toBe('2026-02-01T00:00:00.000Z');
    await sim.clock.set(new Date('2026-02-01T00:00:00Z')); // where it stands: no move
    await expect(sim.clock.set('2026-01-01T00:00:00Z')).rejects.toThrow(/only moves forward/);
    await expect(sim.clock.set('not a date')).rejects.toThrow(/not a date/);
    await expect(sim.clock.advance(-1)).rejects.toThrow(RangeError);
    await expect(sim.clock.advance(Number.NaN)).rejects.toThrow(RangeError);
    expect(sim.clock.now().toISOString()).toBe('2026-02-01T00:00:00.000Z');
  });
});

describe('options', () => {
  it.each([
    [{ pinDelayMs: -1 }, /startSimulator option pinDelayMs must be a whole number/],
    [{ clock: 'fast' }, /startSimulator option clock must be one of system, manual/],
    [{ pinDelay: 10 }, /unknown startSimulator option "pinDelay"/],
    [{ publicUrl: 'ftp://x' }, /startSimulator option publicUrl must be an http\(s\) URL/],
  ])('refuses %o naming the option', async (options, message) => {
    const error = await startSimulator(options as StartSimulatorOptions).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
  });

  it('needs a dataDir for memory: false', async () => {
    await expect(startSimulator({ memory: false })).rejects.toThrow(/memory: false needs a dataDir/);
  });

  it('keeps data across a restart with a dataDir, and uses publicUrl for checkoutUrl', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'littlepay-lib-'));
    dirs.push(dataDir);
    const first = await start({ dataDir, seed: 'disk' });
    const reference = await paid(first, 'DISK1');
    await first.close();

    const second = await start({ dataDir, seed: 'disk', publicUrl: 'https://shop.example' });
    expect(second.merchants).toEqual(first.merchants);
    const status = await second.client().getPaymentStatus('DISK1');
    expect(status.data?.data).toMatchObject({ reference, status: 'COMPLETED' });
    const created = await second.client().createIntent(order('DISK2', second));
    expect(created.data?.data.checkoutUrl).toBe(`https://shop.example/checkout/${created.data!.data.reference}`);
  });

  it('close() can be called twice', async () => {
    const sim = await start();
    await sim.close();
    await expect(sim.close()).resolves.toBeUndefined();
  });
});
