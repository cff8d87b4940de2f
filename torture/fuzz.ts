// npm run torture:fuzz [-- --short] [--count 12000] [--seed N]
// Exit code 1 when any request got a 5xx, no answer, a 4xx without data.message, or the process died.
import { parseArgs } from 'node:util';
import { commandLine, numberOption } from '../bench/lib/command-line.js';
import { runFuzz } from './lib/fuzz.js';

const { values } = commandLine(import.meta.url, (args) =>
  parseArgs({ args, options: { short: { type: 'boolean' }, count: { type: 'string' }, seed: { type: 'string' } } }),
);
const seed = numberOption('seed', values.seed ?? String(Date.now() % 1_000_000));
const count = numberOption('count', values.count ?? (values.short ? '1500' : '12000'), 1);
console.log(`fuzz test: ${count} requests, seed ${seed} (repeat with --seed ${seed})`);
const report = await runFuzz({ count, seed, concurrency: 16, log: (line) => console.log(line) });
for (const f of report.failures) console.log(`  ${f.status} ${f.method} ${f.path} (${f.how}): ${f.answer}`);
console.log(`\n5xx answers ${report.fiveXX}, requests left unanswered ${report.noAnswer}, simulator alive after ${report.aliveAfter} (must be 0, 0, true)`);
console.log(`4xx answers without data.message ${report.fourXXWithoutMessage} (must be 0)`);
process.exitCode = report.fiveXX === 0 && report.noAnswer === 0 && report.fourXXWithoutMessage === 0 && report.aliveAfter && report.sent >= count ? 0 : 1;
