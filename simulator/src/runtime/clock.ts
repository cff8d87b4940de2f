// A clock that is real time by default and can be frozen, advanced or set, with timers that fire on
// its time rather than the wall clock's. Everything time-driven (PIN delay, long-poll, expiry, refunds,
// callback retries) is scheduled here, so a test advances time instead of sleeping.

export interface Clock {
  now(): number;
}

export interface Timers {
  /** Runs task once the clock reaches `at` (ms since epoch). Returns a cancel function. */
  at(at: number, task: () => void): () => void;
}

interface Entry {
  at: number;
  seq: number;
  task: () => void;
}

export class SimClock implements Clock, Timers {
  private frozenAt: number | null;
  private offset = 0;
  private queue: Entry[] = [];
  private seq = 0;
  private handle: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(mode: 'system' | 'manual', start = Date.UTC(2026, 0, 1)) {
    this.frozenAt = mode === 'manual' ? start : null;
  }

  now(): number {
    return this.frozenAt ?? Date.now() + this.offset;
  }

  get frozen(): boolean {
    return this.frozenAt !== null;
  }

  freeze(): void {
    if (this.frozenAt === null) this.frozenAt = this.now();
    this.arm();
  }

  resume(): void {
    if (this.frozenAt !== null) {
      this.offset = this.frozenAt - Date.now();
      this.frozenAt = null;
    }
    this.arm();
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

  at(at: number, task: () => void): () => void {
    const entry: Entry = { at, seq: this.seq++, task };
    // Sorted insert: few timers are pending at once, and firing order must be stable (time, then insertion).
    let i = this.queue.length;
    while (i > 0 && (this.queue[i - 1]!.at > at)) i--;
    this.queue.splice(i, 0, entry);
    if (at <= this.now()) {
      // Due already: run on the next turn even when the clock is frozen.
      setImmediate(() => this.fireDue());
    } else if (i === 0) this.arm();
    return () => {
      const idx = this.queue.indexOf(entry);
      if (idx >= 0) this.queue.splice(idx, 1);
    };
  }

  /** Number of timers waiting (for health and tests). */
  get pending(): number {
    return this.queue.length;
  }

  /** Drops every pending timer and keeps the clock running (a reset: nothing scheduled for old data may fire). */
  cancelAll(): void {
    this.queue = [];
    this.arm();
  }

  close(): void {
    this.closed = true;
    if (this.handle) clearTimeout(this.handle);
    this.handle = null;
    this.queue = [];
  }

  private fireDue(): void {
    if (this.closed) return;
    const now = this.now();
    while (this.queue.length > 0 && this.queue[0]!.at <= now) {
      const entry = this.queue.shift()!;
      try {
        entry.task();
      } catch {
        // A timer task owns its own error handling; one failure must not stop the others.
      }
    }
    this.arm();
  }

  private arm(): void {
    if (this.handle) clearTimeout(this.handle);
    this.handle = null;
    if (this.closed || this.frozenAt !== null || this.queue.length === 0) return;
    const delay = Math.max(0, Math.min(this.queue[0]!.at - this.now(), 2_147_483_647));
    this.handle = setTimeout(() => this.fireDue(), delay);
    this.handle.unref();
  }
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
