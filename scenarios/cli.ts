// npm run scenarios -- --base-url http://127.0.0.1:3000 [--journey NAME] [--admin-token TOKEN]
// Runs the journeys against any running simulator; exit status 1 when any fails.
import { parseArgs } from 'node:util';
import { journeys, runJourneys } from './index.js';

const usage = 'usage: npm run scenarios -- --base-url URL [--journey NAME] [--admin-token TOKEN]';
let values;
try {
  ({ values } = parseArgs({ options: { 'base-url': { type: 'string' }, journey: { type: 'string' }, 'admin-token': { type: 'string' }, help: { type: 'boolean' } }, strict: true }));
} catch (err) {
  console.error(`${(err as Error).message}\n${usage}`);
  process.exit(2);
}
if (values.help) {
  console.log(`${usage}\n\njourneys:\n${journeys.map((j) => `  ${j.name.padEnd(38)} ${j.summary}`).join('\n')}`);
  process.exit(0);
}
const baseUrl = values['base-url'];
if (!baseUrl) {
  console.error(`--base-url is required\n${usage}`);
  process.exit(2);
}
const selected = values.journey ? journeys.filter((j) => j.name === values.journey) : journeys;
if (selected.length === 0) {
  console.error(`no journey named "${values.journey}"; --help lists them`);
  process.exit(2);
}
try {
  const adminToken = values['admin-token'];
  const results = await runJourneys(selected, { baseUrl: baseUrl.replace(/\/+$/, ''), log: (l) => console.log(l), ...(adminToken ? { adminToken } : {}) });
  const failed = results.filter((r) => !r.passed).length;
  console.log(`scenarios: ${results.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
} catch (err) {
  console.error(`cannot run the scenarios against ${baseUrl}: ${(err as Error).message}`);
  process.exit(1);
}
