// A clock that is real time by default and can be frozen, advanced or set, with timers that fire on
// its time rather than the wall clock's. Everything time-driven (PIN delay, long-poll, expiry, refunds,
// callback retries) is scheduled here, so a test advances time instead of sleeping.
//
// Clocks nest: a merchant's test clock is a child of the simulator's clock. A child follows its parent
// (same time, plus whatever it was advanced by) until it is frozen or set on its own, so advancing the
// simulator's clock moves every merchant that has not taken control of its own, and advancing one
// merchant's clock moves nobody else.
import { TimerHeap, type TimerEntry } from './timer-heap.js';

export interface Clock {
  now(): number;
}

export interface Timers {
  /** Runs task once the clock reaches `at` (ms since epoch). Returns a cancel function. */
  at(at: number, task: () => void): () => void;
}

/** What a clock needs to be rebuilt after a restart: frozen at an instant, or its lead over its parent. */
export interface ClockState {
  frozenAt: number | null;
  offsetMs: number;
}

export class SimClock implements Clock, Timers {
  private frozenAt: number | null;
  private offset = 0;
  private readonly queue = new TimerHeap();
  private seq = 0;
  private handle: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly children = new Set<SimClock>();
  /** Promises returned by tasks that have fired and not finished yet (see idle()). */
  private readonly running = new Set<Promise<unknown>>();

  constructor(
    mode: 'system' | 'manual',
    start = Date.UTC(2026, 0, 1),
    private readonly parent?: SimClock,
  ) {
    this.frozenAt = mode === 'manual' ? start : null;
  }

  /** A clock that follows this one until it is frozen, advanced or set by itself. */
  child(): SimClock {
    const c = new SimClock('system', 0, this);
    this.children.add(c);
    return c;
  }

  now(): number {
    return this.frozenAt ?? this.base() + this.offset;
  }

  get frozen(): boolean {
    return this.frozenAt !== null;
  }

  /** Whether time passes by itself: neither this clock nor any clock it follows is frozen. */
  get ticking(): boolean {
    return this.frozenAt === null && (this.parent?.ticking ?? true);
  }

  /** How far ahead of its parent (or of the wall clock, for the root) this clock is now. */
  get leadMs(): number {
    return this.now() - this.base();
  }

  freeze(): void {
    if (this.frozenAt === null) this.frozenAt = this.now();
    this.rearm();
  }

  /** Lets time pass again from where the clock stands (its lead is kept). */
  resume(): void {
    if (this.frozenAt !== null) {
      this.offset = this.frozenAt - this.base();
      this.frozenAt = null;
    }
    this.rearm();
  }

  advance(ms: number): void {
    if (ms < 0) throw new RangeError('a clock only moves forward');
    if (this.frozenAt !== null) this.frozenAt += ms;
    else this.offset += ms;
    this.fireDue();
  }

  set(instant: number): void {
    this.advance(Math.max(0, instant - this.now()));
  }

  state(): ClockState {
    return { frozenAt: this.frozenAt, offsetMs: this.offset };
  }

  restore(state: ClockState): void {
    this.frozenAt = state.frozenAt;
    this.offset = state.offsetMs;
    this.rearm();
  }

  at(at: number, task: () => unknown): () => void {
    const entry: TimerEntry = { at, seq: this.seq++, task, slot: -1 };
    // Firing order is stable: due time, then the order of scheduling (timer-heap.ts).
    this.queue.push(entry);
    if (at <= this.now()) {
      // Due already: run on the next turn even when the clock is frozen.
      setImmediate(() => this.fireDue());
    } else if (this.queue.peek() === entry) this.arm();
    return () => this.queue.remove(entry);
  }

  /** Number of timers waiting on this clock (for health and tests). */
  get pending(): number {
    return this.queue.size;
  }

  /**
   * When, on this clock's time, the next timer is due here or on a clock that follows this one (a frozen
   * child does not move with it, so its timers never come due by moving this one).
   */
  get nextDue(): number | undefined {
    let next = this.queue.peek()?.at;
    for (const c of this.children) {
      if (c.frozenAt !== null) continue;
      const theirs = c.nextDue;
      // A follower's time is this clock's plus its offset.
      if (theirs !== undefined && (next === undefined || theirs - c.offset < next)) next = theirs - c.offset;
    }
    return next;
  }

  /** Whether work is under way or due here or on a clock that follows this one: a fired task not finished, or a timer due now. */
  get busy(): boolean {
    const top = this.queue.peek();
    if (this.running.size > 0 || (top !== undefined && top.at <= this.now())) return true;
    for (const c of this.children) if (c.busy) return true;
    return false;
  }

  /** Resolves when every task that has fired, here or on a following clock, has finished (its promise, when it returned one, settled). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
    for (const c of [...this.children]) await c.idle();
  }

  /** Drops every pending timer, here and on the clocks that follow this one, and keeps them running (a reset). */
  cancelAll(): void {
    this.queue.clear();
    for (const c of this.children) c.cancelAll();
    this.arm();
  }

  close(): void {
    this.closed = true;
    if (this.handle) clearTimeout(this.handle);
    this.handle = null;
    this.queue.clear();
    this.parent?.children.delete(this);
    for (const c of [...this.children]) c.close();
  }

  private base(): number {
    return this.parent ? this.parent.now() : Date.now();
  }

  private fireDue(): void {
    if (this.closed) return;
    const now = this.now();
    for (let top = this.queue.peek(); top !== undefined && top.at <= now; top = this.queue.peek()) {
      const entry = this.queue.pop()!;
      try {
        const result = entry.task();
        if (result instanceof Promise) {
          this.running.add(result);
          void result.catch(() => {}).finally(() => this.running.delete(result));
        }
      } catch {
        // A timer task owns its own error handling; one failure must not stop the others.
      }
    }
    this.arm();
    // Children that follow this clock have moved with it.
    for (const c of this.children) c.fireDue();
  }

  private rearm(): void {
    this.arm();
    for (const c of this.children) c.rearm();
  }

  private arm(): void {
    if (this.handle) clearTimeout(this.handle);
    this.handle = null;
    const top = this.queue.peek();
    if (this.closed || !this.ticking || top === undefined) return;
    const delay = Math.max(0, Math.min(top.at - this.now(), 2_147_483_647));
    this.handle = setTimeout(() => this.fireDue(), delay);
    this.handle.unref();
  }
}

let lastMs = Number.NaN;
let lastIso = '';

/**
 * The ISO 8601 text of a time. The last one is kept: a request dates its record, its answer and its
 * journal entry with the same millisecond, and Date#toISOString shows in the create path's profile.
 */
export function iso(ms: number): string {
  if (ms !== lastMs) {
    lastIso = new Date(ms).toISOString();
    lastMs = ms;
  }
  return lastIso;
}
