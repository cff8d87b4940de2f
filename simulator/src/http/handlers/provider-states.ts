// GET and POST /_sim/provider-states: Pact provider states, for our own verification and for
// integrators verifying their consumer pacts against the simulator (pact-verifier --state-change-url).
import type { components } from '../../../../client/src/generated/simulator.js';
import type { ProviderStates } from '../../services/provider-states.js';
import type { OperationHandler } from '../register-operations.js';

type S = components['schemas'];

export function providerStateHandlers(states: ProviderStates): Record<string, OperationHandler> {
  return {
    async listProviderStates() {
      const body: { states: S['ProviderStateInfo'][] } = {
        states: states.list().map((s) => ({ name: s.name, description: s.description, pattern: s.pattern.source })),
      };
      return { body };
    },

    async applyProviderState(req) {
      const { state, action } = req.body as S['ProviderStateRequest'];
      // Each setup makes a fresh merchant, so there is nothing to undo.
      if (action === 'teardown') return { body: {} };
      return { body: await states.setup(state) };
    },
  };
}
