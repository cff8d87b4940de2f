// Card journeys through 3-D Secure, in the order of the official client's waitForStepUp option
// (cspaToken, enroll, the challenge, process) and with process sent before the challenge is answered.
// The challenge is answered through /_sim, as a shopper would on the challenge page.
import { EXAMPLE_DEVICE_INFORMATION } from '../../client/src/index.js';
import type { Journey } from '../journey.js';

const intent = (key: string, amount = 2500) => ({
  amount,
  currency: 'KES',
  description: `Order ${key}`,
  callbackUrl: '${inbox}',
  key,
  returnUrl: 'https://shop.example/return',
  payload: { billingAddress: { firstName: 'Jane', lastName: 'Doe', email: 'test@cybs.com' } },
});

const card = (cc_number: string) => ({ cc_number, cc_cvv: '123', cc_exp: '01/39', cc_name: 'Jane Doe' });

const deviceInformation = EXAMPLE_DEVICE_INFORMATION;

export const cardJourneys: Journey[] = [
  {
    name: 'card-frictionless',
    summary: 'A frictionless Visa: cspaToken, enroll MAKE_PAYMENT, process COMPLETED, called back with the masked card, refunded',
    environment: 'sandbox',
    steps: [
      { call: 'createIntent', body: intent('E${run}'), expect: { status: 200 }, save: { ref: 'data.reference' } },
      {
        call: 'createPaToken',
        reference: '${ref}',
        body: { type: 'CARDS', payment: card('4000000000002701') },
        expect: { status: 200, body: { data: { reference: '${ref}', message: 'Request processed successfully' } } },
      },
      { call: 'checkEnrollment', reference: '${ref}', body: { deviceInformation }, expect: { status: 200, body: { data: { action: 'MAKE_PAYMENT' } } } },
      {
        call: 'processPayment',
        reference: '${ref}',
        body: { type: 'CARDS' },
        longPoll: true,
        expect: { status: 200, body: { data: { status: 'COMPLETED', meta: { provider: 'CARDS', amount: 2500, stepUpUrl: null } } } },
      },
      {
        call: 'awaitCallback',
        count: 1,
        expect: {
          body: {
            signatureValid: true,
            body: { status: 'COMPLETED', provider: 'CARDS', payment: { details: { brand: 'visa', first6: '400000', last4: '2701', expiry: '01/39' } } },
          },
        },
      },
      {
        call: 'getPaymentStatus',
        key: 'E${run}',
        expect: { status: 200, body: { data: { status: 'COMPLETED', payment: { provider: 'CARDS', details: { last4: '2701' } } } } },
      },
      { call: 'refund', key: 'E${run}', body: { amount: 2500 }, expect: { status: 200, body: { data: { status: 'COMPLETED' } } } },
    ],
  },
  {
    name: 'card-challenge-passed',
    summary: 'A challenge Mastercard: enroll AUTHENTICATE, process waits PENDING with the stepUpUrl, the shopper authenticates, the payment completes',
    environment: 'sandbox',
    steps: [
      { call: 'createIntent', body: intent('F${run}'), expect: { status: 200 }, save: { ref: 'data.reference' } },
      {
        call: 'checkEnrollment',
        reference: '${ref}',
        body: { deviceInformation, type: 'CARDS', payment: card('5200000000002151') },
        expect: { status: 200, body: { data: { action: 'AUTHENTICATE' } } },
      },
      {
        call: 'processPayment',
        reference: '${ref}',
        body: { type: 'CARDS' },
        expect: { status: 200, body: { data: { status: 'PENDING', meta: { provider: 'CARDS' } } } },
      },
      { call: 'getPaymentStatus', key: 'F${run}', expect: { status: 200, body: { data: { status: 'PENDING' } } } },
      { call: 'answerChallenge', reference: '${ref}', answer: 'authenticate', expect: { status: 200, body: { action: 'MAKE_PAYMENT', status: 'COMPLETED' } } },
      { call: 'awaitCallback', count: 1, expect: { body: { body: { status: 'COMPLETED', provider: 'CARDS' } } } },
      { call: 'getPaymentStatus', key: 'F${run}', expect: { status: 200, body: { data: { status: 'COMPLETED', attempts: [{ status: 'COMPLETED' }] } } } },
    ],
  },
  {
    name: 'card-challenge-failed-then-retry',
    summary: 'The shopper fails the challenge: the attempt fails and is called back; another card then pays the same intent',
    environment: 'sandbox',
    steps: [
      { call: 'createIntent', body: intent('G${run}'), expect: { status: 200 }, save: { ref: 'data.reference' } },
      { call: 'createPaToken', reference: '${ref}', body: { type: 'CARDS', payment: card('4000000000002503') }, expect: { status: 200 } },
      { call: 'checkEnrollment', reference: '${ref}', body: { deviceInformation }, expect: { status: 200, body: { data: { action: 'AUTHENTICATE' } } } },
      { call: 'answerChallenge', reference: '${ref}', answer: 'fail', expect: { status: 200, body: { action: 'FAILED', status: 'PENDING' } } },
      {
        call: 'processPayment',
        reference: '${ref}',
        body: { type: 'CARDS' },
        longPoll: true,
        expect: { status: 200, body: { data: { status: 'FAILED', message: 'The shopper failed the authentication challenge' } } },
      },
      { call: 'awaitCallback', count: 1, expect: { body: { body: { status: 'FAILED', provider: 'CARDS' } } } },
      {
        call: 'checkEnrollment',
        reference: '${ref}',
        body: { deviceInformation, type: 'CARDS', payment: card('5200000000002235') },
        expect: { status: 200, body: { data: { action: 'MAKE_PAYMENT' } } },
      },
      {
        call: 'processPayment',
        reference: '${ref}',
        body: { type: 'CARDS', payment: card('5200000000002235') },
        longPoll: true,
        expect: { status: 200, body: { data: { status: 'COMPLETED' } } },
      },
      {
        call: 'getPaymentStatus',
        key: '${ref}',
        expect: { status: 200, body: { data: { status: 'COMPLETED', attempts: [{ status: 'FAILED' }, { status: 'COMPLETED' }] } } },
      },
    ],
  },
  {
    name: 'card-declines-and-bad-card',
    summary: 'A bad card number is a 400 naming the field; an insufficient-funds card is declined after authentication',
    environment: 'sandbox',
    steps: [
      { call: 'createIntent', body: intent('H${run}'), expect: { status: 200 }, save: { ref: 'data.reference' } },
      {
        call: 'createPaToken',
        reference: '${ref}',
        body: { type: 'CARDS', payment: card('4000000000002702') },
        expect: { status: 400, body: { data: { code: 'INVALID_CARD', errors: [{ field: 'body.payment.cc_number', rule: 'luhn' }] } } },
      },
      {
        call: 'checkEnrollment',
        reference: '${ref}',
        body: { deviceInformation, type: 'CARDS', payment: card('4000000000009995') },
        expect: { status: 200, body: { data: { action: 'MAKE_PAYMENT' } } },
      },
      {
        call: 'processPayment',
        reference: '${ref}',
        body: { type: 'CARDS' },
        longPoll: true,
        expect: { status: 200, body: { data: { status: 'FAILED', message: 'Insufficient funds in the account' } } },
      },
      { call: 'getPaymentStatus', key: 'H${run}', expect: { status: 200, body: { data: { status: 'FAILED', payment: { details: { last4: '9995' } } } } } },
    ],
  },
  {
    name: 'card-production-declines-test-cards',
    summary: 'A production merchant declines a test card, as the real production does',
    environment: 'production',
    steps: [
      { call: 'createIntent', body: intent('I${run}'), expect: { status: 200 }, save: { ref: 'data.reference' } },
      {
        call: 'checkEnrollment',
        reference: '${ref}',
        body: { deviceInformation, type: 'CARDS', payment: card('4000000000002701') },
        expect: { status: 200, body: { data: { action: 'MAKE_PAYMENT' } } },
      },
      {
        call: 'processPayment',
        reference: '${ref}',
        body: { type: 'CARDS' },
        longPoll: true,
        expect: { status: 200, body: { data: { status: 'FAILED', message: 'Declined: test cards are not accepted by a production merchant' } } },
      },
    ],
  },
];
