// The one duration grammar (simulator/src/runtime/duration.ts): what a test clock's advance and the
// callback retry schedule both read.
import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../simulator/src/runtime/duration.js';

describe('parseDuration', () => {
  it.each([
    ['250ms', 250],
    ['45s', 45_000],
    ['31m', 1_860_000],
    ['2h', 7_200_000],
    ['1d', 86_400_000],
    ['1h30m', 5_400_000],
    ['1m1ms', 60_001],
    ['0s', 0],
    ['999999999d', 999_999_999 * 86_400_000],
  ])('reads %s as %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
    expect(parseDuration(text, { bareMs: true })).toBe(ms);
  });

  it.each(['', '10', '1.5s', '-1s', '1 day', '1w', '1hh', 's', 'ms1', ' 1s', '1s ', '1S'])('refuses %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it('reads a bare number as milliseconds only when asked (the settings do, the contract does not)', () => {
    expect(parseDuration('1500', { bareMs: true })).toBe(1500);
    expect(parseDuration('1500')).toBeUndefined();
    expect(parseDuration('15x', { bareMs: true })).toBeUndefined();
  });
});
