// Writes a persisted store with `count` intents into a data folder, then exits:
//   seed-store.ts <data-dir> <count>
import { buildApp } from '../../simulator/src/app.js';
import { defaultConfig } from '../../simulator/src/config.js';
import { seedIntents } from '../lib/seed.js';

const [dataDir, count = '0'] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: seed-store.ts <data-dir> <count>');
const app = await buildApp({ config: defaultConfig({ memory: false, dataDir, logLevel: 'warn' }) });
await seedIntents(app, Number(count));
await app.close();
