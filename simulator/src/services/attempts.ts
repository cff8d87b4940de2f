// What every kind of attempt shares: long-poll waiters woken when an attempt becomes final, and the
// one way an attempt becomes final (the intent updated and its payment callback written in one commit).
import type { AttemptRecord, IntentRecord } from '../domain/records.js';
import { paymentCallbackBody } from '../domain/views.js';
import { iso, type SimClock } from '../runtime/clock.js';
import type { Put } from '../store/store.js';
import { commit, newCallback, type Context } from './context.js';

interface Waiter {
  /** Called on every wake: releases the waiter if its attempt is final now. */
  check(): void;
  release(): void;
}

/**
 * Long-poll waiters by intent reference. A reference may be held: its waiters are then not released by a
 * wake, however final their attempt, until every hold on it is let go (docs/decisions/0082).
 */
export class Waiters {
  private readonly byReference = new Map<string, Set<Waiter>>();
  private readonly holds = new Map<string, number>();
  /** Set on shutdown: a wait that starts after that answers at once. */
  private stopped = false;

  /** Resolves when isFinal() holds at a wake, or when the clock reaches `deadline`, whichever is first. */
  wait(reference: string, isFinal: () => boolean, clock: SimClock, deadline: number): Promise<void> {
    if (this.stopped || (!this.holds.has(reference) && isFinal())) return Promise.resolve();
    return new Promise((resolve) => {
      let set = this.byReference.get(reference);
      if (!set) this.byReference.set(reference, (set = new Set()));
      const waiters = set;
      const waiter: Waiter = {
        check: () => {
          if (!this.holds.has(reference) && isFinal()) waiter.release();
        },
        release: () => {
          cancel();
          waiters.delete(waiter);
          if (waiters.size === 0) this.byReference.delete(reference);
          resolve();
        },
      };
      waiters.add(waiter);
      const cancel = clock.at(deadline, () => waiter.release()); // fires on a later turn, never synchronously
    });
  }

  /**
   * Holds the waiters of a reference until the returned function is called (once; later calls do nothing),
   * which wakes them. Their own deadline, a reset and a stop still release them.
   */
  hold(reference: string): () => void {
    this.holds.set(reference, (this.holds.get(reference) ?? 0) + 1);
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      const left = (this.holds.get(reference) ?? 1) - 1;
      if (left > 0) this.holds.set(reference, left);
      else this.holds.delete(reference);
      this.wake(reference);
    };
  }

  /** Whether a long poll is waiting on the reference now. */
  isWaiting(reference: string): boolean {
    return this.byReference.has(reference);
  }

  wake(reference: string): void {
    for (const waiter of [...(this.byReference.get(reference) ?? [])]) waiter.check();
  }

  /** Releases the waiters of one intent whatever its state (its merchant was reset). */
  release(reference: string): void {
    for (const waiter of [...(this.byReference.get(reference) ?? [])]) waiter.release();
  }

  /** On shutdown: releases every waiter, and any wait that starts later answers at once. */
  stop(): void {
    this.stopped = true;
    this.releaseAll();
  }

  /** Releases every waiter. */
  releaseAll(): void {
    for (const set of [...this.byReference.values()]) for (const waiter of [...set]) waiter.release();
  }
}

/**
 * Makes an attempt final: the intent takes its status (and the paid amount on success), `changes` are
 * applied to the intent, and the payment callback is stored in the same commit, then waiters are woken.
 */
export async function finalizeAttempt(
  ctx: Context,
  waiters: Waiters,
  intent: IntentRecord,
  done: AttemptRecord,
  changes: Partial<IntentRecord> = {},
  extra: Put[] = [],
): Promise<IntentRecord> {
  const now = ctx.clockFor(intent.merchantId).now();
  const known = intent.attempts.some((a) => a.id === done.id);
  const updated: IntentRecord = {
    ...intent,
    ...changes,
    status: done.status,
    paidAmount: done.status === 'COMPLETED' ? done.amount : intent.paidAmount,
    attempts: known ? intent.attempts.map((a) => (a.id === done.id ? done : a)) : [...intent.attempts, done],
    updatedAt: iso(now),
  };
  const callback = newCallback(
    ctx,
    { kind: 'payment', merchantId: intent.merchantId, reference: intent.id, url: intent.callbackUrl, body: paymentCallbackBody(updated, done) },
    now,
  );
  await commit(ctx, [{ collection: 'intents', value: updated }, { collection: 'callbacks', value: callback }, ...extra]);
  waiters.wake(intent.id);
  return updated;
}

/**
 * The gateway's reference of a card payment (Cybersource's transaction ids are 22 digits), for a completed
 * one; empty for a declined one. The id stream is drawn either way, so the ids after it do not depend on
 * the outcome.
 */
export function cardTransactionId(ctx: Context, completed: boolean): string {
  const id = ctx.ids.code('card-transaction', DIGITS, 22);
  return completed ? id : '';
}

const DIGITS = '0123456789';
