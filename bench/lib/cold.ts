// Cold start to the first 200: the simulator as `npm start` runs it, on a fresh data folder (which also
// makes its signing key), against bare fastify, in turns; and, for information, a restart with 100,000
// intents stored.
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { median, type ColdStart } from './report.js';
import { coldStart, SIMULATOR } from './servers.js';

export async function coldStarts(o: { runs: number; tmp: string; big: string | null; log: (line: string) => void }): Promise<ColdStart> {
  const cold: ColdStart = { bareMs: [], simulatorMs: [], restart100kMs: [] };
  let n = 0;
  const fresh = () => join(o.tmp, `cold-${n++}`);
  const bare = () => coldStart('bench/servers/bare.ts', (port) => [String(port)], '/');
  const sim = (dir: string) => coldStart(SIMULATOR, (port) => ['--port', String(port), '--data-dir', dir], '/_sim/health');
  // One start of each first, unmeasured: tsx compiles on a first start and caches what it compiled.
  await bare();
  await sim(fresh());
  for (let i = 0; i < o.runs; i++) {
    cold.bareMs.push(await bare());
    cold.simulatorMs.push(await sim(fresh()));
  }
  o.log(`cold start to the first 200 (median of ${o.runs}): bare fastify ${median(cold.bareMs).toFixed(0)} ms, simulator ${median(cold.simulatorMs).toFixed(0)} ms`);
  for (let i = 0; o.big && i < 3; i++) {
    const dir = fresh();
    await cp(o.big, dir, { recursive: true });
    cold.restart100kMs.push(await sim(dir));
  }
  if (o.big) o.log(`restart with 100,000 intents stored: ${median(cold.restart100kMs).toFixed(0)} ms`);
  return cold;
}
