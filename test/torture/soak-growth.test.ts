// The soak test's RSS verdict (torture/lib/soak.ts: rssGrowth), on minutes recorded by real runs. The soak
// itself takes ten minutes and is not in CI.
import { describe, expect, it } from 'vitest';
import { rssGrowth, type Minute } from '../../torture/lib/soak.js';

const minutes = (rss: number[]): Minute[] => rss.map((rssMB, i) => ({ minute: i + 1, requests: 1500, non2xx: 0, p99Ms: 10, rssMB }));

describe('soak RSS growth', () => {
  it('reads a flat collector cycle as flat, wherever its peaks fall (three runs of 2026-11-25)', () => {
    // The run whose early peak fell outside minutes 2 to 4: its tops are 154-156 MB from minute 5 on.
    expect(rssGrowth(minutes([124.0, 137.7, 127.0, 135.2, 153.9, 155.9, 156.2, 130.1, 144.4, 156.2]))).toBeLessThan(0.02);
    expect(rssGrowth(minutes([117.3, 131.6, 147.5, 128.2, 150.7, 154.9, 126.8, 138.4, 152.7, 130.2]))).toBeLessThan(0.02);
    expect(rssGrowth(minutes([121.0, 132.6, 146.9, 153.4, 130.1, 152.8, 156.5, 157.4, 131.1, 142.1]))).toBeLessThan(0.03);
  });

  it('reads a leak as growth: every top higher than the one before', () => {
    expect(rssGrowth(minutes([120, 130, 145, 128, 140, 158, 140, 160, 175, 150]))).toBeGreaterThan(0.1);
    expect(rssGrowth(minutes([120, 125, 130, 135, 140, 145, 150, 155, 160, 165]))).toBeGreaterThan(0.1);
  });

  it('compares the last minute with the first when the run is too short for two windows', () => {
    expect(rssGrowth(minutes([100, 105, 112]))).toBeCloseTo(0.12);
  });
});
