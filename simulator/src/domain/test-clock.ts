// Rules of a merchant's test clock (docs/decisions/0020): durations, and where a clock may go.
import { ApiError, fieldError } from './errors.js';

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** The latest instant a clock may reach: dates beyond it cannot be written as ISO-8601 strings. */
const MAX_INSTANT = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** "1h30m" → 5_400_000. The contract's pattern has already checked the form. */
function parseDuration(text: string): number {
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+)(ms|s|m|h|d)/g)) total += Number(amount) * UNIT_MS[unit as keyof typeof UNIT_MS];
  return total;
}

/** Where an `advance` or `set` takes a clock that reads `nowMs`; refuses a move backwards or past MAX_INSTANT. */
export function moveTarget(nowMs: number, action: { action: 'advance'; by: string } | { action: 'set'; to: string }): number {
  if (action.action === 'advance') {
    const target = nowMs + parseDuration(action.by);
    if (target > MAX_INSTANT) throw fieldError('VALIDATION_ERROR', 'body.by', 'maximum', `${action.by} would take the clock past 9999-12-31`);
    return target;
  }
  const target = Date.parse(action.to);
  if (target < nowMs) {
    throw new ApiError(
      'CLOCK_BACKWARDS',
      `body.to: ${new Date(target).toISOString()} is before the clock's now (${new Date(nowMs).toISOString()}); a test clock only moves forward`,
      [{ field: 'body.to', rule: 'forward', message: `must not be before ${new Date(nowMs).toISOString()}` }],
    );
  }
  return target;
}
