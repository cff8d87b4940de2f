// The consumer's expectations, as data: for each interaction the provider state it needs, the journey
// step the typed client makes, and the answer it relies on, with matchers for ids and dates. The
// consumer test drives the client through each against the Pact mock server; the provider test replays
// them against the simulator with the states set up through POST /_sim/provider-states.
import { MatchersV3 as M } from '@pact-foundation/pact';
import type { Step } from '../../scenarios/index.js';

export type CallStep = Exclude<Step, { call: 'awaitCallback' }>;

export interface PactInteraction {
  description: string;
  state: string;
  step: CallStep;
  /** Credentials other than the provider state's fixed ones (a wrong key, for a 401). */
  credentials?: { apiKey?: string };
  status: number;
  body?: unknown;
}

/** The reference the provider state answers; the mock server uses this example. */
export const EXAMPLE_REFERENCE = '1cbfffbc-b365-45f6-9e5d-13e445c125cd';
const REF = '${reference}';
/** The other provider-state values a pact names, with the examples the mock server uses. */
export const EXAMPLES = {
  merchantId: 'mer_1c9a0e3b5d7f',
  callbackId: 'cb_0d6d1ff2a0c54f9e7b31',
  inboxUrl: 'http://localhost:3000/_sim/inbox/provider-states',
  /** The Tokenization Guide's example token. */
  token: '1FCA46377B709D13E0631E588D0AC763',
};
const ref = () => M.fromProviderState('${reference}', EXAMPLE_REFERENCE);
const date = () => M.regex('^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$', '2026-01-01T00:00:00.000Z');
const text = (example: string) => M.string(example);
const ok = (data: unknown) => ({ date: date(), data });
const error = (code: string, fields?: Array<{ field: string; rule: string }>) =>
  ok({ code, message: text('what went wrong'), ...(fields ? { errors: fields.map((f) => ({ ...f, message: text('why') })) } : {}) });

const sandbox = 'a sandbox merchant';
const pending = (key: string) => `a sandbox merchant with a pending intent with key ${key}`;
const completed = (key: string) => `a sandbox merchant with a completed MPESA payment with key ${key}`;
const failed = (key: string) => `a sandbox merchant with a failed MPESA payment with key ${key}`;
const enrolled = (key: string, card: string) => `a sandbox merchant with an intent with key ${key} enrolled with card ${card}`;
const challenge = (key: string) => `a sandbox merchant with an intent with key ${key} awaiting a 3-D Secure challenge`;

const savedCard = (card: string, key: string) => `a sandbox merchant with a saved card ${card} and a pending intent with key ${key}`;
const savedElsewhere = (env: string, key: string) => `a sandbox merchant with a pending intent with key ${key} and a card saved by another ${env} merchant`;
const cardSaved = (key: string) => `a sandbox merchant with a card saved by the payment with key ${key}`;
/** The Tokenization Guide's process body; the provider state says which token. */
const withToken = (id = '${token}') => ({ type: 'CARDS' as const, payment: { customer: { id } } });
const token = () => M.regex('^[0-9A-F]{32}$', EXAMPLES.token);

const billing = { billingAddress: { firstName: 'Jane', lastName: 'Doe', email: 'jane@example.com' } };
const intentBody = (key: string, amount = 1500) => ({
  amount,
  currency: 'KES',
  description: `Order ${key}`,
  callbackUrl: 'https://shop.example/littlepay/callback',
  key,
  payload: billing,
});
const mpesa = (mobile: string) => ({ type: 'MPESA' as const, payment: { mobile } });
const card = (cc_number: string) => ({ cc_number, cc_cvv: '123', cc_exp: '01/39', cc_name: 'Jane Doe' });
const device = {
  httpBrowserColorDepth: 24,
  httpBrowserJavaEnabled: false,
  httpBrowserJavaScriptEnabled: true,
  httpBrowserLanguage: 'en-US',
  httpBrowserScreenHeight: 1080,
  httpBrowserScreenWidth: 1920,
  httpBrowserTimeDifference: -180,
};
const processMeta = (provider: string, extra: Record<string, unknown> = {}) => ({
  provider,
  providerReference: text('SGR7K2M4QX'),
  amount: 1500,
  currency: 'KES',
  reference: ref(),
  ...extra,
});
const attempt = (status: string) => ({
  provider: text('MPESA'),
  status,
  message: text('The service request is processed successfully.'),
  date: date(),
  providerReference: text('SGR7K2M4QX'),
  reference: ref(),
});

