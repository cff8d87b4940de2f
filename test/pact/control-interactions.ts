// The consumer's expectations of the per-merchant /_sim operations (callback log, replay, delivery
// settings, receiver check, resets, clock, outcomes, faults, journal, inspector), as the scenario runner
// and integrators' test suites call them. Every path names the provider state's merchant.
import { MatchersV3 as M } from '@pact-foundation/pact';
import { EXAMPLE_REFERENCE, EXAMPLES, type PactInteraction } from './interactions.js';

const MERCHANT = '${merchantId}';
const merchantId = () => M.fromProviderState(MERCHANT, EXAMPLES.merchantId);
const ref = () => M.fromProviderState('${reference}', EXAMPLE_REFERENCE);
const date = () => M.regex('^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$', '2026-01-01T00:00:00.000Z');
const text = (example: string) => M.string(example);

const sandbox = 'a sandbox merchant';
const pending = 'a sandbox merchant with a pending intent with key ORDER123';
const completed = 'a sandbox merchant with a completed MPESA payment with key ORDER123';
const checked = 'a sandbox merchant whose callback receiver was checked';

const sim = (op: string, extra: Record<string, unknown> = {}, status = 200) =>
  ({ call: 'sim', op, merchantId: MERCHANT, ...extra, expect: { status } }) as PactInteraction['step'];

const callback = (extra: Record<string, unknown>) => ({
  id: text('cb_5e0c2b7d91a4f3c86e12'),
  kind: 'payment',
  merchantId: merchantId(),
  reference: ref(),
  url: text(EXAMPLES.inboxUrl),
  state: text('pending'),
  body: { status: 'COMPLETED', key: 'ORDER123' },
  createdAt: date(),
  deliveries: M.atLeastLike({ at: date(), ok: M.boolean(true) }, 0),
  ...extra,
});
const check = {
  id: text('chk_1'),
  merchantId: merchantId(),
  url: M.fromProviderState('${inboxUrl}', EXAMPLES.inboxUrl),
  checkedAt: date(),
  timeoutMs: M.integer(5000),
  // The inbox accepts everything, forgeries included.
  safe: false,
  summary: text('Unsafe: the receiver accepted a forged callback'),
  cases: M.eachLike({
    name: text('tampered_body'),
    description: text('A body changed after signing.'),
    expected: text('reject'),
    ok: M.boolean(true),
    passed: M.boolean(false),
    explanation: text('why'),
  }),
};
const clock = (frozen: boolean) => ({ merchantId: merchantId(), now: date(), frozen, leadMs: M.number(0), pendingTimers: M.integer(0) });
const queues = (q: Record<string, string[]>) => ({ merchantId: merchantId(), queues: q });
const noFaults = { merchantId: merchantId(), faults: [] };

