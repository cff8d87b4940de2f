// Steps that call the simulator's own /_sim API (and the pages' JSON), so a journey can cover every
// operation of contracts/simulator.openapi.yaml with the typed sim client.
import type { SimClient, SimSchemas } from '../client/src/index.js';

export type SimOperation =
  | 'getHealth'
  | 'listMerchants'
  | 'createMerchant'
  | 'listScenarios'
  | 'getCallbackPublicKey'
  | 'listCallbacks'
  | 'receiveInboxCallback'
  | 'listInbox'
  | 'getCheckoutState'
  | 'listProviderStates'
  | 'applyProviderState';

export interface SimStepArgs {
  op: SimOperation;
  /** The intent (getCheckoutState, listCallbacks). */
  reference?: string;
  /** The inbox name (receiveInboxCallback, listInbox). */
  name?: string;
  /** The JSON body (createMerchant, receiveInboxCallback) or, for applyProviderState, the state name. */
  body?: unknown;
  /** Extra request headers (receiveInboxCallback: a callback's signature headers). */
  headers?: Record<string, string>;
}

export function callSim(sim: SimClient, step: SimStepArgs) {
  switch (step.op) {
    case 'getHealth':
      return sim.health();
    case 'listMerchants':
      return sim.listMerchants();
    case 'createMerchant':
      return sim.createMerchant(step.body as SimSchemas['CreateMerchantRequest']);
    case 'listScenarios':
      return sim.listScenarios();
    case 'getCallbackPublicKey':
      return sim.callbackPublicKey();
    case 'listCallbacks':
      return sim.listCallbacks(step.reference ? { reference: step.reference } : {});
    case 'receiveInboxCallback':
      return sim.postInbox(step.name ?? '', step.body, step.headers ?? {});
    case 'listInbox':
      return sim.inbox(step.name ?? '');
    case 'getCheckoutState':
      return sim.checkoutState(step.reference ?? '');
    case 'listProviderStates':
      return sim.listProviderStates();
    case 'applyProviderState':
      return sim.providerState(String(step.body));
  }
}
