// Waiting for the simulator to be quiet: no write and no callback delivery under way for a few turns in a
// row (runtime/quiet.ts). Used by reset and by the tests after a jump of the clock, never by request
// handling (a clock move settles timer by timer: clock-steps.ts).
import { untilQuiet } from '../runtime/quiet.js';
import type { Context } from './context.js';

/** Turns in a row with nothing in flight before the simulator counts as quiet: a timer's commit, the delivery it schedules and that delivery's commit. */
const QUIET_TURNS = 5;
/**
 * Turns at most: under a steady stream of requests there may never be five quiet ones. Each turn still
 * waits for the writes and deliveries under way at its start.
 */
const MAX_TURNS = 200;

/** Resolves once the simulator is quiet; rejects with NotQuietError when it does not get there in MAX_TURNS. */
export function settle(ctx: Pick<Context, 'store' | 'outbox'>): Promise<void> {
  return untilQuiet({
    what: 'the simulator (writes and callback deliveries)',
    quietTurns: QUIET_TURNS,
    maxTurns: MAX_TURNS,
    drain: async () => {
      const busy = ctx.store.writing;
      await ctx.store.idle();
      await ctx.outbox.idle();
      return busy;
    },
  });
}
