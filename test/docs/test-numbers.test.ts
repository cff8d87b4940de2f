// The test-number table of docs/guides/test-numbers.md is generated from the catalogue the simulator serves; this test fails
// when the two drift apart (fix: npm run docs:scenarios).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../simulator/src/domain/catalogue.js';
import { END_MARKER, TABLE_PATH, START_MARKER, isFresh, readTable, renderScenarioTable, withTable } from '../../scripts/render-scenarios.js';

const page = readFileSync(TABLE_PATH, 'utf8');

describe('the test-number table of docs/guides/test-numbers.md', () => {
  it('is exactly the rendering of the catalogue', () => {
    expect(readTable(page)).toBe(`\n\n${renderScenarioTable()}\n`);
    expect(isFresh(page)).toBe(true);
  });

  it('lists every test number and card of the catalogue, with its trigger, outcome and final status', () => {
    const table = readTable(page) ?? '';
    for (const entry of catalogue()) {
      if (entry.trigger.mobile) expect(table).toContain(`| ${entry.trigger.provider} | \`${entry.trigger.mobile}\` | \`${entry.outcome}\` | ${entry.status} |`);
      else if (entry.trigger.card)
        expect(table).toContain(`| \`${entry.trigger.card}\` | ${entry.trigger.brand} | \`${entry.outcome}\` | ${entry.enroll} | ${entry.status} |`);
      else if (entry.trigger.amount !== undefined)
        expect(table).toContain(`| \`${entry.trigger.amount}\` | \`${entry.outcome}\` | ${entry.answer} | ${entry.status} |`);
      else if (entry.trigger.kind === 'refund') expect(table).toContain(`| ${entry.trigger.how} | \`${entry.outcome}\` |`);
      else expect(table).toContain(`| \`${entry.outcome}\` | ${entry.trigger.how} | ${entry.status} |`);
    }
  });

  it('is reported stale when a row is changed, and rewriting it makes it fresh again', () => {
    const stale = page.replace('| MPESA | `254700000001` |', '| MPESA | `254700000009` |');
    expect(stale).not.toBe(page);
    expect(isFresh(stale)).toBe(false);
    expect(withTable(stale)).toBe(page);
  });

  it('refuses a page without the markers', () => {
    const bare = page.replace(START_MARKER, '').replace(END_MARKER, '');
    expect(readTable(bare)).toBeNull();
    expect(isFresh(bare)).toBe(false);
    expect(() => withTable(bare)).toThrow(/scenarios:start/);
  });
});
