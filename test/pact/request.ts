// The HTTP request of a journey step, read from the contract (path, method, credentials), so the pact
// records what the typed client must send, and the consumer test proves it sends exactly that.
import { MatchersV3 as M, type PactV4 } from '@pact-foundation/pact';
import { CONTRACT_FILES } from '../../simulator/src/app.js';
import { ContractSet, type Operation } from '../../simulator/src/http/contract.js';
import { PACT_CREDENTIALS } from '../../simulator/src/services/provider-states.js';
import { EXAMPLE_REFERENCE, EXAMPLES, type CallStep } from './interactions.js';

const contracts = new ContractSet();
export const operations: Operation[] = CONTRACT_FILES.flatMap((f) => contracts.operations(f));

// The journey steps named after what they do rather than after their operation.
const byCall: Record<string, string> = { refund: 'refundPayment', clock: 'controlClock' };

/** The contract operation a step calls. */
export function operationOf(step: CallStep): Operation {
  const id = step.call === 'sim' ? step.op : (byCall[step.call] ?? step.call);
  const op = operations.find((o) => o.operationId === id);
  if (!op) throw new Error(`no operation ${id} in the contracts`);
  return op;
}

const creds = PACT_CREDENTIALS.sandbox;

/** pact-js does not export its builder types from the package root. */
type V4RequestBuilderFunc = NonNullable<Parameters<ReturnType<PactV4['addInteraction']>['withRequest']>[2]>;

export interface PactRequest {
  method: string;
  path: string | ReturnType<typeof M.fromProviderState>;
  builder: V4RequestBuilderFunc;
}

export function requestOf(step: CallStep, credentials: { apiKey?: string } = {}): PactRequest {
  const op = operationOf(step);
  const apiKey = credentials.apiKey ?? creds.apiKey;
  const params: Record<string, string> = {
    tokenId: creds.tokenId,
    reference: 'reference' in step && step.reference ? step.reference : '',
    key: 'key' in step ? step.key : '',
    name: 'name' in step && step.name ? step.name : '',
    merchantId: 'merchantId' in step && step.merchantId ? step.merchantId : '',
    id: 'id' in step && step.id ? step.id : '',
    // A saved card's token (deleteSavedCard), named by the step's id.
    token: 'id' in step && step.id ? step.id : '',
  };
  const template = op.path.replace(/\{(\w+)\}/g, (_m, p: string) => params[p] ?? '');
  const example = withExamples(template);
  const path = example !== template ? M.fromProviderState(template, example) : template;
  const body = requestBody(step);
  const builder: V4RequestBuilderFunc = (b) => {
    if (op.security.includes('basicAuth')) b.headers({ Authorization: `Basic ${Buffer.from(`${creds.clientId}:${creds.clientSecret}`).toString('base64')}` });
    if (op.security.includes('apiKeyAuth')) b.headers({ 'X-API-KEY': apiKey });
    if (step.call === 'processPayment' && step.longPoll !== undefined) b.query({ longPoll: String(step.longPoll) });
    if (step.call === 'sim' && step.op === 'listCallbacks' && step.reference)
      b.query({ reference: M.fromProviderState('${reference}', EXAMPLE_REFERENCE) as unknown as string });
    if (body !== undefined) b.jsonBody(body);
  };
  return { method: op.method, path, builder };
}

function requestBody(step: CallStep): unknown {
  switch (step.call) {
    case 'answerChallenge':
      return { answer: step.answer };
    case 'getPaymentStatus':
      return undefined;
    case 'sim':
      if (step.op === 'applyProviderState') return { state: step.body, action: 'setup' };
      // A receiver check of the simulator's own inbox, whose URL only the provider state knows.
      if (step.op === 'checkCallbackReceiver') return { ...(step.body as object), url: M.fromProviderState('${inboxUrl}', EXAMPLES.inboxUrl) };
      return step.body;
    default:
      return fromProviderState(step.body);
  }
}

/** A body whose `${name}` strings (a saved card's token) the verifier fills in from the provider state. */
function fromProviderState(value: unknown): unknown {
  if (typeof value === 'string') return /\$\{\w+\}/.test(value) ? M.fromProviderState(value, withExamples(value)) : value;
  if (Array.isArray(value)) return value.map(fromProviderState);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fromProviderState(v)]));
  return value;
}

/** A text with the examples in place of the provider state's values (`${reference}`, `${merchantId}`, ...). */
function withExamples(text: string): string {
  return text.replace(/\$\{(\w+)\}/g, (m, name: string) => (name === 'reference' ? EXAMPLE_REFERENCE : ((EXAMPLES as Record<string, string>)[name] ?? m)));
}

/** The step with the examples in place of the provider state's values, for the mock server. */
export function withExampleReference(step: CallStep): CallStep {
  return JSON.parse(withExamples(JSON.stringify(step))) as CallStep;
}
