// A test clock per merchant (docs/decisions/0020). Each is a child of the simulator's clock: it follows
// it until the merchant's tests freeze, advance or set it, and its state is stored so a restart keeps it.
// Moving a clock fires each timer at its own time on the way and waits for what they set off (clock-steps.ts,
// the same stepping as the library's clock), so the answer to "advance 31m" comes after the attempts,
// refunds and callbacks of those 31 minutes.
import type { components } from '../../../client/src/generated/simulator.js';
import { moveTarget } from '../domain/test-clock.js';
import { iso, type SimClock } from '../runtime/clock.js';
import type { Store } from '../store/store.js';
import { stepClock } from './clock-steps.js';
import { commit, type Context } from './context.js';
import { controlOf, controlPut } from './controls.js';

type S = components['schemas'];
export type ClockAction = S['ClockAction'];
export type ClockView = S['Clock'];

/** The merchants' clocks, made on first use from the stored state. */
export class MerchantClocks {
  private readonly clocks = new Map<string, SimClock>();

  constructor(
    readonly root: SimClock,
    private readonly store: Store,
  ) {}

  for(merchantId: string): SimClock {
    let clock = this.clocks.get(merchantId);
    if (!clock) {
      clock = this.root.child();
      const saved = this.store.get('controls', merchantId)?.clock;
      if (saved) clock.restore(saved);
      this.clocks.set(merchantId, clock);
    }
    return clock;
  }

  /** Whether this clock is still the merchant's (a reset drops it). */
  isCurrent(merchantId: string, clock: SimClock): boolean {
    return this.clocks.get(merchantId) === clock;
  }

  /** Drops a merchant's clock and every timer on it (a reset); the next use starts on real time. */
  forget(merchantId: string): void {
    this.clocks.get(merchantId)?.close();
    this.clocks.delete(merchantId);
  }

  forgetAll(): void {
    for (const id of [...this.clocks.keys()]) this.forget(id);
  }
}

export class TestClocks {
  /** One action at a time per merchant: two advances must not interleave their steps. */
  private readonly lanes = new Map<string, Promise<unknown>>();

  constructor(
    private readonly ctx: Context,
    private readonly clocks: MerchantClocks,
  ) {}

  view(merchantId: string): ClockView {
    const clock = this.clocks.for(merchantId);
    return { merchantId, now: iso(clock.now()), frozen: !clock.ticking, leadMs: clock.leadMs, pendingTimers: clock.pending };
  }

  act(merchantId: string, action: ClockAction): Promise<ClockView> {
    const previous = this.lanes.get(merchantId) ?? Promise.resolve();
    const run = previous.catch(() => {}).then(() => this.run(merchantId, action));
    this.lanes.set(merchantId, run);
    void run
      .catch(() => {})
      .finally(() => {
        if (this.lanes.get(merchantId) === run) this.lanes.delete(merchantId);
      });
    return run;
  }

  private async run(merchantId: string, action: ClockAction): Promise<ClockView> {
    const clock = this.clocks.for(merchantId);
    if (action.action === 'freeze') clock.freeze();
    else if (action.action === 'resume') clock.resume();
    else await stepClock(clock, moveTarget(clock.now(), action), this.ctx);
    // A merchant reset while the clock moved dropped this clock and the stored state with it: storing the
    // state now would bring the old time back (the answer shows the merchant's clock as the reset left it).
    if (!this.clocks.isCurrent(merchantId, clock)) return this.view(merchantId);
    await commit(this.ctx, [controlPut({ ...controlOf(this.ctx, merchantId), clock: clock.state() })]);
    return this.view(merchantId);
  }
}
