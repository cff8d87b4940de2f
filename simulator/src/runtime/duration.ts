// Durations as people write them: 250ms, 45s, 31m, 1h30m, 1d. One grammar for every place the simulator
// reads one: a test clock's advance (the contract's Duration) and the callback retry schedule of the
// settings, where a bare number also counts, as milliseconds, like every other *-ms setting.

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
type Unit = keyof typeof UNIT_MS;

// `ms` before `m` and `s`: "250ms" is 250 milliseconds, not 250 minutes and an "s" left over.
const WHOLE = /^(?:\d+(?:ms|s|m|h|d))+$/;
const PART = /(\d+)(ms|s|m|h|d)/g;
const BARE = /^\d+$/;

/**
 * "1h30m" → 5_400_000, "250" → 250 when `bareMs` allows a bare number; undefined for anything else, so the
 * caller names its own field and rule in the error.
 */
export function parseDuration(text: string, options: { bareMs?: boolean } = {}): number | undefined {
  if (options.bareMs && BARE.test(text)) return Number(text);
  if (!WHOLE.test(text)) return undefined;
  let total = 0;
  for (const [, amount, unit] of text.matchAll(PART)) total += Number(amount) * UNIT_MS[unit as Unit];
  return total;
}
