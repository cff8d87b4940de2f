// Journeys for the failure branches an integration must handle: refunds that fail at once, fail later by
// callback, or wait until the clock moves (docs/decisions/0080), chosen by amount or queued; and the
// address-verification decline of card payments with its per-merchant rule (docs/decisions/0081).
import { EXAMPLE_DEVICE_INFORMATION, type Schemas } from '../../client/src/index.js';
import type { Journey, Step } from '../journey.js';
import { intent } from './intent.js';

const mpesa = { type: 'MPESA' as const, payment: { mobile: '254712345678' } };
const visa = { cc_number: '4000000000002701', cc_cvv: '123', cc_exp: '01/39', cc_name: 'Jane Doe' };

/** An intent with this billing address (or none), paid by a frictionless Visa; `status` is what process answers. */
function cardPayment(key: string, billingAddress: Schemas['BillingAddress'] | undefined, status: 'COMPLETED' | 'FAILED', save = 'ref'): Step[] {
  const { payload: _default, ...body } = intent(key, 2000);
  return [
    {
      call: 'createIntent',
      body: billingAddress ? { ...body, payload: { billingAddress } } : body,
      expect: { status: 200 },
      save: { [save]: 'data.reference' },
    },
    { call: 'createPaToken', reference: `\${${save}}`, body: { type: 'CARDS', payment: visa }, expect: { status: 200 } },
    {
      call: 'checkEnrollment',
      reference: `\${${save}}`,
      body: { deviceInformation: EXAMPLE_DEVICE_INFORMATION },
      expect: { status: 200, body: { data: { action: 'MAKE_PAYMENT' } } },
    },
    { call: 'processPayment', reference: `\${${save}}`, body: { type: 'CARDS' }, longPoll: true, expect: { status: 200, body: { data: { status } } } },
  ];
}

const FULL_ADDRESS = {
  firstName: 'Jane',
  lastName: 'Doe',
  email: 'jane@example.com',
  address1: '1 Kenyatta Avenue',
  locality: 'Nairobi',
  postalCode: '00100',
  country: 'KE',
};

