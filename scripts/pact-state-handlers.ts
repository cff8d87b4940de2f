// Pact state handlers that set each provider state up through the simulator's POST /_sim/provider-states.
// The verifier's providerStatesSetupUrl did this with a URL but is deprecated (the verifier warns); its
// replacement, stateHandlers, is keyed by state name, so one handler is made for every state the pact
// files name. What a handler answers (reference, token, credentials…) is what `fromProviderState` injects.
import type { AnyJson, JsonMap } from '@pact-foundation/pact/src/common/jsonTypes.js';
import { readFileSync } from 'node:fs';

interface PactFile {
  interactions?: { providerStates?: { name: string }[]; providerState?: string }[];
}

/** Every provider state name the pact files use. */
export function providerStateNames(pactFiles: string[]): string[] {
  const names = new Set<string>();
  for (const file of pactFiles) {
    const pact = JSON.parse(readFileSync(file, 'utf8')) as PactFile;
    for (const interaction of pact.interactions ?? []) {
      for (const state of interaction.providerStates ?? []) names.add(state.name);
      if (interaction.providerState) names.add(interaction.providerState);
    }
  }
  return [...names];
}

async function postState(baseUrl: string, body: object, adminToken?: string): Promise<JsonMap> {
  const res = await fetch(`${baseUrl}/_sim/provider-states`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(adminToken ? { authorization: `Bearer ${adminToken}` } : {}) },
    body: JSON.stringify(body),
  });
  const answer = (await res.json()) as JsonMap;
  if (!res.ok) throw new Error(`POST /_sim/provider-states answered ${res.status}: ${JSON.stringify(answer)}`);
  return answer;
}

/** stateHandlers for a Pact Verifier checking these pact files against the simulator at baseUrl. */
// Setup only (a plain function is the setup handler): the simulator's teardown changes nothing, each setup
// starting from a merchant of its own.
export function simulatorStateHandlers(baseUrl: string, pactFiles: string[], adminToken?: string): Record<string, (params?: AnyJson) => Promise<JsonMap>> {
  const handlers: Record<string, (params?: AnyJson) => Promise<JsonMap>> = {};
  for (const state of providerStateNames(pactFiles)) {
    handlers[state] = (params) => postState(baseUrl, { state, params: params ?? {}, action: 'setup' }, adminToken);
  }
  return handlers;
}
