// A test clock per merchant (docs/decisions/0020). Each is a child of the simulator's clock: it follows
// it until the merchant's tests freeze, advance or set it, and its state is stored so a restart keeps it.
// Moving a clock fires each timer at its own time on the way and waits for what they set off, so the
// answer to "advance 31m" comes after the attempts, refunds and callbacks of those 31 minutes.
import type { components } from '../../../client/src/generated/simulator.js';
import { moveTarget } from '../domain/test-clock.js';
import { iso, type SimClock } from '../runtime/clock.js';
import type { Store } from '../store/store.js';
import { commit, type Context } from './context.js';
import { controlOf, controlPut } from './controls.js';

type S = components['schemas'];
export type ClockAction = S['ClockAction'];
export type ClockView = S['Clock'];

/** Enough for any honest schedule (ten callback retries per callback); a loop of timers that re-arm at once stops here. */
const MAX_STEPS = 100_000;
const MAX_SETTLE_ROUNDS = 1000;

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
    void run.catch(() => {}).finally(() => {
      if (this.lanes.get(merchantId) === run) this.lanes.delete(merchantId);
    });
    return run;
  }

  private async run(merchantId: string, action: ClockAction): Promise<ClockView> {
    const clock = this.clocks.for(merchantId);
    if (action.action === 'freeze') clock.freeze();
    else if (action.action === 'resume') clock.resume();
    else await this.moveTo(clock, moveTarget(clock.now(), action));
    await commit(this.ctx, [controlPut({ ...controlOf(this.ctx, merchantId), clock: clock.state() })]);
    return this.view(merchantId);
  }

  /** Steps from timer to timer up to `target`, letting each one's work finish before the next fires. */
  private async moveTo(clock: SimClock, target: number): Promise<void> {
    for (let step = 0; step < MAX_STEPS; step++) {
      const next = clock.nextAt;
      if (next === undefined || next > target) break;
      clock.set(next);
      await this.settle(clock);
    }
    clock.set(target);
    await this.settle(clock);
  }

  /** Waits until nothing is running or due on the clock and no callback delivery is under way. */
  private async settle(clock: SimClock): Promise<void> {
    for (let round = 0; round < MAX_SETTLE_ROUNDS; round++) {
      // A turn first: due timers and deliveries scheduled with setImmediate start in it.
      await new Promise((resolve) => setImmediate(resolve));
      await clock.idle();
      await this.ctx.outbox.idle();
      if (!clock.busy) return;
    }
  }
}