export const controlInteractions: PactInteraction[] = [
  {
    description: "a merchant's callbacks",
    state: completed,
    step: sim('listMerchantCallbacks'),
    status: 200,
    body: { callbacks: M.eachLike(callback({ origin: 'event' })) },
  },
  {
    description: 'a replay of a callback',
    state: completed,
    step: sim('replayCallback', { id: '${callbackId}' }, 202),
    status: 202,
    body: callback({ origin: 'replay', originalId: M.fromProviderState('${callbackId}', EXAMPLES.callbackId), state: 'pending' }),
  },
  {
    description: "a merchant's callback settings",
    state: sandbox,
    step: sim('getCallbackSettings'),
    status: 200,
    body: { duplicates: false, reorder: false, reorderHoldMs: M.integer(10000) },
  },
  {
    description: 'a request to send every callback twice',
    state: sandbox,
    step: sim('updateCallbackSettings', { body: { duplicates: true } }),
    status: 200,
    body: { duplicates: true, reorder: false, reorderHoldMs: M.integer(10000) },
  },
  {
    description: "a receiver check of the simulator's own inbox",
    state: sandbox,
    step: sim('checkCallbackReceiver', { body: { url: '${inboxUrl}', key: 'TESTORDER1' } }),
    status: 200,
    body: check,
  },
  {
    description: "a merchant's last receiver check",
    state: checked,
    step: sim('getCallbackCheck'),
    status: 200,
    body: check,
  },
  {
    description: "a reset of one merchant's data",
    state: completed,
    step: sim('resetMerchant'),
    status: 200,
    body: { merchantId: merchantId(), removed: { intents: 1, callbacks: M.integer(1), tokens: 0, requests: M.integer(0) } },
  },
  {
    description: "a merchant's intents",
    state: pending,
    step: sim('listMerchantIntents'),
    status: 200,
    body: {
      merchantId: merchantId(),
      intents: [{ reference: ref(), key: 'ORDER123', amount: 1500, currency: 'KES', status: 'PENDING', expired: false, attempts: [], refunds: [] }],
    },
  },
  {
    description: "a merchant's saved cards",
    state: 'a sandbox merchant with a card saved by the payment with key ORDER123',
    step: sim('listSavedCards'),
    status: 200,
    body: {
      merchantId: merchantId(),
      tokens: [
        {
          id: M.fromProviderState('${token}', EXAMPLES.token),
          merchantId: merchantId(),
          environment: 'sandbox',
          card: { brand: 'visa', first6: '400000', last4: '2701', expiry: '01/39' },
          cardOutcome: 'success',
          reference: ref(),
          createdAt: date(),
        },
      ],
    },
  },
  { description: "a merchant's test clock", state: sandbox, step: sim('getClock'), status: 200, body: clock(false) },
  {
    description: "a request to freeze a merchant's test clock",
    state: sandbox,
    step: sim('controlClock', { body: { action: 'freeze' } }),
    status: 200,
    body: clock(true),
  },
  { description: "a merchant's queued outcomes", state: sandbox, step: sim('listOutcomes'), status: 200, body: queues({}) },
  {
    description: 'a request to queue two outcomes',
    state: sandbox,
    step: sim('queueOutcomes', { body: { outcomes: ['insufficient_funds', 'success'] } }),
    status: 200,
    body: queues({ any: ['insufficient_funds', 'success'] }),
  },
  {
    description: 'a request to queue a refund outcome',
    state: sandbox,
    step: sim('queueOutcomes', { body: { provider: 'REFUNDS', outcomes: ['refund_failed_later'] } }),
    status: 200,
    body: queues({ REFUNDS: ['refund_failed_later'] }),
  },
  {
    description: "a merchant's address-verification rule",
    state: sandbox,
    step: sim('getAvsSetting'),
    status: 200,
    body: { merchantId: merchantId(), rule: 'no_address' },
  },
  {
    description: 'a request to decline card payments without a complete billing address',
    state: sandbox,
    step: sim('updateAvsSetting', { body: { rule: 'complete_address' } }),
    status: 200,
    body: { merchantId: merchantId(), rule: 'complete_address' },
  },
  { description: "a request to clear a merchant's queued outcomes", state: sandbox, step: sim('clearOutcomes'), status: 200, body: queues({}) },
  { description: "a merchant's faults", state: sandbox, step: sim('listFaults'), status: 200, body: noFaults },
  {
    description: 'a request to fail the next two intent creations with a 503',
    state: sandbox,
    step: sim('addFault', { body: { type: 'error', operation: 'createIntent', status: 503, count: 2 } }, 201),
    status: 201,
    body: { id: text('flt_1'), type: 'error', operation: 'createIntent', remaining: 2, status: 503, createdAt: date() },
  },
  { description: "a request to clear a merchant's faults", state: sandbox, step: sim('clearFaults'), status: 200, body: noFaults },
  {
    description: "a merchant's request journal",
    state: sandbox,
    step: sim('listRequests'),
    status: 200,
    body: { merchantId: merchantId(), limit: M.integer(200), dropped: 0, requests: [] },
  },
  {
    description: 'a request to answer a waiting 3-D Secure challenge as rejected',
    state: 'a sandbox merchant with an intent with key ORDER123 awaiting a 3-D Secure challenge',
    step: sim('resolveAttempt', { reference: '${reference}', body: { outcome: 'challenge_rejected' } }),
    status: 200,
    body: { reference: ref(), key: 'ORDER123', amount: 1500, currency: 'KES' },
  },
  {
    description: "a request to refund part of a payment on its merchant's behalf",
    state: completed,
    step: sim('refundIntent', { reference: '${reference}', body: { amount: 500, reason: 'Returned item' } }, 201),
    status: 201,
    body: { id: text('rf_0123456789abcdef'), amount: 500, status: 'PENDING', reason: 'Returned item', createdAt: date() },
  },
  {
    description: 'a request to expire an unpaid intent now',
    state: pending,
    step: sim('expireIntent', { reference: '${reference}' }),
    status: 200,
    body: { reference: ref(), key: 'ORDER123', status: 'FAILED', expired: true },
  },
  {
    description: "a request to rotate a merchant's keys",
    state: sandbox,
    step: sim('rotateMerchantKey'),
    status: 200,
    body: {
      id: merchantId(),
      clientSecret: M.regex('^[A-Za-z0-9+/]{22}==$', 'bmV3LXNlY3JldC1rZXkxMg=='),
      apiKey: M.regex('^sk_sandbox_[0-9a-f]{40}$', `sk_sandbox_${'0'.repeat(40)}`),
    },
  },
  {
    description: 'a request to forget a saved card',
    state: 'a sandbox merchant with a card saved by the payment with key ORDER123',
    step: sim('deleteSavedCard', { id: '${token}' }),
    status: 200,
    body: { id: M.fromProviderState('${token}', EXAMPLES.token), merchantId: merchantId(), card: { brand: 'visa', last4: '2701' } },
  },
  { description: "the inspector's callback panel of a merchant", state: completed, step: sim('getInspectorCallbacks'), status: 200 },
  {
    description: 'a reset of the whole simulator',
    state: sandbox,
    step: sim('resetAll'),
    status: 200,
    body: { merchants: M.eachLike({ id: text('mer_1c9a0e3b5d7f'), environment: text('sandbox'), clientId: text('1f2e3d4c5b6a7980') }) },
  },
];
