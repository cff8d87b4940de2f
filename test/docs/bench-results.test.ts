// bench/results/ keeps the runs the docs cite and no others: each file there is named by a guide or a
// decision (by file name, or by its time as the decisions write it, 19-04-33), and each run the docs
// name is there. A new run of npm run bench fails this until it is cited or deleted.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from './doc-blocks.js';

const results = readdirSync(`${ROOT}bench/results`).filter((f) => f.endsWith('.json'));
const docs = ['docs/guides', 'docs/decisions']
  .flatMap((dir) =>
    readdirSync(`${ROOT}${dir}`)
      .filter((f) => f.endsWith('.md'))
      .map((f) => readFileSync(`${ROOT}${dir}/${f}`, 'utf8')),
  )
  .join('\n');

describe('bench/results', () => {
  it('holds only runs the docs cite', () => {
    const uncited = results.filter((f) => {
      const time = /T(\d\d-\d\d-\d\d)\.json$/.exec(f)?.[1] ?? f;
      return !docs.includes(f.replace(/\.json$/, '')) && !docs.includes(time);
    });
    expect(uncited, 'cite these runs in docs/guides/performance.md or a decision, or delete them').toEqual([]);
  });

  it('holds every run the docs name', () => {
    const named = [...docs.matchAll(/bench-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d/g)].map((m) => `${m[0]}.json`);
    expect(named.length).toBeGreaterThan(0);
    expect([...new Set(named)].filter((f) => !results.includes(f))).toEqual([]);
  });
});
