// npm run drift -- --real-url URL [options]: the drift check, with an in-memory simulator unless --sim-url.
import { startSimulator } from '../simulator/src/library.js';
import { runDriftCommand } from './command.js';
import { DRIFT_SIMULATOR } from './simulator-settings.js';

const io = { out: (l: string) => console.log(l), err: (l: string) => console.error(l) };
process.exit(await runDriftCommand(process.argv.slice(2), process.env, io, { startSimulator: () => startSimulator(DRIFT_SIMULATOR) }));
