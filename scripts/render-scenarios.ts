// Renders the test-number catalogue (simulator/src/domain/catalogue.ts) as the markdown table of
// README.md, between <!-- scenarios:start --> and <!-- scenarios:end -->, so the docs never drift from
// what the simulator does. `--check` rewrites nothing and exits 1 when the README's table is stale (CI).
// The functions are exported for test/docs/readme.test.ts; the script part runs only when executed.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { catalogue, type CatalogueEntry } from '../simulator/src/domain/catalogue.js';

export const START_MARKER = '<!-- scenarios:start -->';
export const END_MARKER = '<!-- scenarios:end -->';
export const README_PATH = fileURLToPath(new URL('../README.md', import.meta.url));

/** A table cell: pipes escaped and line breaks flattened, so a catalogue text cannot break the table. */
function cell(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function triggerOf(entry: CatalogueEntry): string {
  return entry.trigger.mobile ?? entry.trigger.card ?? '';
}

function providerResult(entry: CatalogueEntry): string {
  return entry.resultCode === undefined ? entry.message : `${entry.resultCode}: ${entry.message}`;
}

/** The markdown table of the catalogue, one row per test number, ending with a newline. */
export function renderScenarioTable(entries: CatalogueEntry[] = catalogue()): string {
  const rows = [
    '| provider | test number | outcome | final status | provider result code and message | description |',
    '|---|---|---|---|---|---|',
    ...entries.map((e) =>
      `| ${[
        cell(e.trigger.provider ?? (e.trigger.kind === 'card' ? 'CARDS' : '')),
        `\`${cell(triggerOf(e))}\``,
        `\`${cell(e.outcome)}\``,
        e.status,
        cell(providerResult(e)),
        cell(e.description),
      ].join(' | ')} |`,
    ),
  ];
  return `${rows.join('\n')}\n`;
}

/** The text between the markers (exclusive), or null when the README lacks them or has them out of order. */
export function readTable(readme: string): string | null {
  const start = readme.indexOf(START_MARKER);
  const end = readme.indexOf(END_MARKER);
  if (start < 0 || end < 0 || end < start) return null;
  return readme.slice(start + START_MARKER.length, end);
}

/** The README with the rendered table between the markers (a blank line on each side, for markdown). */
export function withTable(readme: string, table: string = renderScenarioTable()): string {
  const start = readme.indexOf(START_MARKER);
  const end = readme.indexOf(END_MARKER);
  if (start < 0 || end < 0 || end < start) {
    throw new Error(`README.md must contain ${START_MARKER} followed by ${END_MARKER}`);
  }
  return `${readme.slice(0, start + START_MARKER.length)}\n\n${table}\n${readme.slice(end)}`;
}

/** Whether the README's table is the rendering of the current catalogue. */
export function isFresh(readme: string, table: string = renderScenarioTable()): boolean {
  return readTable(readme) !== null && withTable(readme, table) === readme;
}

async function main(argv: string[]): Promise<number> {
  const check = argv.includes('--check');
  const readme = await readFile(README_PATH, 'utf8');
  if (readTable(readme) === null) {
    console.error(`README.md has no ${START_MARKER} ... ${END_MARKER} section to hold the test-number table`);
    return 1;
  }
  const table = renderScenarioTable();
  if (check) {
    if (isFresh(readme, table)) {
      console.log('README.md test-number table is up to date');
      return 0;
    }
    console.error('README.md test-number table is stale (it differs from simulator/src/domain/catalogue.ts): run `npm run docs:scenarios` and commit README.md');
    return 1;
  }
  const next = withTable(readme, table);
  if (next === readme) {
    console.log('README.md test-number table is already up to date');
  } else {
    await writeFile(README_PATH, next);
    console.log(`README.md test-number table rewritten (${table.split('\n').length - 3} test numbers)`);
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
