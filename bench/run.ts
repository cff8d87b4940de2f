// npm run bench [-- --duration 3 --rounds 5 --warmup 1 --connections 100 --stored 0,10000,100000
//                  --stores memory,lowdb --workloads create,status,journey,mixed --cold-runs 5]
// A short comparison of two versions (about 40 s; the journey of the persisted store only, no cold starts):
//   npx tsx bench/run.ts --quick --baseline <another checkout, its node_modules linked>
// Starts the simulator and the reference servers itself, each in its own process on 127.0.0.1, loads them
// in turns with autocannon, and prints every figure as a ratio to the reference measured in the same rounds.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { coldStarts } from './lib/cold.js';
import { choicesOption, commandLine, numberOption } from './lib/command-line.js';
import { consoleLine, consoleTargets, consoleTimings } from './lib/console.js';
import {
  hasJourneyReference,
  JOURNEY_REFERENCE,
  startJourneyReference,
  startReference,
  startSimulator,
  stopContender,
  type Contender,
} from './lib/contenders.js';
import { seedTemplate, startSink } from './lib/fixtures.js';
import { BASELINE, coldLine, EMPTY_LOWDB, machine, median, NO_COLD_STARTS, table, targetLines, targets, type Row } from './lib/report.js';
import { interleave } from './lib/rounds.js';
import { rssAt } from './lib/rss.js';
import { ROOT } from './lib/servers.js';
import { WORKLOADS, type Workload } from './lib/workloads.js';

const { values, tokens } = commandLine(import.meta.url, (args) =>
  parseArgs({
    args,
    tokens: true,
    options: {
      duration: { type: 'string', default: '3' },
      rounds: { type: 'string', default: '5' },
      warmup: { type: 'string', default: '1' },
      connections: { type: 'string', default: '100' },
      stored: { type: 'string', default: '0,10000,100000' },
      stores: { type: 'string', default: 'memory,lowdb' },
      workloads: { type: 'string', default: WORKLOADS.join(',') },
      'cold-runs': { type: 'string', default: '5' },
      // The persisted journey only, 1 s of warm-up and three rounds of 2 s, no cold starts (unless given).
      quick: { type: 'boolean', default: false },
      // Another checkout whose persisted simulator runs in the same rounds (to compare two versions).
      baseline: { type: 'string' },
    },
  }),
);
// Options given on the command line win over --quick's.
const given = new Set<string>(tokens.flatMap((t) => (t.kind === 'option' ? [t.name] : [])));
const QUICK = { duration: '2', rounds: '3', warmup: '1', stored: '0', stores: 'lowdb', workloads: 'journey', 'cold-runs': '0' };
if (values.quick) for (const [k, v] of Object.entries(QUICK)) if (!given.has(k)) Object.assign(values, { [k]: v });
const opts = {
  durationS: numberOption('duration', values.duration!, 0.1),
  rounds: numberOption('rounds', values.rounds!, 1),
  warmupS: numberOption('warmup', values.warmup!),
  connections: numberOption('connections', values.connections!, 1),
  stored: values.stored!.split(',').map((n) => numberOption('stored', n)),
  stores: choicesOption('stores', values.stores!, ['memory', 'lowdb'] as const),
  workloads: choicesOption('workloads', values.workloads!, WORKLOADS),
  coldRuns: numberOption('cold-runs', values['cold-runs']!),
  baseline: values.baseline ?? null,
};
const MOST = Math.max(...opts.stored);
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);

const tmp = await mkdtemp(join(tmpdir(), 'littlepay-bench-'));
const sink = await startSink();
const info = machine();
const startedAt = new Date();
const log = (line: string) => console.log(`[${((Date.now() - startedAt.getTime()) / 1000).toFixed(0).padStart(4)} s] ${line}`);

/** One workload at one number of intents stored: the reference and the simulator's stores, in turns. */
async function runGroup(workload: Workload, stored: number, templates: Map<number, string>): Promise<Row[]> {
  const contenders: Contender[] = [];
  try {
    contenders.push(await startReference(workload, stored, sink.url));
    if (hasJourneyReference(workload)) contenders.push(await startJourneyReference(workload, stored, sink.url));
    for (const store of opts.stores) {
      contenders.push(await startSimulator({ store, workload, stored, template: templates.get(stored) ?? null, tmp, callbackUrl: sink.url }));
    }
    // The cost of a write must not grow with what is stored: compare with an empty store in the same rounds.
    if (workload === 'create' && stored === MOST && stored > 0 && templates.has(0)) {
      contenders.push(
        await startSimulator({ store: 'lowdb', workload, stored: 0, template: templates.get(0)!, tmp, callbackUrl: sink.url, label: EMPTY_LOWDB }),
      );
    }
    if (opts.baseline && templates.has(stored)) {
      contenders.push(
        await startSimulator({
          store: 'lowdb',
          workload,
          stored,
          template: templates.get(stored)!,
          tmp,
          callbackUrl: sink.url,
          label: BASELINE,
          root: opts.baseline,
        }),
      );
    }
    // Callbacks are part of a journey: its rounds end when the last one is delivered (rounds.ts).
    const measured = await interleave(contenders, hasJourneyReference(workload) ? { ...opts, drain: sink.drained } : opts);
    const sizes: Array<number | null> = [];
    for (const c of contenders.splice(0)) sizes.push(await stopContender(c));
    const ref = measured[0]!;
    const asReference = (m: typeof ref) => ({ server: m.contender.label, rps: m.summary.rps, p99Ms: m.summary.p99Ms, rssBytes: m.rssBytes });
    const reference = asReference(ref);
    const journey = measured.find((m) => m.contender.label === JOURNEY_REFERENCE);
    return measured.map((m, i): Row => ({
      workload,
      store: m.contender.store,
      server: m.contender.label,
      stored: m.contender.stored,
      result: m.summary,
      roundsRps: m.runs.map((r) => Math.round(r.rps)),
      rssBytes: m.rssBytes,
      dataBytes: sizes[i] ?? null,
      ...(i === 0 ? {} : { reference }),
      ...(journey && m !== journey && m.contender.store !== 'reference' ? { journeyReference: asReference(journey) } : {}),
    }));
  } finally {
    for (const c of contenders) await stopContender(c).catch(() => {});
  }
}

