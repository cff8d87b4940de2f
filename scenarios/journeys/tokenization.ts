// Saved cards, as Little Pay's Tokenization Guide describes them, with the guide's request bodies: save a card
// with metadata.createCustomer, read the token from the callback and from status, pay a second intent with
// it; and the guide's Security & Compliance rules between merchants and environments.
import { EXAMPLE_DEVICE_INFORMATION, type Schemas } from '../../client/src/index.js';
import type { Journey } from '../journey.js';
import { intent } from './intent.js';

const JOHN = { billingAddress: { firstName: 'John', lastName: 'Doe', email: 'john@example.com' } };

/** The guide's create-intent body (its JavaScript and Java samples); a journey's callbackUrl is its run's inbox. */
export function guideIntent(key: string, callbackUrl = '${inbox}'): Schemas['CreateIntentRequest'] {
  return { amount: 100, currency: 'KES', description: 'Saving card for future use', callbackUrl, key, payload: JOHN, metadata: { createCustomer: true } };
}

/** A later order of the same shopper. */
const laterIntent = (key: string, amount = 250): Schemas['CreateIntentRequest'] => ({ ...intent(key, amount), payload: JOHN });

/** The guide's process body: the saved card's customer.id and nothing else. */
const withToken = (id: string): Schemas['ProcessPaymentRequest'] => ({ type: 'CARDS', payment: { customer: { id } } });

const card = (cc_number: string) => ({ cc_number, cc_cvv: '123', cc_exp: '01/39', cc_name: 'John Doe' });
const deviceInformation = EXAMPLE_DEVICE_INFORMATION;

/** Save a card on a createCustomer intent: cspaToken, enroll (frictionless), process, the callback's token saved as ${token}. */
function saveCard(key: string, number: string, callbacks: number): Journey['steps'] {
  return [
    { call: 'createIntent', body: guideIntent(key), expect: { status: 200 }, save: { saving: 'data.reference' } },
    { call: 'createPaToken', reference: '${saving}', body: { type: 'CARDS', payment: card(number) }, expect: { status: 200 } },
    { call: 'checkEnrollment', reference: '${saving}', body: { deviceInformation }, expect: { status: 200, body: { data: { action: 'MAKE_PAYMENT' } } } },
    { call: 'processPayment', reference: '${saving}', body: { type: 'CARDS' }, expect: { status: 200, body: { data: { status: 'COMPLETED' } } } },
    {
      call: 'awaitCallback',
      count: callbacks,
      expect: { body: { signatureValid: true, body: { status: 'COMPLETED', key, provider: 'CARDS' } } },
      save: { token: 'body.tokenInformation.customer.id' },
    },
  ];
}

