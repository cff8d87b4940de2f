// Provider verification: the simulator, listening on 127.0.0.1 at a free port, replays every committed
// pact of contracts/pacts/ with the Pact Verifier. Provider states are set up the way an integrator's
// verifier does it, through POST /_sim/provider-states (scripts/pact-state-handlers.ts), never through the store.
// Every reply is also checked against the OpenAPI contract, so a drift names the field either way.
import { Verifier } from '@pact-foundation/pact';
import type { FastifyInstance } from 'fastify';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../simulator/src/app.js';
import { defaultConfig } from '../../simulator/src/config.js';
import type { ContractViolation } from '../../simulator/src/http/response-check.js';
import { simulatorStateHandlers } from '../../scripts/pact-state-handlers.js';
import { replyRecorder } from '../helpers/reply-log.js';
import { testKeys } from '../helpers/sim.js';

const PACTS_DIR = resolve('contracts/pacts');
// The HTTP pacts; the callback message pact is verified by messages.test.ts.
const pactFiles = readdirSync(PACTS_DIR)
  .filter((f) => f.endsWith('-littlepay-sim.json'))
  .map((f) => resolve(PACTS_DIR, f));

let app: FastifyInstance;
let baseUrl: string;
const violations: ContractViolation[] = [];

beforeAll(async () => {
  // The system clock with short delays: a long-polled payment answers within milliseconds.
  const config = defaultConfig({ host: '127.0.0.1', port: 0, publicUrl: 'http://127.0.0.1:0', pinDelayMs: 20, refundDelayMs: 20, longPollTimeoutMs: 5_000 });
  app = await buildApp({ config, keys: testKeys(), onContractViolation: (v) => violations.push(v), onReply: replyRecorder() });
  baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await app?.close();
});

/** The verifier's "Failures:" section (interaction, then the JSON path of each mismatch), not its whole report. */
function failureSummary(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  try {
    const report = JSON.parse(message) as { output?: string[] };
    const output = (report.output ?? []).join('\n').replace(/\u001b\[[0-9;]*m/g, '');
    return output.slice(output.indexOf('Failures:')).trim() || message;
  } catch {
    return message;
  }
}

/** The integrator example of the README, verified the same way (npm run pact:verify does it against a URL). */
const EXAMPLE_PACT = resolve('examples/pacts/my-shop-littlepay-sim.json');

describe('provider verification of the simulator', () => {
  it('finds the committed pacts', () => {
    expect(pactFiles.map((f) => f.split('/').at(-1))).toEqual(['littlepay-client-littlepay-sim.json', 'littlepay-sim-client-littlepay-sim.json']);
  });

  it.each([...pactFiles, EXAMPLE_PACT])(
    'honours %s',
    async (pactFile) => {
      const verifier = new Verifier({
        provider: 'littlepay-sim',
        providerBaseUrl: baseUrl,
        pactUrls: [pactFile],
        stateHandlers: simulatorStateHandlers(baseUrl, [pactFile]),
        logLevel: 'error',
        timeout: 30_000,
      });
      const failures = await verifier.verifyProvider().then(() => '', failureSummary);
      expect(failures, 'the simulator does not honour the pact').toBe('');
      expect(violations).toEqual([]);
    },
    60_000,
  );
});
