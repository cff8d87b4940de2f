// Cold start to the first 200, against bare fastify, in turns: the simulator as `npm start` runs it on
// its data folder (the start of every day but the first: the target), and, for information, its first
// start on a fresh folder (which makes the demo merchants and the signing key), a start with --memory
// (a fresh key each time) and a restart with 100,000 intents stored.
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { median, type ColdStart } from './report.js';
import { coldStart, SIMULATOR } from './servers.js';

export async function coldStarts(o: { runs: number; tmp: string; big: string | null; log: (line: string) => void }): Promise<ColdStart> {
  const cold: ColdStart = { bareMs: [], simulatorMs: [], firstStartMs: [], memoryMs: [], restart100kMs: [] };
  let n = 0;
  const fresh = () => join(o.tmp, `cold-${n++}`);
  const home = fresh();
  const bare = () => coldStart('bench/servers/bare.ts', (port) => [String(port)], '/');
  const sim = (args: string[]) => coldStart(SIMULATOR, (port) => ['--port', String(port), ...args], '/_sim/health');
  // One start of each first, unmeasured: tsx compiles on a first start and caches what it compiled.
  // It is also the first start of `home`, the data folder of the measured restarts.
  await bare();
  await sim(['--data-dir', home]);
  for (let i = 0; i < o.runs; i++) {
    cold.bareMs.push(await bare());
    cold.simulatorMs.push(await sim(['--data-dir', home]));
    cold.firstStartMs.push(await sim(['--data-dir', fresh()]));
    cold.memoryMs.push(await sim(['--memory']));
  }
  o.log(
    `cold start to the first 200 (medians of ${o.runs}): bare fastify ${median(cold.bareMs).toFixed(0)} ms, simulator ${median(cold.simulatorMs).toFixed(0)} ms, first start ${median(cold.firstStartMs).toFixed(0)} ms, --memory ${median(cold.memoryMs).toFixed(0)} ms`,
  );
  for (let i = 0; o.big && i < 3; i++) {
    const dir = fresh();
    await cp(o.big, dir, { recursive: true });
    cold.restart100kMs.push(await sim(['--data-dir', dir]));
  }
  if (o.big) o.log(`restart with 100,000 intents stored: ${median(cold.restart100kMs).toFixed(0)} ms`);
  return cold;
}
