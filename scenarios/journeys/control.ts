// Journeys that drive the simulator through /_sim, as a test suite does: outcomes forced without changing
// the request, and time moved on the merchant's own clock instead of waited for.
import type { Journey } from '../journey.js';

const intent = (key: string) => ({ amount: 500, currency: 'KES', description: `Order ${key}`, callbackUrl: '${inbox}', key });
const pay = { type: 'MPESA' as const, payment: { mobile: '254712345678' } };
const pinDelay = { call: 'clock' as const, body: { action: 'advance' as const, by: '3s' }, expect: { status: 200 } };

export const controlJourneys: Journey[] = [
  {
    name: 'queued-fail-fail-succeed',
    summary: 'Two queued insufficient_funds then success: three attempts from one ordinary number fail, fail and complete',
    environment: 'sandbox',
    steps: [
      { call: 'clock', body: { action: 'freeze' }, expect: { status: 200, body: { frozen: true } } },
      {
        call: 'queueOutcomes',
        body: { outcomes: ['insufficient_funds', 'insufficient_funds', 'success'] },
        expect: { status: 200, body: { queues: { any: ['insufficient_funds', 'insufficient_funds', 'success'] } } },
      },
      { call: 'createIntent', body: intent('Q${run}'), expect: { status: 200 }, save: { ref: 'data.reference' } },
      { call: 'processPayment', reference: '${ref}', body: pay, expect: { status: 200, body: { data: { status: 'PENDING' } } } },
      pinDelay,
      { call: 'processPayment', reference: '${ref}', body: pay, expect: { status: 200, body: { data: { status: 'PENDING' } } } },
      pinDelay,
      { call: 'processPayment', reference: '${ref}', body: pay, expect: { status: 200, body: { data: { status: 'PENDING' } } } },
      pinDelay,
      {
        call: 'getPaymentStatus',
        key: 'Q${run}',
        expect: { status: 200, body: { data: { status: 'COMPLETED', attempts: [{ status: 'FAILED' }, { status: 'FAILED' }, { status: 'COMPLETED' }] } } },
      },
      { call: 'awaitCallback', count: 3, expect: { body: { signatureValid: true, body: { status: 'COMPLETED', key: 'Q${run}' } } } },
    ],
  },
  {
    name: 'intent-expired-by-clock',
    summary: "Advancing the merchant's clock 31 minutes expires an unpaid intent at once: FAILED with expired, and paying it is a 409",
    environment: 'sandbox',
    steps: [
      { call: 'createIntent', body: intent('E${run}'), expect: { status: 200 }, save: { ref: 'data.reference' } },
      { call: 'clock', body: { action: 'advance', by: '31m' }, expect: { status: 200 } },
      { call: 'getPaymentStatus', key: 'E${run}', expect: { status: 200, body: { data: { status: 'FAILED', expired: true } } } },
      { call: 'processPayment', reference: '${ref}', body: pay, expect: { status: 409, body: { data: { code: 'INTENT_EXPIRED' } } } },
    ],
  },
  {
    name: 'merchant-controls',
    summary: "One merchant's controls: clock, outcomes, faults, journal, intents, callback settings, replay, the receiver check, the inspector and a reset",
    environment: 'sandbox',
    steps: [
      { call: 'sim', op: 'getClock', expect: { status: 200, body: { merchantId: '${merchant}', frozen: false } } },
      { call: 'queueOutcomes', body: { provider: 'AIRTEL', outcomes: ['insufficient_funds'] }, expect: { status: 200 } },
      { call: 'sim', op: 'listOutcomes', expect: { status: 200, body: { queues: { AIRTEL: ['insufficient_funds'] } } } },
      { call: 'sim', op: 'clearOutcomes', expect: { status: 200, body: { merchantId: '${merchant}' } } },
      { call: 'sim', op: 'listOutcomes', expect: { status: 200, body: { queues: { AIRTEL: undefined } } } },
      {
        call: 'sim',
        op: 'addFault',
        body: { type: 'latency', ms: 0, count: 1 },
        expect: { status: 201, body: { type: 'latency', operation: 'any', remaining: 1 } },
      },
      { call: 'sim', op: 'listFaults', expect: { status: 200, body: { faults: [{ type: 'latency' }] } } },
      { call: 'sim', op: 'clearFaults', expect: { status: 200, body: { faults: [] } } },
      { call: 'createIntent', body: intent('M${run}'), expect: { status: 200 }, save: { ref: 'data.reference' } },
      { call: 'processPayment', reference: '${ref}', body: pay, longPoll: true, expect: { status: 200, body: { data: { status: 'COMPLETED' } } } },
      { call: 'awaitCallback', count: 1, expect: { body: { signatureValid: true, body: { status: 'COMPLETED', key: 'M${run}' } } } },
      { call: 'sim', op: 'listMerchantIntents', expect: { status: 200, body: { intents: [{ key: 'M${run}', status: 'COMPLETED' }] } } },
      {
        call: 'sim',
        op: 'listRequests',
        expect: { status: 200, body: { merchantId: '${merchant}', requests: [{ operationId: 'createIntent' }, { operationId: 'processPayment' }] } },
      },
      { call: 'sim', op: 'getCallbackSettings', expect: { status: 200, body: { duplicates: false, reorder: false } } },
      { call: 'sim', op: 'updateCallbackSettings', body: { reorderHoldMs: 1000 }, expect: { status: 200, body: { duplicates: false, reorderHoldMs: 1000 } } },
      {
        call: 'sim',
        op: 'listMerchantCallbacks',
        expect: { status: 200, body: { callbacks: [{ kind: 'payment', origin: 'event', reference: '${ref}' }] } },
        save: { cb: 'callbacks.0.id' },
      },
      { call: 'sim', op: 'replayCallback', id: '${cb}', expect: { status: 202, body: { origin: 'replay', originalId: '${cb}' } } },
      { call: 'awaitCallback', count: 2, expect: { body: { signatureValid: true, body: { status: 'COMPLETED', key: 'M${run}' } } } },
      // The inbox accepts everything, forgeries too: a receiver that is graded unsafe.
      {
        call: 'sim',
        op: 'checkCallbackReceiver',
        body: { url: '${inbox}' },
        expect: { status: 200, body: { merchantId: '${merchant}', url: '${inbox}', safe: false } },
      },
      { call: 'sim', op: 'getCallbackCheck', expect: { status: 200, body: { url: '${inbox}', safe: false } } },
      { call: 'sim', op: 'getInspectorCallbacks', expect: { status: 200 } },
      { call: 'sim', op: 'resetMerchant', expect: { status: 200, body: { merchantId: '${merchant}', removed: { intents: 1 } } } },
      { call: 'sim', op: 'listMerchantIntents', expect: { status: 200, body: { intents: [] } } },
    ],
  },
  {
    name: 'qa-console-actions',
    summary:
      "What QA does from the console, as /_sim calls: answer the PIN prompt as cancelled, pay again, refund part, expire an intent, rotate the merchant's key (the old one is refused)",
    environment: 'sandbox',
    steps: [
      // Frozen, so the PIN prompt waits for the answer however short PIN_DELAY_MS is.
      { call: 'clock', body: { action: 'freeze' }, expect: { status: 200, body: { frozen: true } } },
      { call: 'createIntent', body: intent('QA${run}'), expect: { status: 200 }, save: { ref: 'data.reference' } },
      { call: 'processPayment', reference: '${ref}', body: pay, expect: { status: 200, body: { data: { status: 'PENDING' } } } },
      {
        call: 'sim',
        op: 'resolveAttempt',
        reference: '${ref}',
        body: { outcome: 'cancelled_by_user' },
        expect: { status: 200, body: { status: 'FAILED', attempts: [{ outcome: 'cancelled_by_user', outcomeSource: 'resolved', resultCode: 1032 }] } },
      },
      { call: 'awaitCallback', count: 1, expect: { body: { signatureValid: true, body: { status: 'FAILED', key: 'QA${run}' } } } },
      { call: 'processPayment', reference: '${ref}', body: pay, expect: { status: 200, body: { data: { status: 'PENDING' } } } },
      { call: 'sim', op: 'resolveAttempt', reference: '${ref}', body: { outcome: 'success' }, expect: { status: 200, body: { status: 'COMPLETED' } } },
      { call: 'awaitCallback', count: 2, expect: { body: { signatureValid: true, body: { status: 'COMPLETED', key: 'QA${run}' } } } },
      {
        call: 'sim',
        op: 'refundIntent',
        reference: '${ref}',
        body: { amount: 200, reason: 'QA partial refund' },
        expect: { status: 201, body: { amount: 200, status: 'PENDING' } },
      },
      { call: 'sim', op: 'expireIntent', reference: '${ref}', expect: { status: 409, body: { data: { code: 'INTENT_COMPLETED' } } } },
      { call: 'createIntent', body: intent('QX${run}'), expect: { status: 200 }, save: { unpaid: 'data.reference' } },
      { call: 'sim', op: 'expireIntent', reference: '${unpaid}', expect: { status: 200, body: { expired: true, status: 'FAILED' } } },
      { call: 'sim', op: 'rotateMerchantKey', expect: { status: 200, body: { id: '${merchant}' } } },
      { call: 'getPaymentStatus', key: 'QA${run}', expect: { status: 401, body: { data: { code: 'UNAUTHORIZED' } } } },
    ],
  },
];
