// The journeys the drift check runs on both sides, as data: only calls a real sandbox merchant may make
// (no /_sim step), test cards, the smallest amount (1 KES), keys unique per run. A step that needs a shopper
// runs on the simulator, which plays the shopper its documented way, and is skipped on the real side.
// Strings may use ${run} (unique per run), ${inbox} (this side's callback URL for the journey), ${tokenId},
// ${shopperMobile} (the phone of whoever plays the shopper) and any value an earlier step saved from this
// side's own answer.
import { EXAMPLE_DEVICE_INFORMATION, type Schemas } from '../client/src/index.js';
import type { StepCall } from '../scenarios/index.js';
import { intent } from '../scenarios/journeys/intent.js';

type ApiCall = Extract<
  StepCall,
  { call: 'createIntent' | 'processPayment' | 'createPaToken' | 'checkEnrollment' | 'getPaymentStatus' | 'refund' | 'answerChallenge' }
>;

export type DriftCall =
  | ApiCall
  /** A browser's CORS preflight, as the official client's calls from a shop's page cause. */
  | { call: 'preflight'; path: string; method: string; headers: string }
  /** The journey's `count`th callback: from the simulator's inbox, or the receiver behind --callback-url. */
  | { call: 'awaitCallback'; count: number };

type StepOptions = {
  /** Values to keep from this side's answer, name → dotted path. */
  save?: Record<string, string>;
  /** The step needs a shopper: why the real side cannot run it (the simulator plays the shopper). */
  shopper?: string;
  /** On the real side the shopper can be the integrator, with a phone of their own (--shopper-mobile). */
  realShopper?: 'mobile';
  /** Sent with a wrong client secret, to compare the answer to bad credentials. */
  wrongSecret?: true;
};

/** A challenge answer goes through the simulator's /_sim, so it must say why the real side skips it. */
export type DriftStep =
  (Exclude<DriftCall, { call: 'answerChallenge' }> & StepOptions) | (Extract<DriftCall, { call: 'answerChallenge' }> & StepOptions & { shopper: string });

export interface DriftJourney {
  name: string;
  summary: string;
  /** What the journey costs on the real sandbox, in transactions. */
  cost: string;
  steps: DriftStep[];
}

/** The smallest amount the contract allows (and M-Pesa's rounding keeps). */
const AMOUNT = 1;

/** Cybersource's 3-D Secure test billing data, which the card samples of Little Pay's guides use. */
const CYBS_BILLING = {
  firstName: 'Jane',
  lastName: 'Doe',
  address1: '1 Market St',
  locality: 'San Francisco',
  postalCode: '94105',
  country: 'US',
  email: 'test@cybs.com',
};

const MPESA_PIN =
  'needs a shopper to enter the M-Pesa PIN on a phone, and Little Pay documents no sandbox test number (littlepay-api.md §8): give --shopper-mobile with a phone you hold to run it; the simulator plays the shopper with its success test number';
const CHALLENGE = 'needs a shopper to answer the issuer challenge in a browser at stepUpUrl; the simulator plays the shopper through its challenge answer';

function cardIntent(key: string): Schemas['CreateIntentRequest'] {
  return { ...intent(key, AMOUNT), description: `Drift check ${key}`, returnUrl: 'https://shop.example/return', payload: { billingAddress: CYBS_BILLING } };
}

