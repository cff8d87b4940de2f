// Waiting for the simulator to be quiet: the work a clock move or a request set off is a chain (a timer
// commits an attempt, the commit schedules a callback for the next turn, the delivery commits again), so
// "done" is a run of event-loop turns with no write and no delivery under way. Used by reset, never by
// request handling (a clock move settles timer by timer: clock-steps.ts).
import type { Context } from './context.js';

/** Turns in a row with nothing in flight before the simulator counts as quiet (what test/helpers/sim.ts found enough). */
const QUIET_TURNS = 5;
/**
 * Turns at most: under a steady stream of requests there may never be five quiet ones, and a reset must not
 * wait for the load to stop. Each turn still waits for the writes and deliveries under way at its start.
 */
const MAX_TURNS = 200;

export async function settle(ctx: Pick<Context, 'store' | 'outbox'>): Promise<void> {
  let quiet = 0;
  for (let turn = 0; quiet < QUIET_TURNS && turn < MAX_TURNS; turn++) {
    await new Promise((resolve) => setImmediate(resolve));
    const busy = ctx.store.writing;
    await ctx.store.idle();
    await ctx.outbox.idle();
    quiet = busy ? 0 : quiet + 1;
  }
}
