// Reset: the simulator as on its first start with the same seed. No intents, callbacks or inbox messages;
// the demo merchants again, with the same credentials (ids restart from the seed). The signing key, the
// settings and the clock's time are kept. One function, so the library's reset() and a /_sim reset
// operation do exactly the same thing (docs/decisions/0043-library-and-reset.md).
import type { Merchants } from './merchants.js';
import type { Payments } from './payments.js';
import type { Context } from './context.js';
import { NotQuietError } from '../runtime/quiet.js';
import { settle } from './settle.js';

export async function resetSimulator(sim: { ctx: Context; payments: Payments; merchants: Merchants }): Promise<void> {
  const { ctx, payments, merchants } = sim;
  // Long-polls under way are answered (PENDING), as on a stop.
  payments.releaseAll();
  // No timer starts new work meanwhile (an attempt, a refund, a delivery): only what is under way is waited for.
  ctx.globalClock.cancelAll();
  // Nor does a callback waiting for a delivery slot: settling waits only for deliveries already in flight.
  ctx.outbox.forgetScheduled();
  // Writes and deliveries under way finish and are recorded before the records go. Under a steady load the
  // simulator may never be quiet; the reset goes on (the clear below still waits for the writes under way)
  // and logs it, so whoever reads the log of a suite that resets under load sees why it took 200 turns.
  await settle(ctx).catch((err: unknown) => {
    if (!(err instanceof NotQuietError)) throw err;
    ctx.log.warn({ err }, 'the reset went on without a quiet moment: requests were still arriving');
  });
  // Ids restart, so a timer left from the old data (a PIN entry, a refund, a callback retry) could act on a
  // new record that got the same id: none may fire. A long poll that arrived while the work above settled
  // holds a deadline timer that goes too, so it is answered in the same turn: nothing can start waiting
  // between the two (docs/decisions/0024-resets-and-fixed-credentials.md).
  ctx.globalClock.cancelAll();
  ctx.outbox.forgetScheduled();
  payments.releaseAll();
  await ctx.store.clear();
  ctx.ids.restore({});
  await merchants.ensureDemo();
}