/** The drift plan. Test cards expire in January three years on, as Cybersource's test set asks. */
export function driftPlan(year = new Date().getUTCFullYear()): DriftJourney[] {
  const card = (cc_number: string) => ({ cc_number, cc_cvv: '123', cc_exp: `01/${String((year + 3) % 100).padStart(2, '0')}`, cc_name: 'Jane Doe' });
  const deviceInformation = EXAMPLE_DEVICE_INFORMATION;
  const small = (key: string, amount = AMOUNT) => ({ ...intent(key, amount), description: `Drift check ${key}` });
  return [
    {
      name: 'intent-and-errors',
      summary: 'CORS preflight, create-intent and its retries, and the answers to bad input, bad credentials, unknown keys and an unpaid refund',
      cost: 'one intent, never paid; no transaction',
      steps: [
        { call: 'preflight', path: '/api/payments/${tokenId}/pay', method: 'POST', headers: 'authorization,content-type' },
        { call: 'createIntent', body: small('DRIFT${run}A'), save: { ref: 'data.reference' } },
        { call: 'createIntent', body: small('DRIFT${run}A') },
        { call: 'createIntent', body: small('DRIFT${run}A', AMOUNT + 1) },
        { call: 'createIntent', body: small('DRIFT${run}Z'), wrongSecret: true },
        { call: 'processPayment', reference: '${ref}', body: { type: 'MPESA', payment: { mobile: 'abc' } } },
        { call: 'getPaymentStatus', key: 'DRIFT${run}A' },
        { call: 'getPaymentStatus', key: '${ref}' },
        { call: 'getPaymentStatus', key: 'DRIFT${run}NONE' },
        { call: 'refund', key: 'DRIFT${run}A', body: { amount: AMOUNT } },
      ],
    },
    {
      name: 'card-frictionless',
      summary: 'A frictionless test Visa: cspaToken, enroll, process, the signed callback, status, a full refund',
      cost: 'one card payment of 1 KES and its refund',
      steps: [
        { call: 'createIntent', body: cardIntent('DRIFT${run}C'), save: { ref: 'data.reference' } },
        { call: 'createPaToken', reference: '${ref}', body: { type: 'CARDS', payment: card('4000000000002701') } },
        { call: 'checkEnrollment', reference: '${ref}', body: { deviceInformation } },
        { call: 'processPayment', reference: '${ref}', body: { type: 'CARDS' }, longPoll: true },
        { call: 'awaitCallback', count: 1 },
        { call: 'getPaymentStatus', key: 'DRIFT${run}C' },
        { call: 'refund', key: 'DRIFT${run}C', body: { amount: AMOUNT, reason: 'Drift check' } },
      ],
    },
    {
      name: 'card-challenge',
      summary: 'A challenge test Mastercard: enroll AUTHENTICATE, process PENDING with its stepUpUrl; the challenge and what follows need a shopper',
      cost: 'one intent and one card attempt left pending; no transaction',
      steps: [
        { call: 'createIntent', body: cardIntent('DRIFT${run}D'), save: { ref: 'data.reference' } },
        { call: 'checkEnrollment', reference: '${ref}', body: { deviceInformation, type: 'CARDS', payment: card('5200000000002151') } },
        { call: 'processPayment', reference: '${ref}', body: { type: 'CARDS' } },
        { call: 'getPaymentStatus', key: 'DRIFT${run}D' },
        { call: 'answerChallenge', reference: '${ref}', answer: 'authenticate', shopper: CHALLENGE },
        { call: 'awaitCallback', count: 1 },
        { call: 'getPaymentStatus', key: 'DRIFT${run}D' },
      ],
    },
    {
      name: 'mpesa',
      summary:
        'An M-Pesa payment, its callback, status and refund: the PIN prompt needs a shopper, so without --shopper-mobile the real side stops after create-intent',
      cost: 'one intent, never paid; with --shopper-mobile, one M-Pesa payment of 1 KES and its refund',
      steps: [
        { call: 'createIntent', body: small('DRIFT${run}M'), save: { ref: 'data.reference' } },
        {
          call: 'processPayment',
          reference: '${ref}',
          body: { type: 'MPESA', payment: { mobile: '${shopperMobile}' } },
          longPoll: true,
          shopper: MPESA_PIN,
          realShopper: 'mobile',
        },
        { call: 'awaitCallback', count: 1 },
        { call: 'getPaymentStatus', key: 'DRIFT${run}M' },
        { call: 'refund', key: 'DRIFT${run}M', body: { amount: AMOUNT, callbackUrl: '${inbox}' } },
      ],
    },
  ];
}

/**
 * The per-run id in every key: six base-36 characters of the time in tenths of a second (unique for six
 * years), so a key (`DRIFT` + id + a letter) is 12 characters, the documented upper bound. It always holds
 * a digit: an all-letter key would read as a code and be compared by value (docs/decisions/0101).
 */
export function runIdAt(ms: number): string {
  const id = Math.floor(ms / 100)
    .toString(36)
    .toUpperCase()
    .padStart(6, '0')
    .slice(-6);
  return /\d/.test(id) ? id : `${id.slice(0, 5)}0`;
}

/** The step's label in reports and recordings: its call, numbered when the journey makes it again. */
export function stepLabels(journey: DriftJourney): string[] {
  const seen = new Map<string, number>();
  return journey.steps.map((s) => {
    const n = (seen.get(s.call) ?? 0) + 1;
    seen.set(s.call, n);
    return n === 1 ? s.call : `${s.call} #${n}`;
  });
}
