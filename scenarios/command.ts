// The scenario runner's command line, shared by `npm run scenarios -- ...` and `littlepay-sim scenarios ...`:
// --base-url URL [--journey NAME] [--admin-token TOKEN]. Returns the exit status: 0 when every journey passed, 1 when one failed
// or the simulator could not be reached, 2 for a bad command line.
import { parseArgs } from 'node:util';
import { journeys, runJourneys } from './index.js';

export interface ScenariosIO {
  out(line: string): void;
  err(line: string): void;
}

export async function runScenariosCommand(argv: string[], io: ScenariosIO, command = 'npm run scenarios --'): Promise<number> {
  const usage = `usage: ${command} --base-url URL [--journey NAME | --all] [--admin-token TOKEN]`;
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        'base-url': { type: 'string' },
        journey: { type: 'string' },
        all: { type: 'boolean' },
        'admin-token': { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (err) {
    io.err(`${(err as Error).message}\n${usage}`);
    return 2;
  }
  if (values.help) {
    io.out(`${usage}\n\njourneys:\n${journeys.map((j) => `  ${j.name.padEnd(38)} ${j.summary}`).join('\n')}`);
    return 0;
  }
  const baseUrl = values['base-url'];
  if (!baseUrl) {
    io.err(`--base-url is required\n${usage}`);
    return 2;
  }
  // A default run is safe on a simulator others use: journeys that reset everything run only when named or with --all.
  const selected = values.journey ? journeys.filter((j) => j.name === values.journey) : journeys.filter((j) => values.all || !j.resetsEverything);
  if (selected.length === 0) {
    io.err(`no journey named "${values.journey}"; --help lists them`);
    return 2;
  }
  try {
    const adminToken = values['admin-token'];
    const results = await runJourneys(selected, { baseUrl: baseUrl.replace(/\/+$/, ''), log: io.out, ...(adminToken ? { adminToken } : {}) });
    const failed = results.filter((r) => !r.passed).length;
    io.out(`scenarios: ${results.length - failed} passed, ${failed} failed`);
    return failed ? 1 : 0;
  } catch (err) {
    io.err(`cannot run the scenarios against ${baseUrl}: ${(err as Error).message}`);
    return 1;
  }
}
