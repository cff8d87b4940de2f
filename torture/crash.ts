// npm run torture:crash [-- --short] [--kills 10] [--seed N]
// Kills the persisted simulator with SIGKILL under load, restarts it, and checks that nothing answered is
// lost: not a first answer, a same-key retry's or a status read's. Exit code 1 when anything was lost, a store file did not parse, or a reference was reused.
import { parseArgs } from 'node:util';
import { commandLine, numberOption } from '../bench/lib/command-line.js';
import { runCrashTest } from './lib/crash.js';

const { values } = commandLine(import.meta.url, (args) =>
  parseArgs({ args, options: { short: { type: 'boolean' }, kills: { type: 'string' }, seed: { type: 'string' }, workers: { type: 'string' } } }),
);
const short = values.short === true;
const seed = numberOption('seed', values.seed ?? String(Date.now() % 1_000_000));
console.log(`crash test, seed ${seed} (repeat with --seed ${seed})`);
const report = await runCrashTest({
  kills: numberOption('kills', values.kills ?? (short ? '3' : '10'), 1),
  workers: numberOption('workers', values.workers ?? '8', 1),
  killAfterMs: short ? [150, 600] : [300, 2500],
  seed,
  log: (line) => console.log(line),
});
console.log(`\nanswered ${report.answered}, found ${report.found}, lost ${report.lost} (must be 0)`);
console.log(`payments answered ${report.answeredPayments}; intents missing an answered attempt ${report.missingAttempts} (must be 0)`);
console.log(
  `intents known only from a same-key retry or a status read ${report.answeredByRetryOrRead}; attempts first seen by a status read ${report.attemptsSeenByReads}; retries answered with another reference ${report.conflictingAnswers} (must be 0)`,
);
console.log(
  `references handed out twice ${report.duplicateReferences} (must be 0); store files that did not parse ${report.unparsableFiles.length} (must be 0)${report.unparsableFiles.length ? `: ${report.unparsableFiles.join(', ')}` : ''}`,
);
const ok =
  report.lost === 0 &&
  report.missingAttempts === 0 &&
  report.conflictingAnswers === 0 &&
  report.duplicateReferences === 0 &&
  report.unparsableFiles.length === 0 &&
  report.answered > 0;
process.exitCode = ok ? 0 : 1;
