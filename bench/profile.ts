// npm run bench:profile [-- --workload journey --seconds 8 --store lowdb|memory|reference]: where the
// simulator's main thread (or, with `--store reference`, the journey reference's) spends its time under one
// of the bench's loads. The simulator runs with `node --cpu-prof`; after a warm-up
// its profile is taken for the given seconds, and the busiest functions (self time) and files are printed as
// shares of the samples that were not idle. The .cpuprofile is kept (open it in Chrome's DevTools).
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { commandLine, numberOption, oneOf } from './lib/command-line.js';
import { sandboxMerchant, createPool, startSink } from './lib/fixtures.js';
import { load } from './lib/load.js';
import { SIMULATOR, startServer } from './lib/servers.js';
import { simRequests, WORKLOADS } from './lib/workloads.js';
import { REFERENCE_MERCHANT, SIM_FLAGS } from './lib/contenders.js';

const { values } = commandLine(import.meta.url, (args) =>
  parseArgs({
    args,
    options: {
      workload: { type: 'string', default: 'journey' },
      seconds: { type: 'string', default: '8' },
      store: { type: 'string', default: 'lowdb' },
      connections: { type: 'string', default: '100' },
      top: { type: 'string', default: '30' },
    },
  }),
);
const connections = numberOption('connections', values.connections!, 1);
const seconds = numberOption('seconds', values.seconds!, 1);
const topCount = numberOption('top', values.top!, 1);
const workload = oneOf('workload', values.workload!, WORKLOADS);
oneOf('store', values.store!, ['lowdb', 'memory', 'reference'] as const);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
}

const dir = await mkdtemp(join(tmpdir(), 'littlepay-profile-'));
const sink = await startSink();
const reference = values.store === 'reference';
const storeArgs = values.store === 'memory' ? ['--memory'] : ['--data-dir', join(dir, 'data')];
const profiling = ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=250'];
const server = reference
  ? await startServer('bench/servers/journey.ts', ['0'], {}, undefined, undefined, profiling)
  : await startServer(SIMULATOR, ['--port', '0', ...storeArgs, ...SIM_FLAGS], {}, undefined, undefined, profiling);
try {
  const merchant = reference ? REFERENCE_MERCHANT : await sandboxMerchant(server.url);
  const pool = workload === 'status' || workload === 'mixed' ? await createPool(server.url, merchant, sink.url, 'pool') : [];
  const requests = (prefix: string) => simRequests(workload, { merchant, callbackUrl: sink.url, pool, keyPrefix: prefix });
  await load({ url: server.url, requests: requests('warm'), connections, durationS: 2 });
  const result = await load({ url: server.url, requests: requests('load'), connections, durationS: seconds });
  console.log(
    `${workload} on ${reference ? 'the journey reference' : `the simulator (${values.store})`}: ${result.rps.toFixed(0)} req/s, p99 ${result.p99Ms.toFixed(2)} ms`,
  );
} finally {
  // A graceful stop writes the profile (the whole run, warm-up and set-up included).
  await server.stop();
  await sink.close();
}

const file = (await readdir(dir)).find((f) => f.endsWith('.cpuprofile'));
if (!file) throw new Error(`no profile written in ${dir}`);
const profile = JSON.parse(await readFile(join(dir, file), 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const byFunction = new Map<string, number>();
const byFile = new Map<string, number>();
let busy = 0;
for (const id of profile.samples) {
  const frame = byId.get(id)!.callFrame;
  if (frame.functionName === '(idle)' || frame.functionName === '(program)') continue;
  busy++;
  const where = frame.url.replace(/^file:\/\//, '').replace(`${process.cwd()}/`, '') || '(native)';
  const name = `${frame.functionName || '(anonymous)'} ${where}:${frame.lineNumber + 1}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + 1);
  const area = where.includes('node_modules/') ? where.replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, '$1') : where;
  byFile.set(area, (byFile.get(area) ?? 0) + 1);
}
const top = (m: Map<string, number>) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, topCount)
    .map(([k, v]) => `${((100 * v) / busy).toFixed(1).padStart(5)} %  ${k}`)
    .join('\n');
console.log(`\n${busy} busy samples of ${profile.samples.length}\n\nby function (self time):\n${top(byFunction)}\n\nby file or package:\n${top(byFile)}`);
console.log(`\nprofile: ${join(dir, file)}`);
