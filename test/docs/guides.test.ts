// Every command and code block of README.md and docs/guides/*.md is executed or checked here (the rules
// are in doc-blocks.ts): shell blocks run against a fresh simulator and print what the page shows,
// examples are the test files npm test runs, and nothing else may appear without a stated reason.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { docPages, matchesShown, parseBlocks, readPage, ROOT, type DocBlock } from './doc-blocks.js';
import { runPage } from './run-page.js';

const pages = docPages().map((page) => ({ page, blocks: parseBlocks(page, readPage(page)) }));
const where = (b: DocBlock) => `${b.page}:${b.line}`;

describe('the docs: every block has a role', () => {
  it.each(pages)('$page', ({ blocks }) => {
    expect(blocks.filter((b) => b.role === 'unchecked').map(where)).toEqual([]);
    for (const b of blocks.filter((x) => x.role === 'skip')) expect(b.note, where(b)).toMatch(/\w+ \w+ \w+/);
    for (const b of blocks.filter((x) => x.role === 'example')) {
      expect(b.code, where(b)).toBe(readFileSync(`${ROOT}${b.note}`, 'utf8'));
    }
  });
});

describe('the docs: the shell blocks print what the page shows', () => {
  const runnable = pages.filter(({ blocks }) => blocks.some((b) => b.role === 'run'));
  it.each(runnable)('$page', { timeout: 120_000 }, async ({ blocks }) => {
    const { outputs } = await runPage(blocks);
    blocks.forEach((block, index) => {
      if (block.role === 'run') expect(outputs.has(index), `${where(block)} did not run`).toBe(true);
      if (block.role !== 'output') return;
      const printed = outputs.get(block.of!) ?? '';
      expect(matchesShown(block.code, printed), `${where(block)} shows:\n${block.code}\nbut ${where(blocks[block.of!]!)} printed:\n${printed}`).toBe(true);
    });
  });
});

describe('matchesShown', () => {
  const printed = '{"date":"2026-12-06T00:10:00.123Z","data":{"reference":"5fc316b2-b1b0","status":"PENDING","latencyMs":7}}\nHTTP 200\n';

  it('takes trimmed, wrapped answers with dates of their own', () => {
    expect(matchesShown('{"date":"2026-11-25T04:42:19.104Z","data":{"reference":"5fc316b2-…",\n  "status":"PENDING","latencyMs":16}}\nHTTP 200', printed)).toBe(
      true,
    );
    expect(matchesShown('{"date":"…","data":{…"status":"PENDING"…}}', printed)).toBe(true);
  });

  it('refuses an answer that differs anywhere it is not trimmed', () => {
    expect(matchesShown('{"date":"…","data":{…"status":"COMPLETED"…}}', printed)).toBe(false);
    expect(matchesShown('{"date":"…","data":{"reference":"5fc316b2-b1b1"…}}', printed)).toBe(false);
    expect(matchesShown('HTTP 201', printed)).toBe(false);
  });
});

describe('parseBlocks', () => {
  const page = [
    '```sh',
    'curl localhost:3000/x',
    '```',
    'prose',
    '```json',
    '{"a":1}',
    '```',
    '```json',
    '{"b":2}',
    '```',
    '<!-- doc-test: skip needs Docker; .ci/docker-checks.sh runs it -->',
    '```sh',
    'docker run x',
    '```',
    '```text',
    'Verifying a pact',
    '```',
    '<!-- doc-example: test/library/readme-example.test.ts -->',
    '```ts',
    'x',
    '```',
  ].join('\n');

  it('gives each block its role: the first block after a command is its answer, later ones are not', () => {
    expect(parseBlocks('p.md', page).map((b) => [b.role, b.of, b.note])).toEqual([
      ['run', undefined, undefined],
      ['output', 0, undefined],
      ['unchecked', undefined, undefined],
      ['skip', undefined, 'needs Docker; .ci/docker-checks.sh runs it'],
      ['skip', undefined, 'needs Docker; .ci/docker-checks.sh runs it'],
      ['example', undefined, 'test/library/readme-example.test.ts'],
    ]);
  });
});
