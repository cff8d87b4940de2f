// The clock as a test suite drives it: advance() resolves once everything the move set off has finished
// (PIN entries, refunds, callbacks and their deliveries), so the next line can assert on it. It steps from
// timer to timer exactly as a /_sim clock advance does (clock-steps.ts), so a day advanced here delivers the
// same retries as a day advanced through /_sim. Built over one SimClock; per-merchant test clocks can hand
// out the same interface for each merchant's clock.
import type { SimClock } from '../runtime/clock.js';
import type { Context } from './context.js';
import { stepClock } from './clock-steps.js';

export interface SimulatorClock {
  /** The simulator's time now. */
  now(): Date;
  /** True when time stands still (clock 'manual', or after freeze()). */
  readonly frozen: boolean;
  /** Moves time forward by `ms` and waits until what came due has finished. */
  advance(ms: number): Promise<void>;
  /** Moves time forward to `instant` (never back) and waits until what came due has finished. */
  set(instant: Date | string | number): Promise<void>;
  /** Stops time where it is. */
  freeze(): void;
  /** Lets time run again from where it stands. */
  resume(): void;
}

function instantOf(value: Date | string | number): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : value;
  if (!Number.isFinite(ms)) throw new RangeError(`clock.set: ${String(value)} is not a date`);
  return ms;
}

export function clockControl(clock: SimClock, ctx: Pick<Context, 'store' | 'outbox'>): SimulatorClock {
  return {
    now: () => new Date(clock.now()),
    get frozen() {
      return clock.frozen;
    },
    async advance(ms) {
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0)
        throw new RangeError(`clock.advance: ms must be a number of milliseconds, 0 or more, got ${String(ms)}`);
      await stepClock(clock, clock.now() + ms, ctx);
    },
    async set(value) {
      const target = instantOf(value);
      const now = clock.now();
      if (target < now)
        throw new RangeError(
          `clock.set: ${new Date(target).toISOString()} is before the simulator's time ${new Date(now).toISOString()}; the clock only moves forward`,
        );
      await stepClock(clock, target, ctx);
    },
    freeze: () => clock.freeze(),
    resume: () => clock.resume(),
  };
}
