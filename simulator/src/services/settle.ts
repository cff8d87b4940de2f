// Waiting for the simulator to be quiet: the work a clock move or a request set off is a chain (a timer
// commits an attempt, the commit schedules a callback for the next turn, the delivery commits again), so
// "done" is a run of event-loop turns with no write and no delivery under way. Used by reset, never by
// request handling (a clock move settles timer by timer: clock-steps.ts).
import type { Context } from './context.js';

/** Turns in a row with nothing in flight before the simulator counts as quiet (what test/helpers/sim.ts found enough). */
const QUIET_TURNS = 5;

export async function settle(ctx: Pick<Context, 'store' | 'outbox'>): Promise<void> {
  let quiet = 0;
  while (quiet < QUIET_TURNS) {
    await new Promise((resolve) => setImmediate(resolve));
    const busy = ctx.store.writing;
    await ctx.store.idle();
    await ctx.outbox.idle();
    quiet = busy ? 0 : quiet + 1;
  }
}