export const littlePayInteractions: PactInteraction[] = [
  {
    description: 'a request to create an intent',
    state: sandbox,
    step: { call: 'createIntent', body: intentBody('ORDER1042'), expect: { status: 200 } },
    status: 200,
    body: ok({
      reference: M.uuid(EXAMPLE_REFERENCE),
      checkoutUrl: M.regex('^https?://.+/checkout/[0-9a-f-]{36}$', `http://localhost:3000/checkout/${EXAMPLE_REFERENCE}`),
      message: 'Request processed successfully',
    }),
  },
  {
    description: 'a request to create an intent with a negative amount',
    state: sandbox,
    step: { call: 'createIntent', body: intentBody('ORDER1043', -5), expect: { status: 400 } },
    status: 400,
    body: error('VALIDATION_ERROR', [{ field: 'body.amount', rule: 'exclusiveMinimum' }]),
  },
  {
    description: 'a request to create an intent with a key used for another request',
    state: pending('ORDER123'),
    step: { call: 'createIntent', body: intentBody('ORDER123', 99), expect: { status: 409 } },
    status: 409,
    body: error('DUPLICATE_KEY'),
  },
  {
    description: 'a long-polled M-Pesa payment that completes',
    state: pending('ORDER123'),
    step: { call: 'processPayment', reference: REF, body: mpesa('254712345678'), longPoll: true, expect: { status: 200 } },
    status: 200,
    body: ok({
      status: 'COMPLETED',
      message: text('The service request is processed successfully.'),
      meta: processMeta('MPESA', {
        mpesaResponse: {
          MobileNumber: '254712345678',
          TrxID: text('SGR7K2M4QX'),
          ResultCode: 0,
          ResultDesc: text('The service request is processed successfully.'),
        },
      }),
    }),
  },
  {
    description: 'a long-polled M-Pesa payment from an empty wallet',
    state: pending('ORDER123'),
    step: { call: 'processPayment', reference: REF, body: mpesa('254700000001'), longPoll: true, expect: { status: 200 } },
    status: 200,
    body: ok({
      status: 'FAILED',
      message: 'The balance is insufficient for the transaction.',
      meta: processMeta('MPESA', { mpesaResponse: { ResultCode: 1 } }),
    }),
  },
  {
    description: 'a retry after a failed M-Pesa payment',
    state: failed('ORDER123'),
    step: { call: 'processPayment', reference: REF, body: mpesa('254712345678'), longPoll: true, expect: { status: 200 } },
    status: 200,
    body: ok({ status: 'COMPLETED', message: text('The service request is processed successfully.'), meta: processMeta('MPESA') }),
  },
  {
    description: 'a payment with a mobile number that starts with +',
    state: pending('ORDER123'),
    step: { call: 'processPayment', reference: REF, body: mpesa('+254712345678'), expect: { status: 400 } },
    status: 400,
    body: error('VALIDATION_ERROR', [{ field: 'body.payment.mobile', rule: 'pattern' }]),
  },
  {
    description: 'a payment of an intent already paid',
    state: completed('ORDER123'),
    step: { call: 'processPayment', reference: REF, body: mpesa('254712345678'), expect: { status: 409 } },
    status: 409,
    body: error('INTENT_COMPLETED'),
  },
  {
    description: 'a payment of an expired intent',
    state: 'a sandbox merchant with an expired intent with key ORDER123',
    step: { call: 'processPayment', reference: REF, body: mpesa('254712345678'), expect: { status: 409 } },
    status: 409,
    body: error('INTENT_EXPIRED'),
  },
  {
    description: 'a payment of an intent that does not exist',
    state: sandbox,
    step: { call: 'processPayment', reference: EXAMPLE_REFERENCE, body: mpesa('254712345678'), expect: { status: 404 } },
    status: 404,
    body: error('INTENT_NOT_FOUND'),
  },
  {
    description: 'a 3-D Secure token for a frictionless card',
    state: pending('ORDER123'),
    step: { call: 'createPaToken', reference: REF, body: { type: 'CARDS', payment: card('4000000000002701') }, expect: { status: 200 } },
    status: 200,
    body: ok({
      reference: ref(),
      message: 'Request processed successfully',
      paToken: {
        accessToken: M.regex('^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$', 'eyJh.eyJq.c2ln'),
        deviceDataCollectionUrl: text('http://localhost:3000/cardinal/collect'),
        referenceId: M.uuid('2f0c6e8a-1d3b-4c5e-8f7a-9b0c1d2e3f4a'),
        token: text('0123456789abcdef0123456789abcdef'),
      },
    }),
  },
  {
    description: 'a 3-D Secure token for a card that fails the Luhn check',
    state: pending('ORDER123'),
    step: { call: 'createPaToken', reference: REF, body: { type: 'CARDS', payment: card('4000000000002702') }, expect: { status: 400 } },
    status: 400,
    body: error('INVALID_CARD', [{ field: 'body.payment.cc_number', rule: 'luhn' }]),
  },
  {
    description: 'an enrollment check of a frictionless card',
    state: pending('ORDER123'),
    step: {
      call: 'checkEnrollment',
      reference: REF,
      body: { deviceInformation: device, type: 'CARDS', payment: card('4000000000002701') },
      expect: { status: 200 },
    },
    status: 200,
    body: ok({ action: 'MAKE_PAYMENT' }),
  },
  {
    description: 'an enrollment check of a card that needs a challenge',
    state: pending('ORDER123'),
    step: {
      call: 'checkEnrollment',
      reference: REF,
      body: { deviceInformation: device, type: 'CARDS', payment: card('5200000000002151') },
      expect: { status: 200 },
    },
    status: 200,
    body: ok({ action: 'AUTHENTICATE' }),
  },
  {
    description: 'a card payment after frictionless authentication',
    state: enrolled('ORDER123', '4000000000002701'),
    step: { call: 'processPayment', reference: REF, body: { type: 'CARDS' }, longPoll: true, expect: { status: 200 } },
    status: 200,
    body: ok({ status: 'COMPLETED', message: text('Successful transaction'), meta: processMeta('CARDS', { stepUpUrl: null }) }),
  },
  {
    description: 'a card payment declined for insufficient funds',
    state: enrolled('ORDER123', '4000000000009995'),
    step: { call: 'processPayment', reference: REF, body: { type: 'CARDS' }, longPoll: true, expect: { status: 200 } },
    status: 200,
    body: ok({ status: 'FAILED', message: 'Insufficient funds in the account', meta: processMeta('CARDS') }),
  },
  {
    description: 'a card payment waiting for its challenge',
    state: challenge('ORDER123'),
    step: { call: 'processPayment', reference: REF, body: { type: 'CARDS' }, expect: { status: 200 } },
    status: 200,
    body: ok({
      status: 'PENDING',
      message: text('Waiting for 3-D Secure authentication (enroll and any challenge)'),
      meta: processMeta('CARDS', { stepUpUrl: M.regex('^https?://.+$', 'http://localhost:3000/cardinal/step-up'), accessToken: text('eyJh.eyJq.c2ln') }),
    }),
  },
  {
    description: 'a request to create an intent that saves the card (the Tokenization Guide body)',
    state: sandbox,
    step: {
      call: 'createIntent',
      body: {
        amount: 100,
        currency: 'KES',
        description: 'Saving card for future use',
        callbackUrl: 'https://your-domain.com/callback',
        key: 'SAVE_CARD_123',
        payload: { billingAddress: { firstName: 'John', lastName: 'Doe', email: 'john@example.com' } },
        metadata: { createCustomer: true },
      },
      expect: { status: 200 },
    },
    status: 200,
    body: ok({
      reference: M.uuid(EXAMPLE_REFERENCE),
      checkoutUrl: M.regex('^https?://.+/checkout/[0-9a-f-]{36}$', `http://localhost:3000/checkout/${EXAMPLE_REFERENCE}`),
      message: 'Request processed successfully',
    }),
  },
  {
    description: 'a payment with a saved card',
    state: savedCard('4000000000002701', 'ORDER123'),
    step: { call: 'processPayment', reference: REF, body: withToken(), expect: { status: 200 } },
    status: 200,
    body: ok({ status: 'COMPLETED', message: 'Successful transaction', meta: processMeta('CARDS', { stepUpUrl: null, accessToken: null }) }),
  },
  {
    description: 'a payment with a saved card that declines for insufficient funds',
    state: savedCard('4000000000009995', 'ORDER123'),
    step: { call: 'processPayment', reference: REF, body: withToken(), expect: { status: 200 } },
    status: 200,
    body: ok({ status: 'FAILED', message: 'Insufficient funds in the account', meta: processMeta('CARDS') }),
  },
  {
    description: 'a payment with a card saved by another merchant',
    state: savedElsewhere('sandbox', 'ORDER123'),
    step: { call: 'processPayment', reference: REF, body: withToken(), expect: { status: 403 } },
    status: 403,
    body: error('TOKEN_OTHER_MERCHANT', [{ field: 'body.payment.customer.id', rule: 'sameMerchant' }]),
  },
  {
    description: 'a payment with a card saved in production',
    state: savedElsewhere('production', 'ORDER123'),
    step: { call: 'processPayment', reference: REF, body: withToken(), expect: { status: 403 } },
    status: 403,
    body: error('TOKEN_WRONG_ENVIRONMENT', [{ field: 'body.payment.customer.id', rule: 'sameEnvironment' }]),
  },
  {
    description: 'a payment with a token no card was saved as',
    state: pending('ORDER123'),
    step: { call: 'processPayment', reference: REF, body: withToken(EXAMPLES.token), expect: { status: 404 } },
    status: 404,
    body: error('TOKEN_NOT_FOUND', [{ field: 'body.payment.customer.id', rule: 'exists' }]),
  },
  {
    description: 'a payment with a saved card and card fields together',
    state: savedCard('4000000000002701', 'ORDER123'),
    step: {
      call: 'processPayment',
      reference: REF,
      body: { type: 'CARDS', payment: { customer: { id: '${token}' }, ...card('4000000000002701') } },
      expect: { status: 400 },
    },
    status: 400,
    body: error('TOKEN_WITH_CARD_DETAILS', [{ field: 'body.payment', rule: 'oneOf' }]),
  },
  {
    description: 'the status of a completed payment by its key',
    state: completed('ORDER123'),
    step: { call: 'getPaymentStatus', key: 'ORDER123', expect: { status: 200 } },
    status: 200,
    body: ok({
      reference: ref(),
      status: 'COMPLETED',
      key: 'ORDER123',
      amount: 1500,
      currency: 'KES',
      payload: billing,
      payment: { provider: 'MPESA', details: null },
      attempts: M.eachLike(attempt('COMPLETED')),
    }),
  },
  {
    description: 'the status of a payment that saved the card (tokenInformation)',
    state: cardSaved('ORDER123'),
    step: { call: 'getPaymentStatus', key: 'ORDER123', expect: { status: 200 } },
    status: 200,
    body: ok({
      reference: ref(),
      status: 'COMPLETED',
      key: 'ORDER123',
      payment: { provider: 'CARDS', details: { brand: text('visa'), last4: M.regex('^[0-9]{4}$', '2701') } },
      tokenInformation: { customer: { id: token() } },
    }),
  },
  {
    description: 'the status of a payment asked with a wrong API key',
    state: completed('ORDER123'),
    credentials: { apiKey: 'sk_sandbox_0000000000000000000000000000000000000000' },
    step: { call: 'getPaymentStatus', key: 'ORDER123', expect: { status: 401 } },
    status: 401,
    body: error('UNAUTHORIZED'),
  },
  {
    description: 'the status of a payment that does not exist',
    state: sandbox,
    step: { call: 'getPaymentStatus', key: 'NO-SUCH-ORDER', expect: { status: 404 } },
    status: 404,
    body: error('PAYMENT_NOT_FOUND'),
  },
  {
    description: 'a full refund',
    state: completed('ORDER123'),
    step: { call: 'refund', key: 'ORDER123', body: { amount: 1500, reason: 'Order cancelled' }, expect: { status: 200 } },
    status: 200,
    body: ok({ status: 'PENDING', message: text('Refund accepted') }),
  },
  {
    description: 'a partial refund',
    state: completed('ORDER123'),
    step: { call: 'refund', key: 'ORDER123', body: { amount: 500 }, expect: { status: 200 } },
    status: 200,
    body: ok({ status: 'PENDING', message: text('Refund accepted') }),
  },
  {
    description: 'a refund that the provider declines at once (amount 901)',
    state: completed('ORDER123'),
    step: { call: 'refund', key: 'ORDER123', body: { amount: 901, reason: 'Order cancelled' }, expect: { status: 200 } },
    status: 200,
    body: ok({ status: 'FAILED', message: text('Refund declined by the provider') }),
  },
  {
    description: 'a refund that is accepted and fails later (amount 902)',
    state: completed('ORDER123'),
    step: { call: 'refund', key: 'ORDER123', body: { amount: 902, callbackUrl: 'https://shop.example/littlepay/refund' }, expect: { status: 200 } },
    status: 200,
    body: ok({ status: 'PENDING', message: text('Refund accepted') }),
  },
  {
    description: 'a refund of more than was paid',
    state: completed('ORDER123'),
    step: { call: 'refund', key: 'ORDER123', body: { amount: 1500.01 }, expect: { status: 409 } },
    status: 409,
    body: error('REFUND_EXCEEDS_BALANCE', [{ field: 'body.amount', rule: 'maximum' }]),
  },
  {
    description: 'a refund of a failed payment',
    state: failed('ORDER123'),
    step: { call: 'refund', key: 'ORDER123', body: { amount: 1 }, expect: { status: 409 } },
    status: 409,
    body: error('PAYMENT_NOT_COMPLETED'),
  },
];

