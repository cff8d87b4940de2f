// The one way a clock is moved forward, for the library (sim.clock.advance and set) and for /_sim (a
// merchant's clock advance and set): from timer to timer, each at its own time, letting the work each one
// sets off finish before the next fires. Jumping straight to the target would fire everything due at the
// target's time, so a callback retried "10s later" would be retried 10 s after the target, not after its
// failed try, and a day's worth of retries would look like two (docs/decisions/0020-test-clocks.md).
import type { SimClock } from '../runtime/clock.js';
import { untilQuiet } from '../runtime/quiet.js';
import type { Context } from './context.js';

/**
 * Enough for any honest schedule (ten callback retries per callback); a loop of timers that re-arm a moment
 * later stops here (one that re-arms at the same instant never settles: NotQuietError).
 */
const MAX_STEPS = 100_000;
const MAX_SETTLE_ROUNDS = 1000;

type Quiet = Pick<Context, 'store' | 'outbox'>;

/** Moves `clock` to `target`, timer by timer (its own and those of the clocks that follow it). */
export async function stepClock(clock: SimClock, target: number, sim: Quiet): Promise<void> {
  for (let step = 0; step < MAX_STEPS; step++) {
    const next = clock.nextDue;
    if (next === undefined || next > target) break;
    clock.set(next);
    await settleClock(clock, sim);
  }
  clock.set(target);
  await settleClock(clock, sim);
}

/** Waits until nothing is running or due on the clock, no callback delivery is under way and the writes they made are stored. */
function settleClock(clock: SimClock, sim: Quiet): Promise<void> {
  return untilQuiet({
    what: 'a step of the clock (its timers, the deliveries and writes they set off)',
    quietTurns: 1,
    maxTurns: MAX_SETTLE_ROUNDS,
    drain: async () => {
      await clock.idle();
      await sim.outbox.idle();
      await sim.store.idle();
      return clock.busy;
    },
  });
}
