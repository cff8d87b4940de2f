// Where resets meet time and work in flight, as an integrator's CI suite drives them (reset before each
// test, advance the clock, retry): the delivered-callback memory bound after a reset, a long poll that
// arrives during a full reset, what a merchant reset resets, and one way of stepping a clock for the
// library and for /_sim, and a full reset under a steady load.
import { describe, expect, it } from 'vitest';
import type { Transport } from '../../simulator/src/callbacks/outbox.js';
import { clockControl } from '../../simulator/src/services/clock-control.js';
import { memoryPersistence, Store } from '../../simulator/src/store/store.js';
import { advanceClock, newMerchant } from '../helpers/control.js';
import { createIntent, paidIntent, processMobile, startTestSim, until, untilPendingAttempt, type Merchant, type TestSim } from '../helpers/sim.js';

const json = { 'content-type': 'application/json' };

async function callbacksOf(sim: TestSim, m: Pick<Merchant, 'id'>) {
  const res = await sim.inject({ method: 'GET', url: `/_sim/callbacks?merchantId=${m.id}` });
  return res.json().callbacks as Array<{ id: string; state: string; deliveries: unknown[] }>;
}

describe('the delivered-callback memory limit across a merchant reset', () => {
  it('stays the configured limit: the callbacks a reset removed no longer count', async () => {
    const sim = await startTestSim({ callbackMemoryLimit: 2 });
    const m = await newMerchant(sim);
    await paidIntent(sim, m, { key: 'OLD1' });
    await paidIntent(sim, m, { key: 'OLD2' });
    await sim.inject({ method: 'POST', url: `/_sim/merchants/${m.id}/reset` });
    for (const key of ['NEW1', 'NEW2', 'NEW3']) await paidIntent(sim, m, { key });

    const kept = await callbacksOf(sim, m);
    expect(kept.map((c) => c.state)).toEqual(['delivered', 'delivered']);
    for (const cb of kept) expect((await sim.inject({ method: 'POST', url: `/_sim/callbacks/${cb.id}/replay` })).statusCode).toBe(202);
  });

  it("keeps one merchant's callbacks when another's newer ones were reset away", async () => {
    const sim = await startTestSim({ callbackMemoryLimit: 2 });
    const [a, b] = [await newMerchant(sim), await newMerchant(sim)];
    await paidIntent(sim, a, { key: 'A1' });
    await paidIntent(sim, b, { key: 'B1' });
    await sim.inject({ method: 'POST', url: `/_sim/merchants/${b.id}/reset` });
    await paidIntent(sim, a, { key: 'A2' });

    expect((await callbacksOf(sim, a)).map((c) => c.state)).toEqual(['delivered', 'delivered']);
  });
});

describe('a long poll that arrives while a full reset is under way', () => {
  it('is answered, and leaves no waiter behind, even though the reset drops every timer', async () => {
    let release = () => {};
    // The outbox signs in the thread pool before it sends: "delivering" is awaited, not counted in turns.
    let markDelivering = () => {};
    const delivering = new Promise<void>((resolve) => (markDelivering = resolve));
    // A delivery under way holds the reset in its wait for work in flight, long enough for the long poll to arrive.
    const held: Transport = async () => {
      markDelivering();
      await new Promise<void>((resolve) => (release = resolve));
      return { statusCode: 200, text: 'ok' };
    };
    const sim = await startTestSim({}, { transport: held });
    const waiting = await createIntent(sim, sim.sandbox, { key: 'WAITS' });
    const paying = await createIntent(sim, sim.sandbox, { key: 'PAYS' });
    await processMobile(sim, paying.reference, 'MPESA', '254712345678');
    sim.clock.advance(sim.config.pinDelayMs);
    await delivering;

    const resetting = sim.inject({ method: 'POST', url: '/_sim/reset' });
    const poll = processMobile(sim, waiting.reference, 'MPESA', '254712345678', true);
    await untilPendingAttempt(sim, waiting.reference);
    release();
    expect((await resetting).statusCode).toBe(200);
    sim.clock.advance(120_000);
    let answered = false;
    void poll.then(() => (answered = true));
    await until(() => answered);
    expect([200, 404]).toContain((await poll).statusCode);
  });
});

