// The scan CI runs over the suite's logs must be able to fail: it finds a planted card number or a card
// field in any file of a folder, and passes a folder without them.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../scripts/scan-card-data.js';

describe('the card-data scan', () => {
  it('finds a full test card number or a card field name in nested files, and nothing in clean ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scan-'));
    mkdirSync(join(dir, 'nested'));
    writeFileSync(join(dir, 'clean.log'), '{"msg":"request completed","last4":"2503"}\n');
    expect(scan([dir])).toEqual([]);
    writeFileSync(join(dir, 'nested', 'leak.json'), '{"card":"4000000000002503"}');
    writeFileSync(join(dir, 'body.log'), '{"payment":{"cc_cvv":"737"}}');
    expect(scan([dir]).map((f) => f.needle).sort()).toEqual(['4000000000002503', 'cc_cvv']);
  });
});
