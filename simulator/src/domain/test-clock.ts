// Rules of a merchant's test clock (docs/decisions/0020): durations, and where a clock may go.
import { ApiError, fieldError } from './errors.js';

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** The longest single move: far beyond any timer the simulator sets (the last callback retry is ~16 h). */
export const MAX_MOVE_MS = 366 * UNIT_MS.d;

/** "1h30m" → 5_400_000. The contract's pattern has already checked the form. */
export function parseDuration(text: string): number {
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+)(ms|s|m|h|d)/g)) total += Number(amount) * UNIT_MS[unit as keyof typeof UNIT_MS];
  return total;
}

/** Where an `advance` or `set` takes a clock that reads `nowMs`; refuses a move backwards or beyond MAX_MOVE_MS. */
export function moveTarget(nowMs: number, action: { action: 'advance'; by: string } | { action: 'set'; to: string }): number {
  if (action.action === 'advance') {
    const ms = parseDuration(action.by);
    if (ms > MAX_MOVE_MS) throw fieldError('VALIDATION_ERROR', 'body.by', 'maximum', `must be at most 366d, got ${action.by}`);
    return nowMs + ms;
  }
  const target = Date.parse(action.to);
  if (target < nowMs) {
    throw new ApiError('CLOCK_BACKWARDS', `body.to: ${new Date(target).toISOString()} is before the clock's now (${new Date(nowMs).toISOString()}); a test clock only moves forward`, [
      { field: 'body.to', rule: 'forward', message: `must not be before ${new Date(nowMs).toISOString()}` },
    ]);
  }
  if (target - nowMs > MAX_MOVE_MS) throw fieldError('VALIDATION_ERROR', 'body.to', 'maximum', 'must be at most 366 days after the clock\'s now');
  return target;
}
