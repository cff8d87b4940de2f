// Deliveries in flight are bounded (CALLBACK_CONCURRENCY, decision 0072): with every callback due to a
// receiver that hangs, no more than the bound are sent at once, the rest wait in the outbox (still pending
// in the store), the API keeps answering, and once the receiver answers every callback is delivered,
// each exactly once. Before the bound, 1,060 hanging deliveries ran the process out of file descriptors.
// The latency of status reads under a hanging receiver is measured by torture/hanging-receiver.ts.
import { describe, expect, it, vi } from 'vitest';
import type { Transport } from '../../simulator/src/callbacks/outbox.js';
import type { CallbackRecord } from '../../simulator/src/domain/records.js';
import { createIntent, processMobile, startTestSim, status, until } from '../helpers/sim.js';

// The outbox signs each callback in the thread pool before it sends it (decision 0111): a wait for a
// delivery to reach the receiver is a wait for the pool too, so it gets the turns store.test.ts gives fsyncs.
const POOL_TURNS = 2_000_000;

/** A receiver that holds every request until released. */
function hangingReceiver() {
  const held: Array<{ url: string; release: () => void }> = [];
  let sent = 0;
  const transport: Transport = (url) =>
    new Promise((resolve) => {
      sent++;
      held.push({ url, release: () => resolve({ statusCode: 200, text: 'ok' }) });
    });
  return {
    transport,
    held,
    get sent() {
      return sent;
    },
    releaseAll() {
      for (const h of held.splice(0)) h.release();
    },
  };
}

describe('callback deliveries in flight', () => {
  it('never exceed CALLBACK_CONCURRENCY; the rest wait, the API answers, and none is dropped', async () => {
    const receiver = hangingReceiver();
    const sim = await startTestSim({ callbackConcurrency: 4, pinDelayMs: 1000 }, { transport: receiver.transport });
    const keys = Array.from({ length: 30 }, (_, i) => `HANG${i}`);
    for (const key of keys) {
      const intent = await createIntent(sim, sim.sandbox, { key });
      await processMobile(sim, intent.reference, 'MPESA', '254712345678');
    }
    // Every payment completes at once, and every callback is due.
    sim.clock.advance(1000);
    await until(() => receiver.sent === 4, POOL_TURNS);
    // More turns change nothing: the other 26 wait.
    for (let i = 0; i < 50; i++) await new Promise((r) => setImmediate(r));
    expect(receiver.sent).toBe(4);
    expect(sim.app.sim.ctx.outbox.load).toEqual({ inFlight: 4, waiting: 26 });
    const pending = [...sim.app.sim.ctx.store.all('callbacks')].filter((cb) => cb.state === 'pending');
    expect(pending).toHaveLength(30);

    // The API answers while the receiver hangs.
    expect((await status(sim, sim.sandbox, 'HANG7')).json().data.status).toBe('COMPLETED');
    expect((await sim.inject({ method: 'GET', url: '/_sim/health' })).statusCode).toBe(200);

    // The receiver comes back: every callback goes out, four at a time, each once.
    while (receiver.held.length > 0) {
      expect(receiver.held.length).toBeLessThanOrEqual(4);
      receiver.releaseAll();
      await until(() => receiver.held.length > 0 || sim.app.sim.ctx.outbox.load.inFlight === 0, POOL_TURNS);
    }
    await until(() => [...sim.app.sim.ctx.store.all('callbacks')].every((cb) => cb.state === 'delivered'), POOL_TURNS);
    expect(receiver.sent).toBe(30);
    const references = [...sim.app.sim.ctx.store.all('callbacks')].map((cb) => cb.reference);
    expect(new Set(references).size).toBe(30);
  });
});

describe('a slot is the request', () => {
  it('is free once the receiver has answered, while the delivery is still being stored', async () => {
    const receiver = hangingReceiver();
    const sim = await startTestSim({ callbackConcurrency: 1, pinDelayMs: 1000 }, { transport: receiver.transport });
    for (const key of ['SLOT1', 'SLOT2']) {
      const intent = await createIntent(sim, sim.sandbox, { key });
      await processMobile(sim, intent.reference, 'MPESA', '254712345678');
    }
    // The store holds every commit that records a delivery until the test lets it go.
    const store = sim.app.sim.ctx.store;
    const commit = store.commit.bind(store);
    let letGo = () => {};
    const gate = new Promise<void>((resolve) => (letGo = resolve));
    let held = 0;
    const spy = vi.spyOn(store, 'commit').mockImplementation(async (changes, options) => {
      if (changes.some((c) => c.collection === 'callbacks' && 'value' in c && (c.value as CallbackRecord).deliveries.length > 0)) {
        held++;
        await gate;
      }
      return commit(changes, options);
    });
    try {
      sim.clock.advance(1000);
      await until(() => receiver.sent === 1, POOL_TURNS);
      receiver.releaseAll(); // the first is answered; its record waits for the store
      await until(() => held === 1 && receiver.sent === 2, POOL_TURNS);
      expect(sim.app.sim.ctx.outbox.load).toEqual({ inFlight: 1, waiting: 0 });
      letGo();
      receiver.releaseAll();
      await until(() => [...store.all('callbacks')].every((cb) => cb.state === 'delivered'), POOL_TURNS);
    } finally {
      spy.mockRestore();
    }
    expect(receiver.sent).toBe(2);
  });
});

describe('a full reset and the callbacks waiting for a slot', () => {
  it('forgets them: ids restart, so a waiting id must not send a new callback before its time', async () => {
    const receiver = hangingReceiver();
    const sim = await startTestSim({ callbackConcurrency: 1, pinDelayMs: 1000 }, { transport: receiver.transport });
    for (const key of ['WAIT1', 'WAIT2', 'WAIT3']) {
      const intent = await createIntent(sim, sim.sandbox, { key });
      await processMobile(sim, intent.reference, 'MPESA', '254712345678');
    }
    sim.clock.advance(1000);
    await until(() => receiver.sent === 1, POOL_TURNS);
    expect(sim.app.sim.ctx.outbox.load).toEqual({ inFlight: 1, waiting: 2 });

    const reset = sim.inject({ method: 'POST', url: '/_sim/reset' });
    receiver.releaseAll();
    expect((await reset).statusCode).toBe(200);
    expect(sim.app.sim.ctx.outbox.load.waiting).toBe(0);
  });
});
