// The simulator with the in-memory store, holding `count` intents before it listens (a memory store
// cannot be filled from files):  sim-memory.ts <count> [simulator options]
import { buildApp } from '../../simulator/src/app.js';
import { loadConfig } from '../../simulator/src/config.js';
import { tuneHeapForServing } from '../../simulator/src/runtime/heap.js';
import { seedIntents } from '../lib/seed.js';

// As `littlepay-sim --memory` would (server.ts: serve).
tuneHeapForServing();
const [count = '0', ...options] = process.argv.slice(2);
const config = loadConfig([...options, '--memory'], {});
if (!config) throw new Error('no --help here');
const app = await buildApp({ config });
await seedIntents(app, Number(count));
await app.listen({ port: config.port, host: config.host });
console.log(`listening on ${app.sim.ctx.publicUrl()}`);
