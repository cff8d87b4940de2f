// Renders the test-number catalogue (simulator/src/domain/catalogue.ts) as the markdown tables of
// docs/guides/test-numbers.md, between <!-- scenarios:start --> and <!-- scenarios:end -->, so the docs never drift from
// what the simulator does. `--check` rewrites nothing and exits 1 when the guide's table is stale (CI).
// The functions are exported for test/docs/test-numbers.test.ts; the script part runs only when executed.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { catalogue, type CatalogueEntry } from '../simulator/src/domain/catalogue.js';

export const START_MARKER = '<!-- scenarios:start -->';
export const END_MARKER = '<!-- scenarios:end -->';
export const TABLE_PATH = fileURLToPath(new URL('../docs/guides/test-numbers.md', import.meta.url));
const TABLE_FILE = 'docs/guides/test-numbers.md';

/** A table cell: pipes escaped and line breaks flattened, so a catalogue text cannot break the table. */
function cell(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ');
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
    ...mobile.map((e) =>
      row([cell(e.trigger.provider ?? ''), `\`${cell(e.trigger.mobile ?? '')}\``, `\`${e.outcome}\``, e.status, cell(providerResult(e)), cell(e.description)]),
    ),
    '',
    '**Cards** (any future expiry, any name, a 3-digit CVV or 4 for American Express; any other Luhn-valid card succeeds frictionless in sandbox)',
    '',
    '| card | brand | outcome | enroll answers | final status | reason code and message | description |',
    '|---|---|---|---|---|---|---|',
    ...cards.map((e) =>
      row([
        `\`${cell(e.trigger.card ?? '')}\``,
        cell(e.trigger.brand ?? ''),
        `\`${e.outcome}\``,
        e.enroll ?? '',
        e.status,
        cell(providerResult(e)),
        cell(e.description),
      ]),
    ),
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
    ...refunds.map((e) =>
      row([refundTrigger(e), `\`${e.outcome}\``, e.answer ?? 'COMPLETED (card), PENDING (mobile money)', e.status, cell(e.message), cell(e.description)]),
    ),
  ];
  return `${lines.join('\n')}\n`;
}

/** The text between the markers (exclusive), or null when the page lacks them or has them out of order. */
export function readTable(page: string): string | null {
  const start = page.indexOf(START_MARKER);
  const end = page.indexOf(END_MARKER);
  if (start < 0 || end < 0 || end < start) return null;
  return page.slice(start + START_MARKER.length, end);
}

/** The page with the rendered table between the markers (a blank line on each side, for markdown). */
export function withTable(page: string, table: string = renderScenarioTable()): string {
  const start = page.indexOf(START_MARKER);
  const end = page.indexOf(END_MARKER);
  if (start < 0 || end < 0 || end < start) {
    throw new Error(`${TABLE_FILE} must contain ${START_MARKER} followed by ${END_MARKER}`);
  }
  return `${page.slice(0, start + START_MARKER.length)}\n\n${table}\n${page.slice(end)}`;
}

/** Whether the page's table is the rendering of the current catalogue. */
export function isFresh(page: string, table: string = renderScenarioTable()): boolean {
  return readTable(page) !== null && withTable(page, table) === page;
}

async function main(argv: string[]): Promise<number> {
  const check = argv.includes('--check');
  const page = await readFile(TABLE_PATH, 'utf8');
  if (readTable(page) === null) {
    console.error(`${TABLE_FILE} has no ${START_MARKER} ... ${END_MARKER} section to hold the test-number table`);
    return 1;
  }
  const table = renderScenarioTable();
  if (check) {
    if (isFresh(page, table)) {
      console.log(`${TABLE_FILE}: the test-number table is up to date`);
      return 0;
    }
    console.error(
      `${TABLE_FILE}: the test-number table is stale (it differs from simulator/src/domain/catalogue.ts): run \`npm run docs:scenarios\` and commit it`,
    );
    return 1;
  }
  const next = withTable(page, table);
  if (next === page) {
    console.log(`${TABLE_FILE}: the test-number table is already up to date`);
  } else {
    await writeFile(TABLE_PATH, next);
    console.log(`${TABLE_FILE}: the test-number tables rewritten`);
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