describe('what a merchant reset resets', () => {
  it('puts its callback settings back to the defaults and forgets its last receiver-check report', async () => {
    const sim = await startTestSim();
    const m = await newMerchant(sim);
    const settings = `/_sim/merchants/${m.id}/callback-settings`;
    await sim.inject({ method: 'POST', url: settings, headers: json, payload: { duplicates: true, reorder: true } });
    const check = await sim.inject({
      method: 'POST',
      url: `/_sim/merchants/${m.id}/callback-check`,
      headers: json,
      payload: { url: 'https://merchant.example/cb' },
    });
    expect(check.statusCode).toBe(200);
    const defaults = (await sim.inject({ method: 'GET', url: `/_sim/merchants/${sim.sandbox.id}/callback-settings` })).json();

    await sim.inject({ method: 'POST', url: `/_sim/merchants/${m.id}/reset` });

    expect((await sim.inject({ method: 'GET', url: settings })).json()).toEqual(defaults);
    const report = await sim.inject({ method: 'GET', url: `/_sim/merchants/${m.id}/callback-check` });
    expect(report.statusCode).toBe(404);
    expect(report.json().data.code).toBe('CALLBACK_CHECK_NOT_FOUND');
  });
});

describe('one way to step a clock', () => {
  it("the library's clock.advance and a /_sim advance deliver the same retries: a day is ten tries, then failed", async () => {
    const refusing: Transport = async () => ({ statusCode: 500, text: 'no' });
    const sim = await startTestSim({}, { transport: refusing });
    const viaLibrary = await newMerchant(sim);
    const viaSim = await newMerchant(sim);
    for (const m of [viaLibrary, viaSim]) {
      const { reference } = await createIntent(sim, m, { key: 'DAY' });
      await processMobile(sim, reference, 'MPESA', '254712345678');
    }
    // The library moves the simulator's clock; viaSim's clock has not been moved on its own, so it follows.
    // Its callback is delivered by the library's advance too: freeze it first, then move it through /_sim.
    await sim.inject({ method: 'POST', url: `/_sim/merchants/${viaSim.id}/clock`, headers: json, payload: { action: 'freeze' } });
    await clockControl(sim.clock, sim.app.sim.ctx).advance(86_400_000);
    await advanceClock(sim, viaSim, '1d');

    const tries = sim.config.callbackRetryScheduleMs.length + 1;
    for (const m of [viaLibrary, viaSim]) {
      const [cb] = await callbacksOf(sim, m);
      expect({ state: cb!.state, deliveries: cb!.deliveries.length }).toEqual({ state: 'failed', deliveries: tries });
    }
  });

  it('fails the advance, naming the cause, when a timer keeps re-arming at the same instant (it used to spin on)', async () => {
    const sim = await startTestSim();
    const clock = sim.app.sim.ctx.globalClock;
    let stopped = false;
    // Work that always sets off more work due at once, a turn later (as a commit and its callback do).
    const rearm = async (): Promise<void> => {
      await new Promise((resolve) => setImmediate(resolve));
      if (!stopped) clock.at(clock.now(), rearm);
    };
    clock.at(clock.now() + 1000, rearm);
    await expect(clockControl(clock, sim.app.sim.ctx).advance(5000)).rejects.toThrow(
      expect.objectContaining({ name: 'NotQuietError', message: expect.stringContaining('a step of the clock') }),
    );
    stopped = true;
    clock.cancelAll();
  });
});

describe('a full reset under a steady load of writes', () => {
  it('finishes: it waits for the writes under way, not for a moment with none', async () => {
    // Each write is under way across a turn of the event loop, as a disk's fdatasync is.
    const store = new Store({ ...memoryPersistence(), append: () => new Promise<void>((resolve) => setImmediate(resolve)) });
    const sim = await startTestSim({}, { store });
    let reset = false;
    const load = (async () => {
      for (let n = 0; !reset; n++) {
        void store.commit([
          { collection: 'inbox', value: { id: `load_${n}`, name: 'load', receivedAt: '2026-01-01T00:00:00.000Z', signatureValid: true, headers: {}, body: n } },
        ]);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    void sim.inject({ method: 'POST', url: '/_sim/reset' }).then(() => (reset = true));
    await until(() => reset, 5000);
    await load;
  });
});
