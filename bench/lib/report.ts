// The bench's answer: every figure next to its ratio to a reference measured in the same run, the
// targets of issues 10 and 25 checked, the machine and versions stated. Only ratios within one run mean much.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, freemem, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { hasJourneyReference } from './contenders.js';
import type { LoadResult } from './load.js';
import type { Workload } from './workloads.js';
import type { RssAt } from './rss.js';
import { ROOT } from './servers.js';

export interface Row {
  workload: Workload;
  store: 'memory' | 'lowdb' | 'reference';
  server: string;
  stored: number;
  /** Medians of the rounds. */
  result: LoadResult;
  roundsRps: number[];
  rssBytes: number;
  dataBytes: number | null;
  /** The reference measured in the same rounds, which the ratios are taken against. */
  reference?: RowReference;
  /** For journey and mixed: the journey reference measured in the same rounds (issue 25's ceiling). */
  journeyReference?: RowReference;
}

export interface RowReference {
  server: string;
  rps: number;
  p99Ms: number;
  rssBytes: number;
}

/** The extra contender of the create rounds with the most stored: the persisted simulator with none. */
export const EMPTY_LOWDB = 'simulator (lowdb), none stored';
/** The persisted simulator of another checkout (`--baseline`), in the same rounds. */
export const BASELINE = 'baseline (lowdb)';

export interface ColdStart {
  bareMs: number[];
  /** `npm start` on its data folder, as every start but the first (the target). */
  simulatorMs: number[];
  /** For information: the first start on a fresh data folder, with --memory, and with 100,000 intents stored. */
  firstStartMs: number[];
  memoryMs: number[];
  restart100kMs: number[];
}

/** A run without cold starts (`--cold-runs 0`, `--quick`): no cold-start target. */
export const NO_COLD_STARTS: ColdStart = { bareMs: [], simulatorMs: [], firstStartMs: [], memoryMs: [], restart100kMs: [] };

export function coldLine(cold: ColdStart, runs: number): string {
  const ms = (xs: number[]) => `${median(xs).toFixed(0)} ms (${(median(xs) / median(cold.bareMs)).toFixed(2)}×)`;
  return (
    `Cold start to the first 200, medians of ${runs}: bare fastify ${median(cold.bareMs).toFixed(0)} ms; the simulator on its data folder ${ms(cold.simulatorMs)}; ` +
    `for information, its first start on a fresh folder ${ms(cold.firstStartMs)}, with --memory ${ms(cold.memoryMs)}` +
    `${cold.restart100kMs.length ? `, with 100,000 intents stored ${ms(cold.restart100kMs)}` : ''}.`
  );
}

