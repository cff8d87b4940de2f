// The outbox across a restart on the same data folder: a callback that failed its first delivery and one
// that was never attempted (held for reordering) are both delivered after the restart, at the times they
// were due, with the earlier attempt still in the log; the delivery settings survive; and delivered
// callbacks beyond the memory bound are dropped again after the log is replayed.
import { describe, expect, it } from 'vitest';
import { SimClock } from '../../simulator/src/runtime/clock.js';
import { merchantCallbacks, scriptedReceiver, setCallbackSettings } from '../helpers/callbacks.js';
import { paidIntent, startTestSim, type TestSim } from '../helpers/sim.js';
import { tempDir } from '../helpers/temp-dirs.js';

function boot(dataDir: string, clock: SimClock, answer: () => number, overrides: { callbackMemoryLimit?: number } = {}) {
  const receiver = scriptedReceiver(() => clock.now(), answer);
  return { receiver, sim: startTestSim({ memory: false, dataDir, clock: 'manual', ...overrides }, { clock, transport: receiver.transport }) };
}

/**
 * With lowdb a commit waits for real file I/O, which a busy machine can make slow: wait (bounded, about 20 s
 * at most, never asserting how long it took) until the outbox has recorded `n` deliveries in all.
 */
async function deliveries(sim: TestSim, n: number): Promise<void> {
  const count = () => [...sim.app.sim.ctx.store.all('callbacks')].reduce((sum, cb) => sum + cb.deliveries.length, 0);
  for (let i = 0; i < 2000 && count() < n; i++) await new Promise((r) => setTimeout(r, 10));
  expect(count()).toBeGreaterThanOrEqual(n);
}

describe('the outbox restarted on the same data folder', () => {
  it('delivers what was undelivered at the stop, when it was due, keeping the earlier attempts', async () => {
    const dataDir = await tempDir('littlepay-sim-outbox-');
    const firstClock = new SimClock('manual');
    const first = boot(dataDir, firstClock, () => 503);
    const sim1 = await first.sim;
    await setCallbackSettings(sim1, sim1.sandbox2.id, { reorder: true });
    const failedOnce = await paidIntent(sim1, sim1.sandbox, { key: 'OUT1' });
    await deliveries(sim1, 1);
    const held = await paidIntent(sim1, sim1.sandbox2, { key: 'OUT2' });
    const before = [...(await merchantCallbacks(sim1, sim1.sandbox.id)), ...(await merchantCallbacks(sim1, sim1.sandbox2.id))];
    expect(before.map((c) => [c.reference, c.state, c.deliveries.length])).toEqual([
      [failedOnce, 'pending', 1],
      [held, 'pending', 0],
    ]);
    expect(first.receiver.calls).toHaveLength(1);
    const stoppedAt = firstClock.now();
    await sim1.close();

    const clock = new SimClock('manual', stoppedAt);
    const second = boot(dataDir, clock, () => 200);
    const sim2 = await second.sim;
    expect(await merchantCallbacks(sim2, sim2.sandbox.id)).toEqual(before.slice(0, 1));
    expect((await sim2.inject({ method: 'GET', url: `/_sim/merchants/${sim2.sandbox2.id}/callback-settings` })).json()).toMatchObject({ reorder: true });

    // Nothing goes before it is due; then each goes once, at its time.
    const due = before.map((c) => Date.parse(c.nextAttemptAt!));
    expect(due[0]).toBeLessThan(due[1]!);
    await sim2.advance(due[0]! - stoppedAt - 1);
    expect(second.receiver.calls).toHaveLength(0);
    await sim2.advance(1);
    await deliveries(sim2, 2);
    await sim2.advance(due[1]! - due[0]!);
    await deliveries(sim2, 3);
    expect(second.receiver.calls.map((c) => [c.body.reference, c.at])).toEqual([
      [failedOnce, due[0]],
      [held, due[1]],
    ]);
    // The very body that failed before the restart.
    expect(second.receiver.calls[0]!.raw).toBe(first.receiver.calls[0]!.raw);

    const [retried] = await merchantCallbacks(sim2, sim2.sandbox.id);
    expect(retried!.state).toBe('delivered');
    expect(retried!.deliveries.map((d) => d.statusCode)).toEqual([503, 200]);
    expect((await merchantCallbacks(sim2, sim2.sandbox2.id))[0]).toMatchObject({ reference: held, state: 'delivered', deliveries: [{ statusCode: 200 }] });
    const stoppedAgain = clock.now();
    await sim2.close();

    // Restarted with room for no delivered callback: the replayed log's delivered ones are dropped again.
    const third = boot(dataDir, new SimClock('manual', stoppedAgain), () => 200, { callbackMemoryLimit: 0 });
    const sim3 = await third.sim;
    expect(await merchantCallbacks(sim3, sim3.sandbox.id)).toEqual([]);
    expect(sim3.app.sim.ctx.store.count('callbacks')).toBe(0);
    await sim3.advance(86_400_000);
    expect(third.receiver.calls).toHaveLength(0);
  });
});
