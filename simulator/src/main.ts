#!/usr/bin/env node
// Process entry of the littlepay-sim command and of `npm start` (simulator/src/cli.ts does the work).
import { runCli } from './cli.js';
import { colorWanted } from './config.js';

// `littlepay-sim merchants | head -3`: a reader that goes away ends the command quietly, as in any shell tool.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

const isTTY = Boolean(process.stdout.isTTY);
const result = await runCli(process.argv.slice(2), process.env, {
  stdout: process.stdout,
  stderr: process.stderr,
  isTTY,
  color: colorWanted(process.env, isTTY),
});
// A one-off command ends here; while serving, the signal handlers end the process.
if (result !== 'serving') process.exit(result);
