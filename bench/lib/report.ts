// The bench's answer: every figure next to its ratio to a reference measured in the same run, the
// targets of issue 10 checked, the machine and versions stated. Only ratios within one run mean much.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, freemem, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';
import type { LoadResult } from './load.js';
import type { RssAt } from './rss.js';
import { ROOT } from './servers.js';

export interface Row {
  workload: string;
  store: 'memory' | 'lowdb' | 'reference';
  server: string;
  stored: number;
  /** Medians of the rounds. */
  result: LoadResult;
  roundsRps: number[];
  rssBytes: number;
  dataBytes: number | null;
  /** The reference measured in the same rounds, which the ratios are taken against. */
  reference?: { server: string; rps: number; p99Ms: number; rssBytes: number };
}

/** The extra contender of the create rounds with the most stored: the persisted simulator with none. */
export const EMPTY_LOWDB = 'simulator (lowdb), none stored';

export interface ColdStart {
  bareMs: number[];
  /** `npm start` on its data folder, as every start but the first (the target). */
  simulatorMs: number[];
  /** For information: the first start on a fresh data folder, with --memory, and with 100,000 intents stored. */
  firstStartMs: number[];
  memoryMs: number[];
  restart100kMs: number[];
}

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
    const changed = execFileSync('git', ['status', '--porcelain', '--untracked-files=no', '--', '.', ':!bench/results'], { cwd: ROOT, encoding: 'utf8' }).trim();
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
  const head = '| workload | server | stored before | req/s | ×ref | p50 ms | p99 ms | p99 ×ref | RSS MB | RSS ×ref | data MB | non-2xx |';
  const lines = [head, '|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|'];
  for (const r of rows) {
    const ref = r.reference;
    lines.push(
      `| ${r.workload} | ${r.server} | ${r.stored.toLocaleString('en')} | ${f(r.result.rps)} | ${ref ? ratio(r.result.rps / ref.rps) : 'ref'} | ${f(r.result.p50Ms, 2)} | ${f(r.result.p99Ms, 2)} | ${ref ? ratio(r.result.p99Ms / ref.p99Ms) : 'ref'} | ${f(r.rssBytes / MB)} | ${ref ? ratio(r.rssBytes / ref.rssBytes) : 'ref'} | ${r.dataBytes === null ? '—' : f(r.dataBytes / MB, 1)} | ${r.result.non2xx + r.result.errors} |`,
    );
  }
  return lines.join('\n');
}

export function targets(rows: Row[], cold: ColdStart, rss: RssAt | null): Target[] {
  const out: Target[] = [];
  const at = (workload: string, stored: number) => rows.find((r) => r.workload === workload && r.server === 'simulator (lowdb)' && r.stored === stored);
  const levels = [...new Set(rows.filter((r) => r.server === 'simulator (lowdb)').map((r) => r.stored))];
  const add = (name: string, value: number, limit: number, atMost = false) =>
    out.push({ name, value, limit, atMost, met: Number.isFinite(value) && (atMost ? value <= limit : value >= limit) });
  for (const stored of levels) {
    const create = at('create', stored);
    const status = at('status', stored);
    if (create?.reference) {
      add(`create req/s ÷ Map reference's, ${stored.toLocaleString('en')} stored`, create.result.rps / create.reference.rps, 0.5);
      add(`create p99 ÷ Map reference's p99, ${stored.toLocaleString('en')} stored`, create.result.p99Ms / create.reference.p99Ms, 2, true);
    }
    if (status?.reference) add(`status req/s ÷ bare fastify's, ${stored.toLocaleString('en')} stored`, status.result.rps / status.reference.rps, 0.5);
  }
  const most = at('create', 100_000);
  const none = rows.find((r) => r.workload === 'create' && r.server === EMPTY_LOWDB);
  if (none && most) add('create req/s with 100,000 stored ÷ with none (same rounds)', most.result.rps / none.result.rps, 0.8);
  if (cold.bareMs.length && cold.simulatorMs.length) add('cold start to the first 200 on its data folder ÷ bare fastify\'s (medians)', median(cold.simulatorMs) / median(cold.bareMs), 1.5, true);
  if (rss) add(`RSS with ${rss.stored.toLocaleString('en')} stored, just started ÷ Map reference's`, rss.lowdbBytes / rss.mapBytes, 2, true);
  return out;
}

export function targetLines(list: Target[]): string {
  return list.map((t) => `- ${t.met ? '✅' : '❌'} ${t.name}: ${t.value.toFixed(2)} (target ${t.atMost ? '≤' : '≥'} ${t.limit})`).join('\n');
}
