// Deliveries in flight are bounded (CALLBACK_CONCURRENCY, decision 0072): with every callback due to a
// receiver that hangs, no more than the bound are sent at once, the rest wait in the outbox (still pending
// in the store), the API keeps answering, and once the receiver answers every callback is delivered,
// each exactly once. Before the bound, 1,060 hanging deliveries ran the process out of file descriptors.
// The latency of status reads under a hanging receiver is measured by torture/hanging-receiver.ts.
import { describe, expect, it } from 'vitest';
import type { Transport } from '../../simulator/src/callbacks/outbox.js';
import { createIntent, processMobile, startTestSim, status, until } from '../helpers/sim.js';

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
    await until(() => receiver.sent === 4);
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
      await until(() => receiver.held.length > 0 || sim.app.sim.ctx.outbox.load.inFlight === 0);
    }
    await until(() => [...sim.app.sim.ctx.store.all('callbacks')].every((cb) => cb.state === 'delivered'));
    expect(receiver.sent).toBe(30);
    const references = [...sim.app.sim.ctx.store.all('callbacks')].map((cb) => cb.reference);
    expect(new Set(references).size).toBe(30);
  });
});
