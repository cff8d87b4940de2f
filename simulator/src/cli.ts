// The littlepay-sim command: start the simulator (no command), print the merchants, run the scenario
// journeys against a simulator, or compare the real sandbox with the simulator (drift). Returns the exit status, or 'serving' while the simulator runs.
import { existsSync, readdirSync } from 'node:fs';
import { ConfigError, helpText, parseCommandLine, type Command, type Config } from './config.js';
import { demoMerchants } from './domain/merchants.js';
import { Ids } from './domain/ids.js';
import { merchantView } from './domain/sim-views.js';
import { iso } from './runtime/clock.js';
import { createLowdbStore } from './store/lowdb-store.js';
import { printMerchantTable, serve, stopOnSignals, type CliIO } from './server.js';

export type { CliIO } from './server.js';

/** The merchants stored in the data folder, or, before a first start, the demo ones the seed will make. */
async function knownMerchants(config: Config) {
  const stored = !config.memory && existsSync(config.dataDir) && readdirSync(config.dataDir).length > 0;
  if (stored) {
    // Read-only: the simulator may be running on this folder, and only it writes there.
    const store = createLowdbStore(config.dataDir, { readOnly: true });
    await store.open();
    const merchants = [...store.all('merchants')].map(merchantView);
    await store.close();
    if (merchants.length > 0) return { merchants, from: `stored in ${config.dataDir}` };
  }
  const from = config.memory
    ? `with --memory, every start with seed "${config.seed}" creates these`
    : `none stored in ${config.dataDir} yet; a first start with seed "${config.seed}" creates these`;
  return { merchants: demoMerchants(new Ids(config.seed), iso(0)).map(merchantView), from };
}

async function merchantsCommand(config: Config, json: boolean, io: CliIO): Promise<number> {
  let found;
  try {
    found = await knownMerchants(config);
  } catch (err) {
    io.stderr.write(`littlepay-sim: cannot read the data folder ${config.dataDir}: ${(err as Error).message}\n`);
    return 1;
  }
  if (json) {
    io.stdout.write(`${JSON.stringify({ merchants: found.merchants }, null, 2)}\n`);
  } else {
    io.stdout.write(`Merchants (${found.from}):\n`);
    printMerchantTable(io, found.merchants);
  }
  return 0;
}

export async function runCli(argv: string[], env: NodeJS.ProcessEnv, io: CliIO): Promise<number | 'serving'> {
  let command: Command;
  try {
    command = parseCommandLine(argv, env);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    io.stderr.write(`littlepay-sim: ${err.message}\n`);
    return 2;
  }
  switch (command.name) {
    case 'help':
      io.stdout.write(`${helpText()}\n`);
      return 0;
    case 'merchants':
      return merchantsCommand(command.config, command.json, io);
    case 'scenarios': {
      const lines = { out: (l: string) => void io.stdout.write(`${l}\n`), err: (l: string) => void io.stderr.write(`${l}\n`) };
      // Loaded only for this command: the runner and the typed client are not on the server's start path.
      const { runScenariosCommand } = await import('../../scenarios/command.js');
      return runScenariosCommand(command.args, lines, 'littlepay-sim scenarios');
    }
    case 'drift': {
      const lines = { out: (l: string) => void io.stdout.write(`${l}\n`), err: (l: string) => void io.stderr.write(`${l}\n`) };
      // Loaded only for this command, like the scenarios.
      const [{ runDriftCommand }, { startSimulator }, { DRIFT_SIMULATOR }] = await Promise.all([
        import('../../drift/command.js'),
        import('./library.js'),
        import('../../drift/simulator-settings.js'),
      ]);
      return runDriftCommand(command.args, env, lines, { startSimulator: () => startSimulator(DRIFT_SIMULATOR) }, 'littlepay-sim drift');
    }
    case 'start': {
      const app = await serve(command.config, io);
      if (typeof app === 'number') return app;
      stopOnSignals(app, io);
      return 'serving';
    }
  }
}