async function main(): Promise<number> {
  log(
    `bench on ${info.cpu}, ${info.cores} cores, node ${info.node}; load average ${info.loadAverageAtStart.join(' ')}; ${opts.connections} connections, ${opts.rounds} rounds of ${opts.durationS} s per server`,
  );
  const templates = new Map<number, string>();
  if (opts.stores.includes('lowdb')) {
    for (const stored of new Set([0, ...opts.stored])) {
      const t0 = performance.now();
      templates.set(stored, await seedTemplate(join(tmp, `template-${stored}`), stored));
      log(`seeded a persisted store with ${stored} intents in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
  }
  const cold = opts.coldRuns > 0 ? await coldStarts({ runs: opts.coldRuns, tmp, big: templates.get(100_000) ?? null, log }) : NO_COLD_STARTS;
  const rss = templates.has(MOST) && MOST > 0 ? await rssAt(MOST, templates.get(MOST)!, tmp, sink.url) : null;
  if (rss)
    log(
      `RSS with ${MOST} intents stored: Map reference ${mb(rss.mapBytes)} MB, simulator memory ${mb(rss.memoryBytes)} MB, persisted ${mb(rss.lowdbBytes)} MB`,
    );
  // Before the load rounds, while nothing else runs: the console's list is timed in this process.
  const consoleRow = MOST > 0 ? await consoleTimings(MOST, 200) : null;
  if (consoleRow) log(consoleLine(consoleRow));
  const rows: Row[] = [];
  for (const stored of opts.stored) {
    for (const workload of opts.workloads) {
      const group = await runGroup(workload, stored, templates);
      for (const r of group)
        log(
          `${workload} ${r.server} (${r.stored} stored): ${r.result.rps.toFixed(0)} req/s [${r.roundsRps.join(', ')}], p99 ${r.result.p99Ms.toFixed(2)} ms${hasJourneyReference(workload) ? `, callbacks ${r.result.drainMs.toFixed(0)} ms after the load` : ''}, RSS ${(r.rssBytes / 2 ** 20).toFixed(0)} MB`,
        );
      rows.push(...group);
    }
  }
  const met = [...targets(rows, cold, rss), ...(consoleRow ? consoleTargets(consoleRow) : [])];
  const failures = rows.filter((r) => r.store !== 'reference' && r.result.non2xx + r.result.errors > 0);
  const text = [
    `Bench of ${startedAt.toISOString()} on ${info.cpu}, ${info.cores} cores, ${info.memoryGiB} GiB, ${info.os}, node ${info.node} (commit ${info.commit}); load average at start ${info.loadAverageAtStart.join(' ')}.`,
    `Versions: ${Object.entries(info.versions)
      .map(([k, v]) => `${k} ${v}`)
      .join(
        ', ',
      )}. autocannon with ${opts.connections} connections; each server in its own process (node --import tsx) on 127.0.0.1; the servers of a row group loaded in turns, ${opts.rounds} rounds of ${opts.durationS} s after ${opts.warmupS} s of warm-up, medians shown; a journey or mixed round ends when the server's last callback has arrived, and its req/s counts that time too ("callbacks after", ms). Ratios are to the group's reference.`,
    '',
    table(rows),
    '',
    opts.coldRuns > 0 ? coldLine(cold, opts.coldRuns) : '',
    consoleRow ? consoleLine(consoleRow) : '',
    rss
      ? `RSS with ${rss.stored.toLocaleString('en')} intents stored, just started: Map reference ${mb(rss.mapBytes)} MB, simulator in memory ${mb(rss.memoryBytes)} MB (${(rss.memoryBytes / rss.mapBytes).toFixed(2)}×), persisted ${mb(rss.lowdbBytes)} MB (${(rss.lowdbBytes / rss.mapBytes).toFixed(2)}×).`
      : '',
    '',
    targetLines(met),
  ].join('\n');
  console.log(`\n${text}\n`);
  // A quick run or one with a baseline compares versions: it is not a result of the bench, and not kept with them.
  const dir = values.quick || opts.baseline ? tmpdir() : join(ROOT, 'bench/results');
  await mkdir(dir, { recursive: true });
  const file = join(dir, `bench-${startedAt.toISOString().replace(/[:.]/g, '-').slice(0, 19)}.json`);
  const medians = {
    bareMs: median(cold.bareMs),
    simulatorMs: median(cold.simulatorMs),
    firstStartMs: median(cold.firstStartMs),
    memoryMs: median(cold.memoryMs),
    restart100kMs: median(cold.restart100kMs),
  };
  await writeFile(
    file,
    `${JSON.stringify({ startedAt, finishedAt: new Date(), machine: info, options: opts, coldStart: { ...cold, medians }, rssAtMost: rss, console: consoleRow, rows, targets: met, callbacksReceived: sink.received(), markdown: text }, null, 2)}\n`,
  );
  log(`wrote ${file}`);
  if (failures.length)
    console.error(`simulator runs with non-2xx answers or errors: ${failures.map((r) => `${r.server} ${r.workload} ${r.stored}`).join(', ')}`);
  return met.every((t) => t.met) && failures.length === 0 ? 0 : 1;
}

try {
  process.exitCode = await main();
} finally {
  await sink.close();
  await rm(tmp, { recursive: true, force: true });
}
