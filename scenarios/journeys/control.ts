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
      { call: 'queueOutcomes', body: { outcomes: ['insufficient_funds', 'insufficient_funds', 'success'] }, expect: { status: 200, body: { queues: { any: ['insufficient_funds', 'insufficient_funds', 'success'] } } } },
      { call: 'createIntent', body: intent('Q${run}'), expect: { status: 200 }, save: { ref: 'data.reference' } },
      { call: 'processPayment', reference: '${ref}', body: pay, expect: { status: 200, body: { data: { status: 'PENDING' } } } },
      pinDelay,
      { call: 'processPayment', reference: '${ref}', body: pay, expect: { status: 200, body: { data: { status: 'PENDING' } } } },
      pinDelay,
      { call: 'processPayment', reference: '${ref}', body: pay, expect: { status: 200, body: { data: { status: 'PENDING' } } } },
      pinDelay,
      { call: 'getPaymentStatus', key: 'Q${run}', expect: { status: 200, body: { data: { status: 'COMPLETED', attempts: [{ status: 'FAILED' }, { status: 'FAILED' }, { status: 'COMPLETED' }] } } } },
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
];
