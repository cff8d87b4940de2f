// Rules of a merchant's test clock (docs/decisions/0020): durations, and where a clock may go.
import { parseDuration } from '../runtime/duration.js';
import { ApiError, fieldError } from './errors.js';

/** The latest instant a clock may reach: dates beyond it cannot be written as ISO-8601 strings. */
const MAX_INSTANT = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** Where an `advance` or `set` takes a clock that reads `nowMs`; refuses a move backwards or past MAX_INSTANT. */
export function moveTarget(nowMs: number, action: { action: 'advance'; by: string } | { action: 'set'; to: string }): number {
  if (action.action === 'advance') {
    const by = parseDuration(action.by);
    // The contract's pattern has checked the form on the wire; this guards the callers that skip it.
    if (by === undefined) throw fieldError('VALIDATION_ERROR', 'body.by', 'pattern', 'must be a duration such as 31m, 1h30m, 45s or 250ms');
    const target = nowMs + by;
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
