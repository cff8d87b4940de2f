// The clock's timer queue (runtime/timer-heap.ts under runtime/clock.ts): timers fire in due order, two due
// at the same instant fire in the order they were set, and a cancel removes exactly the timer it belongs
// to, wherever it sits, with thousands pending (every pending attempt, callback and long poll holds one).
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { SimClock } from '../../simulator/src/runtime/clock.js';
import { TimerHeap, type TimerEntry } from '../../simulator/src/runtime/timer-heap.js';

const START = Date.UTC(2026, 0, 1);
const clocks: SimClock[] = [];
afterEach(() => {
  for (const c of clocks.splice(0)) c.close();
});
function manualClock(): SimClock {
  const clock = new SimClock('manual', START);
  clocks.push(clock);
  return clock;
}

describe('SimClock timers', () => {
  it('fire in due order; timers due at the same instant fire in the order they were set', () => {
    const clock = manualClock();
    const fired: string[] = [];
    for (const [name, at] of [
      ['c1', 300],
      ['a1', 100],
      ['b1', 200],
      ['a2', 100],
      ['c2', 300],
      ['a3', 100],
      ['b2', 200],
    ] as const) {
      clock.at(START + at, () => fired.push(name));
    }
    clock.advance(1000);
    expect(fired).toEqual(['a1', 'a2', 'a3', 'b1', 'b2', 'c1', 'c2']);
    expect(clock.pending).toBe(0);
  });

  it('a cancel removes only its own timer, first, last or in between, and cancelling twice or after firing does nothing', () => {
    const clock = manualClock();
    const fired: number[] = [];
    const cancels = Array.from({ length: 9 }, (_, i) => clock.at(START + 100 * (i % 3) + 10, () => fired.push(i)));
    cancels[0]!(); // the first to come due
    cancels[4]!(); // one in the middle
    cancels[8]!(); // the last
    cancels[4]!();
    expect(clock.pending).toBe(6);
    expect(clock.nextDue).toBe(START + 10);
    clock.advance(150);
    expect(fired).toEqual([3, 6, 1, 7]);
    cancels[3]!(); // fired already
    clock.advance(1000);
    expect(fired).toEqual([3, 6, 1, 7, 2, 5]);
  });

  it('with 10,000 timers pending, random cancels leave exactly the others, fired in (time, order set)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 500 }), fc.boolean()), { minLength: 10_000, maxLength: 10_000 }), (plan) => {
        const clock = new SimClock('manual', START);
        try {
          const fired: number[] = [];
          const cancels = plan.map(([at], i) => clock.at(START + 1 + at, () => fired.push(i)));
          plan.forEach(([, cancel], i) => cancel && cancels[i]!());
          const expected = plan
            .map(([at, cancel], i) => ({ at, cancel, i }))
            .filter((t) => !t.cancel)
            .sort((a, b) => a.at - b.at || a.i - b.i)
            .map((t) => t.i);
          expect(clock.pending).toBe(expected.length);
          clock.advance(1000);
          expect(fired).toEqual(expected);
        } finally {
          clock.close();
        }
      }),
      { numRuns: 5, seed: 21 },
    );
  });

  it('nextDue sees the timers of the clocks that follow it, on its own time, and not those of a frozen one', () => {
    const root = manualClock();
    const follower = root.child();
    const frozen = root.child();
    follower.advance(5_000); // five seconds ahead of the root
    frozen.freeze();
    frozen.at(START + 1_000, () => {});
    expect(root.nextDue).toBeUndefined();
    follower.at(START + 65_000, () => {});
    expect(root.nextDue).toBe(START + 60_000);
    root.at(START + 30_000, () => {});
    expect(root.nextDue).toBe(START + 30_000);
  });
});

describe('TimerHeap', () => {
  it('keeps each entry told its slot, so a removal needs no search', () => {
    const heap = new TimerHeap();
    const entries: TimerEntry[] = Array.from({ length: 50 }, (_, seq) => ({ at: (seq * 37) % 11, seq, task: () => {}, slot: -1 }));
    for (const e of entries) heap.push(e);
    for (const e of entries.filter((_, i) => i % 4 === 0)) heap.remove(e);
    const out: TimerEntry[] = [];
    for (let e = heap.pop(); e; e = heap.pop()) out.push(e);
    expect(out.map((e) => e.seq)).toEqual(
      entries
        .filter((_, i) => i % 4 !== 0)
        .sort((a, b) => a.at - b.at || a.seq - b.seq)
        .map((e) => e.seq),
    );
    expect(entries.every((e) => e.slot === -1)).toBe(true);
  });
});
