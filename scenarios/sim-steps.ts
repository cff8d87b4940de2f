// Steps that call the simulator's own /_sim API (and the pages' JSON), so a journey can cover every
// operation of contracts/simulator.openapi.yaml with the typed sim client.
import type { ResolveOutcome, Schemas, SimClient, SimSchemas } from '../client/src/index.js';

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
  | 'applyProviderState'
  | 'listMerchantCallbacks'
  | 'replayCallback'
  | 'getCallbackSettings'
  | 'updateCallbackSettings'
  | 'checkCallbackReceiver'
  | 'getCallbackCheck'
  | 'resetAll'
  | 'resetMerchant'
  | 'listMerchantIntents'
  | 'listSavedCards'
  | 'getClock'
  | 'controlClock'
  | 'listOutcomes'
  | 'queueOutcomes'
  | 'clearOutcomes'
  | 'getAvsSetting'
  | 'updateAvsSetting'
  | 'listFaults'
  | 'addFault'
  | 'clearFaults'
  | 'listRequests'
  | 'getInspectorCallbacks'
  | 'resolveAttempt'
  | 'refundIntent'
  | 'expireIntent'
  | 'rotateMerchantKey'
  | 'deleteSavedCard';

export interface SimStepArgs {
  op: SimOperation;
  /** The intent (getCheckoutState, listCallbacks, listMerchantCallbacks). */
  reference?: string;
  /** The inbox name (receiveInboxCallback, listInbox). */
  name?: string;
  /** The merchant of the per-merchant operations; the run's own merchant when left out. */
  merchantId?: string;
  /** The callback to replay (replayCallback), or the saved card to forget (deleteSavedCard). */
  id?: string;
  /** The JSON body (createMerchant, receiveInboxCallback, the control operations) or, for applyProviderState, the state name. */
  body?: unknown;
  /** Extra request headers (receiveInboxCallback: a callback's signature headers). */
  headers?: Record<string, string>;
}

/** `runMerchant` is the journey's own merchant, acted on when the step names none. */
export function callSim(sim: SimClient, step: SimStepArgs, runMerchant = '') {
  const m = step.merchantId ?? runMerchant;
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
    default:
      return callControl(sim, step, m);
  }
}

/** The per-merchant operations: callbacks, settings, the receiver check, resets, clock, outcomes, AVS, faults, journal, the callback panel, and the console's buttons. */
function callControl(sim: SimClient, step: SimStepArgs, m: string) {
  switch (step.op) {
    case 'listMerchantCallbacks':
      return sim.merchantCallbacks(m, step.reference ? { reference: step.reference } : {});
    case 'replayCallback':
      return sim.replayCallback(step.id ?? '');
    case 'getCallbackSettings':
      return sim.callbackSettings(m);
    case 'updateCallbackSettings':
      return sim.updateCallbackSettings(m, step.body as SimSchemas['CallbackSettingsUpdate']);
    case 'checkCallbackReceiver':
      return sim.checkCallbackReceiver(m, step.body as SimSchemas['CallbackCheckRequest']);
    case 'getCallbackCheck':
      return sim.lastCallbackCheck(m);
    case 'resetAll':
      return sim.resetAll();
    case 'resetMerchant':
      return sim.resetMerchant(m);
    case 'listMerchantIntents':
      return sim.listIntents(m);
    case 'listSavedCards':
      return sim.listSavedCards(m);
    case 'getClock':
      return sim.clock(m);
    case 'controlClock':
      return sim.controlClock(m, step.body as SimSchemas['ClockAction']);
    case 'listOutcomes':
      return sim.outcomes(m);
    case 'queueOutcomes':
      return sim.queueOutcomes(m, step.body as SimSchemas['QueueOutcomesRequest']);
    case 'clearOutcomes':
      return sim.clearOutcomes(m);
    case 'getAvsSetting':
      return sim.avsSetting(m);
    case 'updateAvsSetting':
      return sim.updateAvsSetting(m, step.body as SimSchemas['AvsSettingUpdate']);
    case 'listFaults':
      return sim.faults(m);
    case 'addFault':
      return sim.addFault(m, step.body as SimSchemas['FaultRequest']);
    case 'clearFaults':
      return sim.clearFaults(m);
    case 'listRequests':
      return sim.requests(m);
    case 'getInspectorCallbacks':
      return sim.inspectorCallbacks(m);
    case 'resolveAttempt':
      return sim.resolveAttempt(step.reference ?? '', (step.body as { outcome: ResolveOutcome }).outcome);
    case 'refundIntent':
      return sim.refundIntent(step.reference ?? '', step.body as Schemas['RefundRequest']);
    case 'expireIntent':
      return sim.expireIntent(step.reference ?? '');
    case 'rotateMerchantKey':
      return sim.rotateKey(m);
    case 'deleteSavedCard':
      return sim.deleteSavedCard(m, step.id ?? '');
    default:
      throw new Error(`no sim operation ${step.op}`);
  }
}
