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

function providerResult(entry: CatalogueEntry): string {
  return entry.resultCode === undefined ? entry.message : `${entry.resultCode}: ${entry.message}`;
}

const row = (cells: string[]) => `| ${cells.join(' | ')} |`;

const refundTrigger = (e: CatalogueEntry) => (e.trigger.amount === undefined ? cell(e.trigger.how ?? '') : `\`${e.trigger.amount}\``);

/** The markdown tables of the catalogue (mobile numbers, cards, card events, refunds), ending with a newline. */
export function renderScenarioTable(entries: CatalogueEntry[] = catalogue()): string {
  const mobile = entries.filter((e) => e.trigger.kind === 'mobile');
  const cards = entries.filter((e) => e.trigger.kind === 'card' && e.trigger.card);
  const events = entries.filter((e) => e.trigger.kind === 'card' && !e.trigger.card);
  const refunds = entries.filter((e) => e.trigger.kind === 'refund');
  const lines = [
    '**Mobile money** (any other valid number succeeds)',
    '',
    '| provider | test number | outcome | final status | provider result code and message | description |',
    '|---|---|---|---|---|---|',
    ...mobile.map((e) => row([cell(e.trigger.provider ?? ''), `\`${cell(e.trigger.mobile ?? '')}\``, `\`${e.outcome}\``, e.status, cell(providerResult(e)), cell(e.description)])),
    '',
    '**Cards** (any future expiry, any name, a 3-digit CVV or 4 for American Express; any other Luhn-valid card succeeds frictionless in sandbox)',
    '',
    '| card | brand | outcome | enroll answers | final status | reason code and message | description |',
    '|---|---|---|---|---|---|---|',
    ...cards.map((e) => row([`\`${cell(e.trigger.card ?? '')}\``, cell(e.trigger.brand ?? ''), `\`${e.outcome}\``, e.enroll ?? '', e.status, cell(providerResult(e)), cell(e.description)])),
    '',
    '**Card outcomes no number chooses**',
    '',
    '| outcome | how to reach it | final status | reason code and message |',
    '|---|---|---|---|',
    ...events.map((e) => row([`\`${e.outcome}\``, cell(e.trigger.how ?? e.description), e.status, cell(providerResult(e))])),
    '',
    '**Refunds** (a refund of this amount, from any payment large enough; queue them with `provider: REFUNDS`)',
    '',
    '| refund amount | outcome | the refund answers | final status | message | description |',
    '|---|---|---|---|---|---|',
    ...refunds.map((e) => row([refundTrigger(e), `\`${e.outcome}\``, e.answer ?? 'COMPLETED (card), PENDING (mobile money)', e.status, cell(e.message), cell(e.description)])),
  ];
  return `${lines.join('\n')}\n`;
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
    console.log('README.md test-number tables rewritten');
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
