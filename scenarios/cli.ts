// npm run scenarios -- --base-url http://127.0.0.1:3000 [--journey NAME] [--admin-token TOKEN]
// Runs the journeys against any running simulator; exit status 1 when any fails.
import { runScenariosCommand } from './command.js';

process.exit(await runScenariosCommand(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => console.error(l) }));