export interface Target {
  name: string;
  value: number;
  limit: number;
  /** The value must be at most the limit (else at least). */
  atMost: boolean;
  met: boolean;
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const MB = 1024 * 1024;
const f = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
const ratio = (n: number) => (Number.isFinite(n) ? `${n.toFixed(2)}×` : '—');

export function machine() {
  const pkg = (name: string) => (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    // A result must say when it did not measure the commit it names (results/ itself is left out).
    const changed = execFileSync('git', ['status', '--porcelain', '--untracked-files=no', '--', '.', ':!bench/results'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim();
    if (changed) commit += ' with uncommitted changes';
  } catch {
    // not a git checkout
  }
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 1024 ** 3),
    freeMemoryGiB: Math.round(freemem() / 1024 ** 3),
    os: `${process.platform} ${release()}`,
    node: process.version,
    loadAverageAtStart: loadavg().map((l) => Number(l.toFixed(2))),
    versions: Object.fromEntries(['fastify', 'lowdb', 'ajv', 'autocannon', 'tsx'].map((p) => [p, pkg(p)])),
    commit,
  };
}

export function table(rows: Row[]): string {
  const head =
    '| workload | server | stored before | req/s | ×ref | ×journey ref | p50 ms | p99 ms | p99 ×ref | p99 ×journey ref | RSS MB | RSS ×ref | data MB | non-2xx | callbacks after ms |';
  const lines = [head, '|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|'];
  for (const r of rows) {
    const ref = r.reference;
    const j = r.journeyReference;
    lines.push(
      `| ${r.workload} | ${r.server} | ${r.stored.toLocaleString('en')} | ${f(r.result.rps)} | ${ref ? ratio(r.result.rps / ref.rps) : 'ref'} | ${j ? ratio(r.result.rps / j.rps) : '—'} | ${f(r.result.p50Ms, 2)} | ${f(r.result.p99Ms, 2)} | ${ref ? ratio(r.result.p99Ms / ref.p99Ms) : 'ref'} | ${j ? ratio(r.result.p99Ms / j.p99Ms) : '—'} | ${f(r.rssBytes / MB)} | ${ref ? ratio(r.rssBytes / ref.rssBytes) : 'ref'} | ${r.dataBytes === null ? '—' : f(r.dataBytes / MB, 1)} | ${r.result.non2xx + r.result.errors} | ${hasJourneyReference(r.workload) ? f(r.result.drainMs) : '—'} |`,
    );
  }
  return lines.join('\n');
}

type AddTarget = (name: string, value: number, limit: number, atMost?: boolean) => void;
/** The persisted default's row of a workload at a number stored. */
type RowAt = (workload: string, stored: number) => Row | undefined;

/**
 * A target on the load rows, checked at every number stored that the persisted default ran with. A new
 * workload's row (the console's payment list at 100,000 stored, issue 25 item 3) brings its own check and
 * is listed in ROW_CHECKS.
 */
export type RowCheck = (at: RowAt, stored: number, add: AddTarget) => void;

const n = (stored: number) => stored.toLocaleString('en');

/** Issue 10: single operations against their references. */
const singleOperations: RowCheck = (at, stored, add) => {
  const create = at('create', stored);
  const status = at('status', stored);
  if (create?.reference) {
    add(`create req/s ÷ Map reference's, ${n(stored)} stored`, create.result.rps / create.reference.rps, 0.5);
    add(`create p99 ÷ Map reference's p99, ${n(stored)} stored`, create.result.p99Ms / create.reference.p99Ms, 2, true);
  }
  if (status?.reference) add(`status req/s ÷ bare fastify's, ${n(stored)} stored`, status.result.rps / status.reference.rps, 0.5);
};

/** Issue 25: the journey and mixed workloads against the journey reference (and the journey against the Map's create). */
const journeys: RowCheck = (at, stored, add) => {
  const journey = at('journey', stored);
  const mixed = at('mixed', stored);
  if (journey?.journeyReference) {
    add(`journey req/s ÷ journey reference's, ${n(stored)} stored`, journey.result.rps / journey.journeyReference.rps, 0.6);
    add(`journey p99 ÷ journey reference's p99, ${n(stored)} stored`, journey.result.p99Ms / journey.journeyReference.p99Ms, 2, true);
  }
  if (journey?.reference) add(`journey req/s ÷ Map reference's create req/s, ${n(stored)} stored`, journey.result.rps / journey.reference.rps, 0.25);
  if (mixed?.journeyReference) add(`mixed req/s ÷ journey reference's (mixed), ${n(stored)} stored`, mixed.result.rps / mixed.journeyReference.rps, 0.6);
};

/** Every row check; the console list's (issue 25 item 3, its bench row from the console issue) goes here. */
const ROW_CHECKS: RowCheck[] = [singleOperations, journeys];

export function targets(rows: Row[], cold: ColdStart, rss: RssAt | null): Target[] {
  const out: Target[] = [];
  const at: RowAt = (workload, stored) => rows.find((r) => r.workload === workload && r.server === 'simulator (lowdb)' && r.stored === stored);
  const levels = [...new Set(rows.filter((r) => r.server === 'simulator (lowdb)').map((r) => r.stored))];
  const add: AddTarget = (name, value, limit, atMost = false) =>
    out.push({ name, value, limit, atMost, met: Number.isFinite(value) && (atMost ? value <= limit : value >= limit) });
  for (const stored of levels) for (const check of ROW_CHECKS) check(at, stored, add);
  const most = at('create', 100_000);
  const none = rows.find((r) => r.workload === 'create' && r.server === EMPTY_LOWDB);
  if (none && most) add('create req/s with 100,000 stored ÷ with none (same rounds)', most.result.rps / none.result.rps, 0.8);
  if (cold.bareMs.length && cold.simulatorMs.length)
    add("cold start to the first 200 on its data folder ÷ bare fastify's (medians)", median(cold.simulatorMs) / median(cold.bareMs), 1.5, true);
  if (rss) add(`RSS with ${rss.stored.toLocaleString('en')} stored, just started ÷ Map reference's`, rss.lowdbBytes / rss.mapBytes, 2, true);
  return out;
}

export function targetLines(list: Target[]): string {
  return list.map((t) => `- ${t.met ? '✅' : '❌'} ${t.name}: ${t.value.toFixed(2)} (target ${t.atMost ? '≤' : '≥'} ${t.limit})`).join('\n');
}
