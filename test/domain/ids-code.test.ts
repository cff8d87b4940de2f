// Receipt numbers from the id stream (decision 0115): one hash, the seed's sequence, only the given
// characters, and the stream counted like any other (a restart goes on from it).
import { describe, expect, it } from 'vitest';
import { Ids } from '../../simulator/src/domain/ids.js';

describe('Ids.code', () => {
  it('draws the same codes for the same seed, of the length and characters asked', () => {
    const a = new Ids('seed');
    const b = new Ids('seed');
    const codes = Array.from({ length: 50 }, () => a.code('provider-reference', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 10));
    expect(codes).toEqual(Array.from({ length: 50 }, () => b.code('provider-reference', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 10)));
    for (const code of codes) expect(code).toMatch(/^[A-Z0-9]{10}$/);
    expect(new Set(codes).size).toBe(50);
    expect(new Ids('other seed').code('provider-reference', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 10)).not.toBe(codes[0]);
  });

  it('counts its stream: a start from the stored counters goes on with the next code', () => {
    const ids = new Ids('seed');
    const first = ids.code('card-transaction', '0123456789', 22);
    expect(first).toMatch(/^\d{22}$/);
    const next = ids.code('card-transaction', '0123456789', 22);
    expect(new Ids('seed', ids.exact()).code('card-transaction', '0123456789', 22)).not.toBe(next);
    const resumed = new Ids('seed', { 'card-transaction': 1 });
    expect(resumed.code('card-transaction', '0123456789', 22)).toBe(next);
  });
});
