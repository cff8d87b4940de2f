// The journey soak's verdict (torture/lib/journey-soak.ts: drainVerdict) on windows shaped like a run's:
// the soak itself takes minutes and is not in CI.
import { describe, expect, it } from 'vitest';
import { drainVerdict, type ReceiverMode, type Window } from '../../torture/lib/journey-soak.js';

const run = (rows: Array<[ReceiverMode, number, number]>): Window[] =>
  rows.map(([mode, rssMB, pending], i) => ({ window: i + 1, mode, requests: 300, non2xx: 0, p99Ms: 10, rssMB, pending, received: 100 }));

describe('journey soak verdict', () => {
  it('finds the drain after the last outage and reads a flat RSS after it as flat', () => {
    const v = drainVerdict(
      run([
        ['up', 120, 0],
        ['up', 126, 0],
        ['slow', 131, 20],
        ['down', 150, 400],
        ['down', 170, 900],
        ['up', 175, 300],
        ['up', 160, 0],
        ['up', 150, 0],
        ['up', 158, 0],
        ['up', 152, 0],
      ]),
    );
    expect(v.drainedAt).toBe(7);
    expect(v.topBeforeMB).toBe(126);
    expect(v.topDuringMB).toBe(170);
    expect(v.growthAfterDrain).toBeLessThan(0);
  });

  it('reads RSS that keeps climbing after the drain as growth', () => {
    const v = drainVerdict(
      run([
        ['up', 120, 0],
        ['down', 150, 500],
        ['up', 140, 0],
        ['up', 150, 0],
        ['up', 165, 0],
        ['up', 180, 0],
      ]),
    );
    expect(v.drainedAt).toBe(3);
    expect(v.growthAfterDrain).toBeGreaterThan(0.1);
  });

  it('has no drain, and no growth figure, when callbacks were still pending at the last window', () => {
    const v = drainVerdict(
      run([
        ['up', 120, 0],
        ['down', 150, 500],
        ['up', 140, 300],
        ['up', 150, 10],
      ]),
    );
    expect(v.drainedAt).toBeNull();
    expect(v.growthAfterDrain).toBeNaN();
  });
});
