// Pact consumer tests: the typed client (createLittlePayClient, createSimClient) drives every
// interaction of ./interactions.ts against the Pact mock server, which fails on any request the pact
// does not describe. The pacts are written to a fresh folder and compared with contracts/pacts/: a
// difference in the contract (not in the writer's versions) rewrites the committed file (review and commit
// it) and fails the test, so CI notices.
import { PactV4 } from '@pact-foundation/pact';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLittlePayClient, createSimClient } from '../../client/src/index.js';
import { callStep } from '../../scenarios/index.js';
import { PACT_CREDENTIALS } from '../../simulator/src/services/provider-states.js';
import { controlInteractions } from './control-interactions.js';
import { littlePayInteractions, simulatorInteractions, type PactInteraction } from './interactions.js';
import { freshConnectionFetch } from './fresh-fetch.js';
import { syncPactFile } from './pact-file.js';
import { requestOf, withExampleReference } from './request.js';

export const PACTS_DIR = 'contracts/pacts';
export const PACTS = [
  { consumer: 'littlepay-client', provider: 'littlepay-sim', interactions: littlePayInteractions },
  { consumer: 'littlepay-sim-client', provider: 'littlepay-sim', interactions: [...simulatorInteractions, ...controlInteractions] },
] as const;

const dir = mkdtempSync(join(tmpdir(), 'pacts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function define(pact: PactV4, i: PactInteraction) {
  const request = requestOf(i.step, i.credentials);
  return pact
    .addInteraction()
    .given(i.state)
    .uponReceiving(i.description)
    .withRequest(request.method, request.path as string, request.builder)
    .willRespondWith(i.status, (b) => {
      if (i.body !== undefined) b.jsonBody(i.body);
    });
}

for (const spec of PACTS) {
  describe(`consumer pact ${spec.consumer} → ${spec.provider}`, () => {
    const pact = new PactV4({ consumer: spec.consumer, provider: spec.provider, dir, logLevel: 'error' });
    for (const i of spec.interactions) {
      it(`${i.description} (given ${i.state})`, async () => {
        await define(pact, i).executeTest(async (mock) => {
          const client = createLittlePayClient({ baseUrl: mock.url, ...PACT_CREDENTIALS.sandbox, ...i.credentials, fetch: freshConnectionFetch });
          const sim = createSimClient({ baseUrl: mock.url, fetch: freshConnectionFetch });
          const { response } = await callStep(client, sim, withExampleReference(i.step));
          expect(response.status).toBe(i.status);
        });
      });
    }

    it('writes the same pact as the one committed in contracts/pacts', () => {
      const name = `${spec.consumer}-${spec.provider}.json`;
      const committedPath = join(PACTS_DIR, name);
      const current = syncPactFile(readFileSync(join(dir, name), 'utf8'), committedPath);
      expect(current, `${committedPath} was out of date and has been rewritten: review it (git diff) and commit it`).toBe(true);
    });
  });
}
