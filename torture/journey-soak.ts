// npm run torture:journey-soak [-- --short] [-- --rate 30 --stored 20000]
// Not in CI (about 13 minutes; --short about 2.5). Journeys at a steady rate while the callback receiver
// is up, slow, down, then up again: prints each window's p99, RSS and pending callbacks. Exit code 1 when
// a request failed, when the outbox did not drain, or when RSS grew by 10 % or more after the drain.
import { parseArgs } from 'node:util';
import { commandLine, numberOption } from '../bench/lib/command-line.js';
import { runJourneySoak, type Phase } from './lib/journey-soak.js';

const { values } = commandLine(import.meta.url, (args) =>
  parseArgs({
    args,
    options: { short: { type: 'boolean', default: false }, rate: { type: 'string', default: '30' }, stored: { type: 'string', default: '20000' } },
  }),
);
const short = values.short!;
// Minutes (10 s windows when short): the receiver up, slow, down, then up long enough to drain and settle.
const phases: Phase[] = [
  { mode: 'up', windows: 3 },
  { mode: 'slow', windows: 2 },
  { mode: 'down', windows: 2 },
  { mode: 'up', windows: short ? 7 : 6 },
];
const o = {
  windowS: short ? 10 : 60,
  phases,
  rate: numberOption('rate', values.rate!, 1),
  stored: short ? Math.min(numberOption('stored', values.stored!), 2_000) : numberOption('stored', values.stored!),
  slowMs: 2_000,
  // Retries close enough together that callbacks failed during the outage are all due again soon after it.
  retries: short ? '2s,4s,8s,16s,32s' : '5s,15s,30s,60s,120s,240s',
};
const unit = short ? '10 s window' : 'minute';
console.log(
  `journey soak: journeys at ${o.rate} requests/s, ${o.stored} intents stored before; receiver ${phases.map((p) => `${p.mode} ${p.windows}`).join(', ')} (${unit}s); retries ${o.retries}`,
);
const report = await runJourneySoak({ ...o, log: (line) => console.log(line) });
console.log(
  `\n| ${unit} | receiver | requests | not 2xx | p99 ms | RSS MB (median) | callbacks pending at its end | received |\n|--:|---|--:|--:|--:|--:|--:|--:|`,
);
for (const w of report.windows)
  console.log(`| ${w.window} | ${w.mode} | ${w.requests} | ${w.non2xx} | ${w.p99Ms.toFixed(2)} | ${w.rssMB.toFixed(1)} | ${w.pending} | ${w.received} |`);
const v = report.verdict;
const failed = report.windows.reduce((n, w) => n + w.non2xx, 0) + report.errors;
const flat = v.growthAfterDrain < 0.1;
console.log(
  `\nOutbox drained: ${v.drainedAt === null ? 'no' : `at the end of ${unit} ${v.drainedAt}`} (pending at the end: ${report.pendingAtEnd}, must be 0). ` +
    `RSS top before the outage ${v.topBeforeMB.toFixed(1)} MB, during it ${v.topDuringMB.toFixed(1)} MB; growth after the drain ${(v.growthAfterDrain * 100).toFixed(1)} % (last two ${unit}s against the first two after the drain; must be under 10 %). ` +
    `Failed requests ${failed} (must be 0).`,
);
process.exitCode = failed === 0 && report.pendingAtEnd === 0 && flat ? 0 : 1;
