// Verifies consumer pacts against a running simulator (a local one, or the Docker image), with the
// provider states set up through its POST /_sim/provider-states. What an integrator's CI runs:
//   npm run pact:verify -- --base-url http://127.0.0.1:3000 path/to/consumer-littlepay-sim.json ...
// Exit status 1 when any interaction fails; the verifier's report names each mismatching field.
import { Verifier } from '@pact-foundation/pact';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { simulatorStateHandlers } from './pact-state-handlers.js';

const usage = 'usage: npm run pact:verify -- --base-url URL PACT_FILE...';
let parsed;
try {
  parsed = parseArgs({ options: { 'base-url': { type: 'string' }, provider: { type: 'string' } }, allowPositionals: true, strict: true });
} catch (err) {
  console.error(`${(err as Error).message}\n${usage}`);
  process.exit(2);
}
const baseUrl = parsed.values['base-url']?.replace(/\/+$/, '');
if (!baseUrl || parsed.positionals.length === 0) {
  console.error(usage);
  process.exit(2);
}
process.env.PACT_DO_NOT_TRACK ??= 'true';
const pactUrls = parsed.positionals.map((p) => resolve(p));
try {
  await new Verifier({
    provider: parsed.values.provider ?? 'littlepay-sim',
    providerBaseUrl: baseUrl,
    pactUrls,
    stateHandlers: simulatorStateHandlers(baseUrl, pactUrls),
    logLevel: 'warn',
  }).verifyProvider();
  console.log(`pact:verify: ${parsed.positionals.length} pact file(s) verified against ${baseUrl}`);
} catch (err) {
  console.error(`pact:verify: verification against ${baseUrl} failed (see the report above)`);
  if (!(err instanceof Error) || !err.message.startsWith('{')) console.error(err);
  process.exit(1);
}