export const tokenizationJourneys: Journey[] = [
  {
    name: 'tokenization-guide',
    summary: 'The Tokenization Guide end to end with its bodies: save a card, read the token from the callback and from status, pay a second intent with it',
    environment: 'sandbox',
    steps: [
      ...saveCard('SAVE_CARD_123', '4000000000002701', 1),
      {
        call: 'getPaymentStatus',
        key: 'SAVE_CARD_123',
        expect: {
          status: 200,
          body: {
            data: { status: 'COMPLETED', tokenInformation: { customer: { id: '${token}' } }, payment: { provider: 'CARDS', details: { last4: '2701' } } },
          },
        },
      },
      {
        call: 'sim',
        op: 'listSavedCards',
        expect: {
          status: 200,
          body: {
            merchantId: '${merchant}',
            tokens: [{ id: '${token}', environment: 'sandbox', card: { brand: 'visa', last4: '2701', expiry: '01/39' }, reference: '${saving}' }],
          },
        },
      },
      { call: 'createIntent', body: laterIntent('REPEAT_${run}'), expect: { status: 200 }, save: { later: 'data.reference' } },
      {
        call: 'processPayment',
        reference: '${later}',
        body: withToken('${token}'),
        expect: {
          status: 200,
          body: { data: { status: 'COMPLETED', message: 'Successful transaction', meta: { provider: 'CARDS', amount: 250, stepUpUrl: null } } },
        },
      },
      {
        call: 'awaitCallback',
        count: 2,
        expect: {
          body: { signatureValid: true, body: { status: 'COMPLETED', key: 'REPEAT_${run}', amount: 250, tokenInformation: { customer: { id: '${token}' } } } },
        },
      },
      {
        call: 'getPaymentStatus',
        key: 'REPEAT_${run}',
        expect: {
          status: 200,
          body: { data: { status: 'COMPLETED', tokenInformation: { customer: { id: '${token}' } }, payment: { details: { last4: '2701' } } } },
        },
      },
      { call: 'refund', key: 'REPEAT_${run}', body: { amount: 250 }, expect: { status: 200, body: { data: { status: 'COMPLETED' } } } },
      // Forgotten from the console: the token no longer pays.
      { call: 'sim', op: 'deleteSavedCard', id: '${token}', expect: { status: 200, body: { id: '${token}', card: { last4: '2701' } } } },
      { call: 'createIntent', body: laterIntent('FORGOTTEN_${run}'), expect: { status: 200 }, save: { forgotten: 'data.reference' } },
      { call: 'processPayment', reference: '${forgotten}', body: withToken('${token}'), expect: { status: 404, body: { data: { code: 'TOKEN_NOT_FOUND' } } } },
    ],
  },
  {
    name: 'tokenization-saved-card-declines',
    summary: 'A card saved from the insufficient-funds test card (its first payment forced to succeed) declines the same way when paid with its token',
    environment: 'sandbox',
    steps: [
      { call: 'queueOutcomes', body: { provider: 'CARDS', outcomes: ['success'] }, expect: { status: 200 } },
      ...saveCard('POOR_CARD', '4000000000009995', 1),
      { call: 'createIntent', body: laterIntent('POOR_LATER'), expect: { status: 200 }, save: { later: 'data.reference' } },
      {
        call: 'processPayment',
        reference: '${later}',
        body: withToken('${token}'),
        expect: { status: 200, body: { data: { status: 'FAILED', message: 'Insufficient funds in the account' } } },
      },
      { call: 'awaitCallback', count: 2, expect: { body: { body: { status: 'FAILED', tokenInformation: { customer: { id: '${token}' } } } } } },
      {
        call: 'getPaymentStatus',
        key: 'POOR_LATER',
        expect: { status: 200, body: { data: { status: 'FAILED', tokenInformation: { customer: { id: '${token}' } } } } },
      },
    ],
  },
  {
    name: 'tokenization-security-rules',
    summary:
      "The guide's Security & Compliance rules: another merchant's token, the other environment's, an unknown one, a token with card fields; each refused with its own code, the intent still payable",
    environment: 'sandbox',
    others: { neighbour: 'sandbox', live: 'production' },
    steps: [
      ...saveCard('MINE', '5200000000002235', 1),
      // The run's credentials with the neighbour's Token ID in the path: refused, whoever's the Token ID is.
      { call: 'createIntent', tokenIdOf: 'neighbour', body: laterIntent('MISMATCH'), expect: { status: 401, body: { data: { code: 'TOKEN_ID_MISMATCH' } } } },
      // The same key at another merchant is another intent; neither merchant sees the other's.
      { call: 'createIntent', as: 'neighbour', body: laterIntent('MINE'), expect: { status: 200 }, save: { theirs: 'data.reference' } },
      { call: 'getPaymentStatus', as: 'neighbour', key: '${saving}', expect: { status: 404, body: { data: { code: 'PAYMENT_NOT_FOUND' } } } },
      { call: 'refund', as: 'neighbour', key: '${saving}', body: { amount: 100 }, expect: { status: 404, body: { data: { code: 'PAYMENT_NOT_FOUND' } } } },
      { call: 'getPaymentStatus', as: 'neighbour', key: 'MINE', expect: { status: 200, body: { data: { reference: '${theirs}', status: 'PENDING' } } } },
      {
        call: 'processPayment',
        reference: '${theirs}',
        body: withToken('${token}'),
        expect: { status: 403, body: { data: { code: 'TOKEN_OTHER_MERCHANT', errors: [{ field: 'body.payment.customer.id', rule: 'sameMerchant' }] } } },
      },
      { call: 'createIntent', as: 'live', body: laterIntent('LIVE'), expect: { status: 200 }, save: { live: 'data.reference' } },
      {
        call: 'processPayment',
        reference: '${live}',
        body: withToken('${token}'),
        expect: { status: 403, body: { data: { code: 'TOKEN_WRONG_ENVIRONMENT', errors: [{ field: 'body.payment.customer.id', rule: 'sameEnvironment' }] } } },
      },
      { call: 'createIntent', body: laterIntent('OWN'), expect: { status: 200 }, save: { own: 'data.reference' } },
      {
        call: 'processPayment',
        reference: '${own}',
        body: withToken('1FCA46377B709D13E0631E588D0AC763'),
        expect: { status: 404, body: { data: { code: 'TOKEN_NOT_FOUND' } } },
      },
      {
        call: 'processPayment',
        reference: '${own}',
        body: { type: 'CARDS', payment: { customer: { id: '${token}' }, ...card('5200000000002235') } },
        expect: { status: 400, body: { data: { code: 'TOKEN_WITH_CARD_DETAILS' } } },
      },
      // Nothing was changed by the refusals: the intents are still open and are paid.
      { call: 'getPaymentStatus', as: 'neighbour', key: 'MINE', expect: { status: 200, body: { data: { status: 'PENDING', attempts: [] } } } },
      { call: 'processPayment', reference: '${own}', body: withToken('${token}'), expect: { status: 200, body: { data: { status: 'COMPLETED' } } } },
      { call: 'sim', op: 'listSavedCards', merchantId: '${neighbour}', expect: { status: 200, body: { merchantId: '${neighbour}', tokens: [] } } },
    ],
  },
];
