// The short form of `npm run torture:crash`: the persisted simulator, in its own process on 127.0.0.1, is
// killed with SIGKILL under load three times; nothing it answered (a create, a same-key retry, a status read,
// a payment) may be missing after each restart. TORTURE_SEED repeats a run; the seed is printed.
import { describe, expect, it } from 'vitest';
import { runCrashTest } from '../../torture/lib/crash.js';
import { tortureSeed } from '../helpers/torture-seed.js';

describe('crash test (short)', () => {
  it('loses nothing any answer showed (first answers, same-key retries, status reads) across SIGKILLs, and never reuses a reference', async () => {
    const seed = tortureSeed('torture:crash', 'test/torture/crash.test.ts');
    const report = await runCrashTest({ kills: 3, workers: 6, killAfterMs: [150, 600], seed });
    const context = `seed ${seed} (TORTURE_SEED=${seed}, or npm run torture:crash -- --seed ${seed}): ${JSON.stringify(report)}`;
    expect(report.kills, context).toBe(3);
    expect(report.answered, context).toBeGreaterThan(0);
    expect(report.answeredPayments, context).toBeGreaterThan(0);
    expect(report.lost, context).toBe(0);
    expect(report.found, context).toBe(report.answered);
    expect(report.missingAttempts, context).toBe(0);
    expect(report.conflictingAnswers, context).toBe(0);
    expect(report.duplicateReferences, context).toBe(0);
    expect(report.unparsableFiles, context).toEqual([]);
  }, 60_000);
});