export const failureJourneys: Journey[] = [
  {
    name: 'refund-declined-then-refunded',
    summary: 'A refund of 901 is FAILED in the answer with no callback; the balance is whole, so the full amount is then refunded and called back',
    environment: 'sandbox',
    steps: [
      { call: 'createIntent', body: intent('RD${run}'), expect: { status: 200 }, save: { ref: 'data.reference' } },
      { call: 'processPayment', reference: '${ref}', body: mpesa, longPoll: true, expect: { status: 200, body: { data: { status: 'COMPLETED' } } } },
      { call: 'awaitCallback', count: 1, expect: { body: { signatureValid: true, body: { status: 'COMPLETED', key: 'RD${run}' } } } },
      {
        call: 'refund',
        key: 'RD${run}',
        body: { amount: 901, callbackUrl: '${inbox}' },
        expect: { status: 200, body: { data: { status: 'FAILED', message: 'Refund declined by the provider: the payment cannot be refunded at the moment' } } },
      },
      {
        call: 'getPaymentStatus',
        key: 'RD${run}',
        expect: { status: 200, body: { data: { status: 'COMPLETED', refunds: [{ amount: 901, status: 'FAILED' }] } } },
      },
      { call: 'refund', key: 'RD${run}', body: { amount: 1500, callbackUrl: '${inbox}' }, expect: { status: 200, body: { data: { status: 'PENDING' } } } },
      // The second callback is the full refund's: the declined one sent none.
      { call: 'awaitCallback', count: 2, expect: { body: { signatureValid: true, body: { status: 'COMPLETED', amount: 1500, key: 'RD${run}' } } } },
    ],
  },
  {
    name: 'refund-fails-later',
    summary: 'A card refund of 902 answers PENDING and holds the amount; after the refund delay its callback says FAILED and the amount is refundable again',
    environment: 'sandbox',
    steps: [
      // Frozen, so that the refund is still pending when the next refund is refused.
      { call: 'clock', body: { action: 'freeze' }, expect: { status: 200, body: { frozen: true } } },
      ...cardPayment('RF${run}', FULL_ADDRESS, 'COMPLETED'),
      {
        call: 'refund',
        key: 'RF${run}',
        body: { amount: 902, reason: 'Returned', callbackUrl: '${inbox}' },
        expect: { status: 200, body: { data: { status: 'PENDING' } } },
      },
      { call: 'refund', key: 'RF${run}', body: { amount: 2000 }, expect: { status: 409, body: { data: { code: 'REFUND_EXCEEDS_BALANCE' } } } },
      { call: 'clock', body: { action: 'advance', by: '3s' }, expect: { status: 200 } },
      {
        call: 'awaitCallback',
        count: 2,
        expect: { body: { signatureValid: true, body: { status: 'FAILED', amount: 902, reason: 'Returned', key: 'RF${run}', reference: '${ref}' } } },
      },
      { call: 'getPaymentStatus', key: 'RF${run}', expect: { status: 200, body: { data: { refunds: [{ amount: 902, status: 'FAILED' }] } } } },
      { call: 'refund', key: 'RF${run}', body: { amount: 2000 }, expect: { status: 200, body: { data: { status: 'COMPLETED' } } } },
    ],
  },
  {
    name: 'refund-pending-until-the-clock-moves',
    summary: "A card refund of 903 answers PENDING and stays so for a day of the merchant's clock; then it completes and is called back",
    environment: 'sandbox',
    steps: [
      { call: 'clock', body: { action: 'freeze' }, expect: { status: 200, body: { frozen: true } } },
      ...cardPayment('RP${run}', FULL_ADDRESS, 'COMPLETED'),
      { call: 'refund', key: 'RP${run}', body: { amount: 903, callbackUrl: '${inbox}' }, expect: { status: 200, body: { data: { status: 'PENDING' } } } },
      { call: 'clock', body: { action: 'advance', by: '23h59m' }, expect: { status: 200 } },
      { call: 'getPaymentStatus', key: 'RP${run}', expect: { status: 200, body: { data: { refunds: [{ amount: 903, status: 'PENDING' }] } } } },
      { call: 'clock', body: { action: 'advance', by: '1m' }, expect: { status: 200 } },
      { call: 'getPaymentStatus', key: 'RP${run}', expect: { status: 200, body: { data: { refunds: [{ amount: 903, status: 'COMPLETED' }] } } } },
      {
        call: 'awaitCallback',
        count: 2,
        expect: { body: { signatureValid: true, body: { status: 'COMPLETED', message: 'Success', amount: 903, key: 'RP${run}' } } },
      },
    ],
  },
  {
    name: 'refund-outcomes-queued',
    summary: 'A queued REFUNDS outcome beats the amount: an ordinary refund is declined, then a 901 refund completes; the intents view says why',
    environment: 'sandbox',
    steps: [
      {
        call: 'queueOutcomes',
        body: { provider: 'REFUNDS', outcomes: ['refund_declined', 'success'] },
        expect: { status: 200, body: { queues: { REFUNDS: ['refund_declined', 'success'] } } },
      },
      ...cardPayment('RQ${run}', FULL_ADDRESS, 'COMPLETED'),
      { call: 'refund', key: 'RQ${run}', body: { amount: 100 }, expect: { status: 200, body: { data: { status: 'FAILED' } } } },
      { call: 'refund', key: 'RQ${run}', body: { amount: 901 }, expect: { status: 200, body: { data: { status: 'COMPLETED' } } } },
      { call: 'sim', op: 'listOutcomes', expect: { status: 200, body: { queues: { REFUNDS: undefined } } } },
      {
        call: 'sim',
        op: 'listMerchantIntents',
        expect: {
          status: 200,
          body: {
            intents: [
              {
                key: 'RQ${run}',
                refunds: [
                  { outcome: 'refund_declined', outcomeSource: 'override', status: 'FAILED' },
                  { outcome: 'success', outcomeSource: 'override', status: 'COMPLETED' },
                ],
              },
            ],
          },
        },
      },
    ],
  },
  {
    name: 'card-avs-rules',
    summary:
      'By default a card payment on an intent without a billing address is declined by AVS (200); off lets it through; complete_address asks for the whole address',
    environment: 'sandbox',
    steps: [
      { call: 'sim', op: 'getAvsSetting', expect: { status: 200, body: { merchantId: '${merchant}', rule: 'no_address' } } },
      ...cardPayment('AV1${run}', undefined, 'FAILED', 'bare'),
      {
        call: 'getPaymentStatus',
        key: 'AV1${run}',
        expect: {
          status: 200,
          body: {
            data: {
              status: 'FAILED',
              attempts: [{ status: 'FAILED', message: 'Declined by address verification (AVS): the billing address is missing or incomplete' }],
            },
          },
        },
      },
      { call: 'awaitCallback', count: 1, expect: { body: { signatureValid: true, body: { status: 'FAILED', key: 'AV1${run}' } } } },
      ...cardPayment('AV2${run}', { firstName: 'Jane', lastName: 'Doe', email: 'jane@example.com' }, 'COMPLETED', 'named'),
      { call: 'sim', op: 'updateAvsSetting', body: { rule: 'off' }, expect: { status: 200, body: { rule: 'off' } } },
      ...cardPayment('AV3${run}', undefined, 'COMPLETED', 'anyway'),
      { call: 'sim', op: 'updateAvsSetting', body: { rule: 'complete_address' }, expect: { status: 200, body: { rule: 'complete_address' } } },
      ...cardPayment('AV4${run}', { firstName: 'Jane', lastName: 'Doe', email: 'jane@example.com' }, 'FAILED', 'partial'),
      ...cardPayment('AV5${run}', FULL_ADDRESS, 'COMPLETED', 'full'),
    ],
  },
];
