// npm run bench:console [-- --stored 100000 --rounds 50]: only the console's row of the bench (also part of
// npm run bench): the payments list's first page and searches, server time, with that many intents stored.
import { parseArgs } from 'node:util';
import { commandLine, numberOption } from './lib/command-line.js';
import { consoleLine, consoleTargets, consoleTimings } from './lib/console.js';
import { targetLines } from './lib/report.js';

const { values } = commandLine(import.meta.url, (args) =>
  parseArgs({ args, options: { stored: { type: 'string', default: '100000' }, rounds: { type: 'string', default: '50' } } }),
);
const timings = await consoleTimings(numberOption('stored', values.stored!), numberOption('rounds', values.rounds!, 1));
const met = consoleTargets(timings);
console.log(`${consoleLine(timings)}\n${targetLines(met)}`);
process.exitCode = met.every((t) => t.met) ? 0 : 1;
