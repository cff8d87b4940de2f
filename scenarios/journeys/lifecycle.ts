// Journeys for refunds in full and beyond the balance, expiry, and every operation of the simulator's
// own /_sim API (what QA and integrators' CI call around the payments).
import type { Journey } from '../journey.js';
import { intent } from './intent.js';

export const lifecycleJourneys: Journey[] = [
  {
    name: 'mpesa-refund-full-then-over-refund',
    summary: 'A paid intent is refunded in full (called back COMPLETED); one cent more is a 409; a failed payment cannot be refunded',
    environment: 'sandbox',
    steps: [
      { call: 'createIntent', body: intent('R${run}'), expect: { status: 200 }, save: { ref: 'data.reference' } },
      {
        call: 'processPayment',
        reference: '${ref}',
        body: { type: 'MPESA', payment: { mobile: '254712345678' } },
        longPoll: true,
        expect: { status: 200, body: { data: { status: 'COMPLETED' } } },
      },
      {
        call: 'refund',
        key: 'R${run}',
        body: { amount: 1500, reason: 'Order cancelled', callbackUrl: '${inbox}' },
        expect: { status: 200, body: { data: { status: 'PENDING' } } },
      },
      {
        call: 'awaitCallback',
        count: 2,
        expect: { body: { signatureValid: true, body: { status: 'COMPLETED', amount: 1500, reason: 'Order cancelled', key: 'R${run}', reference: '${ref}' } } },
      },
      {
        call: 'refund',
        key: 'R${run}',
        body: { amount: 0.01 },
        expect: { status: 409, body: { data: { code: 'REFUND_EXCEEDS_BALANCE', errors: [{ field: 'body.amount' }] } } },
      },
      {
        call: 'getPaymentStatus',
        key: 'R${run}',
        expect: { status: 200, body: { data: { status: 'COMPLETED', refunds: [{ amount: 1500, status: 'COMPLETED' }] } } },
      },
      { call: 'createIntent', body: intent('S${run}'), expect: { status: 200 }, save: { failed: 'data.reference' } },
      {
        call: 'processPayment',
        reference: '${failed}',
        body: { type: 'MPESA', payment: { mobile: '254700000001' } },
        longPoll: true,
        expect: { status: 200, body: { data: { status: 'FAILED' } } },
      },
      { call: 'refund', key: 'S${run}', body: { amount: 1 }, expect: { status: 409, body: { data: { code: 'PAYMENT_NOT_COMPLETED' } } } },
    ],
  },
  {
    name: 'intent-expired',
    summary: 'An intent past its expiry (set up as a provider state) refuses payment with INTENT_EXPIRED and shows expired on the checkout',
    environment: 'sandbox',
    steps: [
      {
        call: 'sim',
        op: 'applyProviderState',
        body: 'a sandbox merchant with an expired intent with key X${run}',
        expect: { status: 200, body: { key: 'X${run}' } },
        save: { ref: 'reference' },
      },
      {
        call: 'processPayment',
        reference: '${ref}',
        body: { type: 'MPESA', payment: { mobile: '254712345678' } },
        expect: { status: 409, body: { data: { code: 'INTENT_EXPIRED' } } },
      },
      {
        call: 'sim',
        op: 'getCheckoutState',
        reference: '${ref}',
        expect: { status: 200, body: { reference: '${ref}', expired: true, status: 'FAILED', attempt: null } },
      },
    ],
  },
  {
    name: 'simulator-control',
    summary: 'The simulator-wide /_sim operations: health, merchants, scenarios, the signing key, the outbox, an inbox, the checkout state and provider states',
    environment: 'sandbox',
    steps: [
      { call: 'sim', op: 'getHealth', expect: { status: 200, body: { status: 'ok' } } },
      { call: 'sim', op: 'listMerchants', expect: { status: 200 } },
      {
        call: 'sim',
        op: 'createMerchant',
        body: { environment: 'production', name: 'Scenario shop ${run}' },
        expect: { status: 201, body: { environment: 'production', currencies: ['KES'] } },
      },
      { call: 'sim', op: 'createMerchant', body: { environment: 'staging' }, expect: { status: 400, body: { data: { code: 'VALIDATION_ERROR' } } } },
      { call: 'sim', op: 'listScenarios', expect: { status: 200 } },
      { call: 'sim', op: 'getCallbackPublicKey', expect: { status: 200 } },
      { call: 'sim', op: 'listProviderStates', expect: { status: 200 } },
      {
        call: 'sim',
        op: 'applyProviderState',
        body: 'a sandbox merchant with a completed MPESA payment with key K${run}',
        expect: { status: 200, body: { key: 'K${run}' } },
        save: { ref: 'reference' },
      },
      {
        call: 'sim',
        op: 'applyProviderState',
        body: 'a merchant with everything',
        expect: { status: 400, body: { data: { code: 'UNKNOWN_PROVIDER_STATE' } } },
      },
      { call: 'sim', op: 'listCallbacks', reference: '${ref}', expect: { status: 200, body: { callbacks: [{ kind: 'payment', reference: '${ref}' }] } } },
      {
        call: 'sim',
        op: 'getCheckoutState',
        reference: '${ref}',
        expect: { status: 200, body: { status: 'COMPLETED', attempt: { provider: 'MPESA', status: 'COMPLETED' } } },
      },
      { call: 'sim', op: 'getCheckoutState', reference: 'no-such-intent', expect: { status: 404 } },
      {
        call: 'sim',
        op: 'receiveInboxCallback',
        name: 'unsigned-${run}',
        body: { status: 'COMPLETED' },
        expect: { status: 200, body: { received: true, signatureValid: false } },
      },
      {
        call: 'sim',
        op: 'listInbox',
        name: 'unsigned-${run}',
        expect: { status: 200, body: { messages: [{ signatureValid: false, body: { status: 'COMPLETED' } }] } },
      },
    ],
  },
  {
    name: 'reset-everything',
    summary: 'POST /_sim/reset forgets every merchant and payment; the demo merchants come back with their credentials',
    environment: 'sandbox',
    // Wipes a shared simulator: run only when named (--journey reset-everything) or with --all.
    resetsEverything: true,
    steps: [
      { call: 'sim', op: 'resetAll', expect: { status: 200 } },
      { call: 'sim', op: 'listMerchants', expect: { status: 200 } },
    ],
  },
];
