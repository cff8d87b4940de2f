// npm run torture:soak [-- --minutes 10 --rate 25 --stored 20000]
// Not in CI (it takes ten minutes). Exit code 1 when RSS grew by 10 % or more after the first minute,
// or when any request failed.
import { parseArgs } from 'node:util';
import { commandLine, numberOption } from '../bench/lib/command-line.js';
import { RSS_WINDOW_MINUTES as W, runSoak } from './lib/soak.js';

const { values } = commandLine(import.meta.url, (args) =>
  parseArgs({
    args,
    options: { minutes: { type: 'string', default: '10' }, rate: { type: 'string', default: '25' }, stored: { type: 'string', default: '20000' } },
  }),
);
const o = {
  minutes: numberOption('minutes', values.minutes!, 1),
  rate: numberOption('rate', values.rate!, 1),
  stored: numberOption('stored', values.stored!),
};
console.log(`soak test: the mixed workload at ${o.rate} requests/s for ${o.minutes} minutes, ${o.stored} intents stored before`);
const report = await runSoak({ ...o, log: (line) => console.log(line) });
console.log('\n| minute | requests | not 2xx | p99 ms | RSS MB (median of the minute) |\n|--:|--:|--:|--:|--:|');
for (const m of report.minutes) console.log(`| ${m.minute} | ${m.requests} | ${m.non2xx} | ${m.p99Ms.toFixed(2)} | ${m.rssMB.toFixed(1)} |`);
const failed = report.minutes.reduce((n, m) => n + m.non2xx, 0) + report.errors;
console.log(
  `\nRSS growth after the first minute: ${(report.rssGrowth * 100).toFixed(1)} % (highest minute of the last ${W} against the highest of minutes 2 to ${W + 1}; must be under 10 %; every intent and callback stays in memory, so part of it is the data); failed requests ${failed} (must be 0)`,
);
process.exitCode = report.rssGrowth < 0.1 && failed === 0 ? 0 : 1;
