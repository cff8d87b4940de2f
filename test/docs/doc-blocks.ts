// The fenced blocks of the README and the guides, and what the docs tests do with each:
// - a `sh` block is run, in order, in one shell session per page, against a fresh simulator;
// - a `json` or `text` block right after a run block (nothing but prose between) is what that block
//   printed, matched by matchesShown below;
// - `<!-- doc-example: PATH -->` before a block: the block is the file PATH line for line (a test runs it);
// - `<!-- doc-test: skip REASON -->` before a block: not run here, for the reason given (a long-lived
//   server, Docker, the whole test suite); the reason must say where else it is run, if anywhere. The
//   answer shown right after such a block goes with it.
// Every other block fails the test, so a new command cannot slip into the docs unexecuted.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export type BlockRole = 'run' | 'output' | 'example' | 'skip' | 'unchecked';

export interface DocBlock {
  page: string;
  /** 1-based line of the opening fence. */
  line: number;
  lang: string;
  code: string;
  role: BlockRole;
  /** doc-example: the file path; skip: the reason. */
  note?: string;
  /** For an output block: the index of the run block it belongs to. */
  of?: number;
}

/** README.md and every docs/guides/*.md, as paths from the repository root. */
export function docPages(): string[] {
  const guides = readdirSync(new URL('docs/guides/', `file://${ROOT}`))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/guides/${f}`);
  return ['README.md', ...guides];
}

export function readPage(page: string): string {
  return readFileSync(`${ROOT}${page}`, 'utf8');
}

const FENCE = /^```(\S*)\s*$/;
const MARKER = /^<!-- doc-(example|test): (?:skip )?(.+?) -->$/;

/** The page's fenced blocks with their roles. */
export function parseBlocks(page: string, text: string): DocBlock[] {
  const lines = text.split('\n');
  const blocks: DocBlock[] = [];
  let marker: { kind: string; note: string } | undefined;
  let lastRun: number | undefined;
  let fencesSinceRun = 0;
  /** Whether the previous block was skipped by a marker of its own: its answer, right after it, goes with it. */
  let afterSkip = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    const m = MARKER.exec(line);
    if (m) {
      marker = { kind: m[1]!, note: m[2]! };
      continue;
    }
    const fence = FENCE.exec(line);
    if (!fence) continue;
    const indent = lines[i]!.indexOf('```');
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i]!.trim() !== '```'; i++) body.push(lines[i]!.slice(indent));
    const lang = fence[1] ?? '';
    const block: DocBlock = { page, line: start + 1, lang, code: `${body.join('\n')}\n`, role: 'unchecked' };
    if (marker?.kind === 'example') Object.assign(block, { role: 'example', note: marker.note });
    else if (marker?.kind === 'test') Object.assign(block, { role: 'skip', note: marker.note });
    else if (lang === 'sh') block.role = 'run';
    else if ((lang === 'json' || lang === 'text') && lastRun !== undefined && fencesSinceRun === 0) Object.assign(block, { role: 'output', of: lastRun });
    else if ((lang === 'json' || lang === 'text') && blocks.at(-1)?.role === 'skip' && afterSkip)
      Object.assign(block, { role: 'skip', note: blocks.at(-1)!.note });
    afterSkip = marker?.kind === 'test';
    marker = undefined;
    if (block.role === 'run') {
      lastRun = blocks.length;
      fencesSinceRun = 0;
    } else {
      fencesSinceRun++;
    }
    blocks.push(block);
  }
  return blocks;
}

const ISO = '\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?Z';
/** Values that differ from run to run even on a fresh simulator with the default seed. */
const VOLATILE: [RegExp, string][] = [
  [/("latencyMs":\s*)\d+/g, '$1\\d+'],
  [/("leadMs":\s*)\d+/g, '$1\\d+'],
  [/("x-littlepay-timestamp":")\d+"/g, '$1\\d+"'],
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Whether a shown answer appears in what the commands printed. The shown text may trim with `…`, wrap a
 * long line (a line break and indentation stand for any white space or none), and show a date of its own
 * where the simulator prints the time it is; everything else must be there as shown.
 */
export function matchesShown(shown: string, actual: string): boolean {
  const parts = shown.trim().split('…');
  let pattern = parts
    .map((part) =>
      part
        .split(/\s*\n\s*/)
        .map((piece) => escapeRegExp(piece))
        .join('\\s*'),
    )
    .join('[\\s\\S]*?');
  pattern = pattern.replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\\\.\d+)?Z/g, ISO);
  for (const [find, replace] of VOLATILE) pattern = pattern.replace(find, replace);
  return new RegExp(pattern).test(actual);
}
