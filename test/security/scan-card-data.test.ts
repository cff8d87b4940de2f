// The scan CI runs over the suite's logs must be able to fail: it finds a planted card number or a card
// field in any file of a folder, and passes a folder without them.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANY_CARD, scan } from '../../scripts/scan-card-data.js';

describe('the card-data scan', () => {
  it('finds a full test card number or a card field name in nested files, and nothing in clean ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scan-'));
    mkdirSync(join(dir, 'nested'));
    writeFileSync(join(dir, 'clean.log'), '{"msg":"request completed","last4":"2503"}\n');
    expect(scan([dir])).toEqual([]);
    writeFileSync(join(dir, 'nested', 'leak.json'), '{"card":"4000000000002503"}');
    writeFileSync(join(dir, 'body.log'), '{"payment":{"cc_cvv":"737"}}');
    expect(
      scan([dir])
        .map((f) => f.needle)
        .sort(),
    ).toEqual(['4000000000002503', 'cc_cvv']);
  });

  it.each([
    ['grouped by spaces', '{"msg":"card 4000 0000 0000 2701"}', '4000 0000 0000 2701'],
    ['a JSON number', '{"cc":4000000000002701}', '4000000000002701'],
    ['in a path next to other digits', '{"msg":"GET /api/payments-v2/40000000000027011 404"}', '4000000000002701'],
    ['a card number no list has, in a query string', '{"url":"/x?c=6011111111111117"}', ANY_CARD],
    ['a card number no list has, inside a longer run', '{"msg":"id 96011111111111117 end"}', ANY_CARD],
  ])('finds one %s', (_label, content, needle) => {
    const dir = mkdtempSync(join(tmpdir(), 'scan-'));
    writeFileSync(join(dir, 'a.log'), content);
    expect(scan([dir]).map((f) => f.needle)).toContain(needle);
  });

  it('passes masked numbers, pino times and mobile numbers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scan-'));
    writeFileSync(join(dir, 'a.log'), '{"time":1795584000000,"msg":"GET /api/payments-v2/400000******2701 404","mobile":"254712345678"}\n');
    expect(scan([dir])).toEqual([]);
  });
});