const merchant = {
  id: text('mer_1c9a0e3b5d7f'),
  name: text('Test shop'),
  environment: M.regex('^(sandbox|production)$', 'sandbox'),
  appId: M.uuid('8d3c1f2e-4b5a-4c6d-9e7f-0a1b2c3d4e5f'),
  clientId: M.regex('^[0-9a-f]{16}$', '1f2e3d4c5b6a7980'),
  clientSecret: M.regex('^[A-Za-z0-9+/]{22}==$', 'cGFjdC1zYW5kYm94LWtleQ=='),
  tokenId: M.uuid('00000000-0000-4000-8000-00000000000a'),
  apiKey: M.regex('^sk_(sandbox|live)_[0-9a-f]{40}$', 'sk_sandbox_c0ffee0000000000000000000000000000000001'),
  currencies: M.eachLike('KES'),
};

/** The simulator's own API, as the scenario runner and integrators' test code use it. */
export const simulatorInteractions: PactInteraction[] = [
  {
    description: 'a health check',
    state: sandbox,
    step: { call: 'sim', op: 'getHealth', expect: { status: 200 } },
    status: 200,
    body: {
      status: 'ok',
      version: text('0.1.0'),
      uptimeSeconds: M.number(1),
      publicUrl: M.regex('^https?://.+$', 'http://localhost:3000'),
      checks: { store: 'ok', keys: 'ok', callbackWorker: 'ok' },
    },
  },
  {
    description: 'the list of merchants',
    state: sandbox,
    step: { call: 'sim', op: 'listMerchants', expect: { status: 200 } },
    status: 200,
    body: { merchants: M.eachLike(merchant) },
  },
  {
    description: 'a request to create a sandbox merchant',
    state: sandbox,
    step: { call: 'sim', op: 'createMerchant', body: { environment: 'sandbox', name: 'Test shop' }, expect: { status: 201 } },
    status: 201,
    body: { ...merchant, name: 'Test shop', environment: 'sandbox' },
  },
  {
    description: 'a request to create a merchant of an unknown environment',
    state: sandbox,
    step: { call: 'sim', op: 'createMerchant', body: { environment: 'staging' }, expect: { status: 400 } },
    status: 400,
    body: error('VALIDATION_ERROR', [{ field: 'body.environment', rule: 'enum' }]),
  },
  {
    description: 'the catalogue of test numbers and cards',
    state: sandbox,
    step: { call: 'sim', op: 'listScenarios', expect: { status: 200 } },
    status: 200,
    body: {
      scenarios: M.eachLike({
        outcome: text('success'),
        status: text('COMPLETED'),
        description: text('The shopper enters the PIN'),
        trigger: { kind: text('mobile') },
      }),
    },
  },
  {
    description: 'the callback signing key',
    state: sandbox,
    step: { call: 'sim', op: 'getCallbackPublicKey', expect: { status: 200 } },
    status: 200,
  },
  {
    description: 'the callbacks of a paid intent',
    state: completed('ORDER123'),
    step: { call: 'sim', op: 'listCallbacks', reference: REF, expect: { status: 200 } },
    status: 200,
    body: {
      callbacks: M.eachLike({
        id: text('cb_0123'),
        kind: 'payment',
        merchantId: text('mer_1c9a0e3b5d7f'),
        reference: ref(),
        url: text('http://localhost:3000/_sim/inbox/provider-states'),
        state: text('pending'),
        body: { status: 'COMPLETED', key: 'ORDER123' },
        createdAt: date(),
        deliveries: M.atLeastLike({ at: date(), ok: M.boolean(true) }, 0),
      }),
    },
  },
  {
    description: 'an unsigned callback posted to an inbox',
    state: sandbox,
    step: { call: 'sim', op: 'receiveInboxCallback', name: 'pact-inbox', body: { status: 'COMPLETED', key: 'ORDER123' }, expect: { status: 200 } },
    status: 200,
    body: { received: true, signatureValid: false },
  },
  {
    description: 'the messages of an empty inbox',
    state: sandbox,
    step: { call: 'sim', op: 'listInbox', name: 'pact-empty-inbox', expect: { status: 200 } },
    status: 200,
    body: { name: 'pact-empty-inbox', messages: [] },
  },
  {
    description: 'the shopper passing a waiting challenge',
    state: challenge('ORDER123'),
    step: { call: 'answerChallenge', reference: REF, answer: 'authenticate', expect: { status: 200 } },
    status: 200,
    body: { reference: ref(), action: 'MAKE_PAYMENT', message: text('Authentication successful'), status: 'PENDING' },
  },
  {
    description: 'the shopper failing a waiting challenge',
    state: challenge('ORDER123'),
    step: { call: 'answerChallenge', reference: REF, answer: 'fail', expect: { status: 200 } },
    status: 200,
    body: { reference: ref(), action: 'FAILED', message: text('Authentication failed'), status: 'PENDING' },
  },
  {
    description: 'an answer to a challenge that is not waiting',
    state: pending('ORDER123'),
    step: { call: 'answerChallenge', reference: REF, answer: 'authenticate', expect: { status: 409 } },
    status: 409,
    body: error('CHALLENGE_NOT_PENDING'),
  },
  {
    description: 'the checkout state of an expired intent',
    state: 'a sandbox merchant with an expired intent with key ORDER123',
    step: { call: 'sim', op: 'getCheckoutState', reference: REF, expect: { status: 200 } },
    status: 200,
    body: {
      reference: ref(),
      merchant: text('Pact provider state (sandbox)'),
      environment: 'sandbox',
      amount: 1500,
      currency: 'KES',
      description: 'Order ORDER123',
      status: 'FAILED',
      expired: true,
      expiresAt: date(),
      returnUrl: text('https://shop.example/return'),
      attempt: null,
    },
  },
  {
    description: 'the list of provider states',
    state: sandbox,
    step: { call: 'sim', op: 'listProviderStates', expect: { status: 200 } },
    status: 200,
    body: {
      states: M.eachLike({
        name: text('a {environment} merchant'),
        description: text('A fresh merchant'),
        pattern: text('^an? (sandbox|production) merchant$'),
      }),
    },
  },
  {
    description: 'a request to set up a provider state',
    state: sandbox,
    step: { call: 'sim', op: 'applyProviderState', body: 'a sandbox merchant with a completed MPESA payment with key ORDER9', expect: { status: 200 } },
    status: 200,
    body: {
      key: 'ORDER9',
      reference: M.uuid(EXAMPLE_REFERENCE),
      merchantId: text('mer_1c9a0e3b5d7f'),
      tokenId: '00000000-0000-4000-8000-00000000000a',
      clientId: 'c0ffee0000000001',
      clientSecret: 'cGFjdC1zYW5kYm94LWtleQ==',
      apiKey: 'sk_sandbox_c0ffee0000000000000000000000000000000001',
    },
  },
];
