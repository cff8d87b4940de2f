// The short form of `npm run torture:fuzz`: 1,500 requests generated from the contracts and broken,
// against a simulator in its own process on 127.0.0.1. No 5xx, no request left unanswered, no 4xx
// without data.message, and the process alive at the end. TORTURE_SEED repeats a run; the seed is printed.
import { describe, expect, it } from 'vitest';
import { runFuzz } from '../../torture/lib/fuzz.js';
import { tortureSeed } from '../helpers/torture-seed.js';

describe('fuzz test (short)', () => {
  it('answers every broken request with a 4xx that has a message, never a 5xx', async () => {
    const seed = tortureSeed('torture:fuzz', 'test/torture/fuzz.test.ts');
    const report = await runFuzz({ count: 1500, seed, concurrency: 16 });
    const context = `seed ${seed} (TORTURE_SEED=${seed}, or npm run torture:fuzz -- --seed ${seed}): ${JSON.stringify(report.failures.slice(0, 5))}`;
    expect(report.sent, context).toBeGreaterThanOrEqual(1500);
    expect(report.fiveXX, context).toBe(0);
    expect(report.noAnswer, context).toBe(0);
    expect(report.fourXXWithoutMessage, context).toBe(0);
    expect(report.aliveAfter, context).toBe(true);
    // The generated requests reach past the first checks: some are accepted, many refused.
    expect(report.byStatus['200'] ?? 0, context).toBeGreaterThan(100);
    expect(report.byStatus['400'] ?? 0, context).toBeGreaterThan(100);
  }, 60_000);
});
