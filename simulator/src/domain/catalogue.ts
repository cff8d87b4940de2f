// The one catalogue of test numbers and test cards and the outcome each triggers. The simulator serves
// it at GET /_sim/scenarios and the tables of docs/guides/test-numbers.md are generated from it (npm run docs:scenarios).
// Any other valid number or Luhn-valid card succeeds. Mobile result codes and texts are Safaricom's STK
// codes (littlepay-api.md §8); card reason codes are Cybersource's, whose 3-D Secure 2.2 test cards the
// sandbox follows.
import type { Environment, MobileProvider, PaymentStatus } from './records.js';
import { refundOutcomes, type RefundOutcome } from './refund-outcomes.js';

export interface MobileOutcome {
  outcome: string;
  status: Exclude<PaymentStatus, 'PENDING'>;
  description: string;
  /** The provider's result code and text, as the M-Pesa leg reports them. */
  resultCode: number;
  message: string;
  /** 'pin' resolves after the PIN delay; 'slow' after the long-poll window has closed. */
  timing: 'pin' | 'slow';
}

export const mobileOutcomes = {
  success: {
    outcome: 'success',
    status: 'COMPLETED',
    description: 'The shopper enters the PIN; the payment completes',
    resultCode: 0,
    message: 'The service request is processed successfully.',
    timing: 'pin',
  },
  insufficient_funds: {
    outcome: 'insufficient_funds',
    status: 'FAILED',
    description: 'The wallet balance is too low',
    resultCode: 1,
    message: 'The balance is insufficient for the transaction.',
    timing: 'pin',
  },
  cancelled_by_user: {
    outcome: 'cancelled_by_user',
    status: 'FAILED',
    description: 'The shopper cancels the PIN prompt',
    resultCode: 1032,
    message: 'Request cancelled by user.',
    timing: 'pin',
  },
  no_pin_entered: {
    outcome: 'no_pin_entered',
    status: 'FAILED',
    description: 'The shopper never answers the PIN prompt (timeout)',
    resultCode: 1037,
    message: 'DS timeout user cannot be reached.',
    timing: 'pin',
  },
  wrong_pin: {
    outcome: 'wrong_pin',
    status: 'FAILED',
    description: 'The shopper enters a wrong PIN',
    resultCode: 2001,
    message: 'The initiator information is invalid.',
    timing: 'pin',
  },
  subscriber_busy: {
    outcome: 'subscriber_busy',
    status: 'FAILED',
    description: 'Another transaction is in progress for this number',
    resultCode: 1001,
    message: 'Unable to lock subscriber, a transaction is already in process for the current subscriber.',
    timing: 'pin',
  },
  slow_success: {
    outcome: 'slow_success',
    status: 'COMPLETED',
    description: 'Completes only after the long-poll window has closed (the answer is PENDING)',
    resultCode: 0,
    message: 'The service request is processed successfully.',
    timing: 'slow',
  },
} as const satisfies Record<string, MobileOutcome>;

export type MobileOutcomeName = keyof typeof mobileOutcomes;

/** Each provider's test numbers: its country code, a fixed prefix, and a suffix per outcome. */
const providerPrefixes: Record<MobileProvider, string> = {
  MPESA: '2547000000',
  AIRTEL: '2547330000',
  MTN: '2332400000',
  TIGOPESA: '2557100000',
};
const suffixes: Record<MobileOutcomeName, string> = {
  success: '00',
  insufficient_funds: '01',
  cancelled_by_user: '32',
  no_pin_entered: '37',
  wrong_pin: '20',
  subscriber_busy: '11',
  slow_success: '99',
};

export type EnrollAction = 'MAKE_PAYMENT' | 'AUTHENTICATE' | 'FAILED';

export interface CardOutcome {
  outcome: string;
  status: Exclude<PaymentStatus, 'PENDING'>;
  description: string;
  /** Cybersource's reason code and a text for it. */
  resultCode: number;
  message: string;
  /** What enroll answers for the card. */
  enroll: EnrollAction;
  /** For AUTHENTICATE: whether the issuer accepts the shopper's "Authenticate" at the challenge. */
  challengePasses?: boolean;
}

/** Outcomes a card number chooses. */
export const cardOutcomes = {
  success: {
    outcome: 'success',
    status: 'COMPLETED',
    description: 'Frictionless 3-D Secure (enroll answers MAKE_PAYMENT); the payment completes',
    resultCode: 100,
    message: 'Successful transaction',
    enroll: 'MAKE_PAYMENT',
  },
  challenge_success: {
    outcome: 'challenge_success',
    status: 'COMPLETED',
    description: 'Enroll answers AUTHENTICATE; "Authenticate" at the challenge passes and the payment completes',
    resultCode: 100,
    message: 'Successful transaction',
    enroll: 'AUTHENTICATE',
    challengePasses: true,
  },
  challenge_failed: {
    outcome: 'challenge_failed',
    status: 'FAILED',
    description: 'Enroll answers AUTHENTICATE; the issuer fails the challenge whatever the shopper answers',
    resultCode: 476,
    message: 'Payer authentication failed at the challenge',
    enroll: 'AUTHENTICATE',
    challengePasses: false,
  },
  authentication_failed: {
    outcome: 'authentication_failed',
    status: 'FAILED',
    description: 'Frictionless authentication rejected: enroll answers FAILED',
    resultCode: 476,
    message: 'The issuer rejected the authentication',
    enroll: 'FAILED',
  },
  declined: {
    outcome: 'declined',
    status: 'FAILED',
    description: 'Authenticated, then declined by the issuer (generic decline)',
    resultCode: 203,
    message: 'General decline of the card',
    enroll: 'MAKE_PAYMENT',
  },
  insufficient_funds: {
    outcome: 'insufficient_funds',
    status: 'FAILED',
    description: 'Authenticated, then declined for insufficient funds',
    resultCode: 204,
    message: 'Insufficient funds in the account',
    enroll: 'MAKE_PAYMENT',
  },
  expired_card: {
    outcome: 'expired_card',
    status: 'FAILED',
    description: 'Authenticated, then declined: the issuer reports the card expired',
    resultCode: 202,
    message: 'Expired card',
    enroll: 'MAKE_PAYMENT',
  },
  wrong_cvv: {
    outcome: 'wrong_cvv',
    status: 'FAILED',
    description: 'Authenticated, then declined: the CVV does not match',
    resultCode: 211,
    message: 'Invalid card verification number (CVV)',
    enroll: 'MAKE_PAYMENT',
  },
  processor_error: {
    outcome: 'processor_error',
    status: 'FAILED',
    description: 'Authenticated, then the card processor fails',
    resultCode: 236,
    message: 'Processor failure',
    enroll: 'MAKE_PAYMENT',
  },
} as const satisfies Record<string, CardOutcome>;

export type CardOutcomeName = keyof typeof cardOutcomes;

/**
 * Outcomes the shopper, the clock or the environment choose rather than the number. They end a card
 * attempt as FAILED with Cybersource's payer-authentication code (476) or a decline (203).
 */
export const cardEventOutcomes = {
  challenge_rejected: {
    outcome: 'challenge_rejected',
    description: 'The shopper answers "Fail" at the challenge',
    resultCode: 476,
    message: 'The shopper failed the authentication challenge',
    how: 'answer "Fail" on the challenge page',
  },
  challenge_cancelled: {
    outcome: 'challenge_cancelled',
    description: 'The shopper answers "Cancel" at the challenge',
    resultCode: 476,
    message: 'The shopper cancelled the authentication',
    how: 'answer "Cancel" on the challenge page',
  },
  authentication_timeout: {
    outcome: 'authentication_timeout',
    description: 'Enrollment or the challenge is not completed in time (THREE_DS_TIMEOUT_MS, 10 minutes by default)',
    resultCode: 476,
    message: 'Authentication timed out: 3-D Secure was not completed in time',
    how: 'abandon the challenge, or never call enroll, and let the timeout pass',
  },
  avs_declined: {
    outcome: 'avs_declined',
    description: 'Authenticated and approved by the issuer, then declined by the address verification (AVS) rule the merchant has (docs/decisions/0081)',
    resultCode: 200,
    message: 'Declined by address verification (AVS): the billing address is missing or incomplete',
    how: 'pay by card on an intent without payload.billingAddress (the default rule, no_address), or without a complete address under the complete_address rule; PUT /_sim/merchants/{id}/avs switches it',
  },
  test_card_in_production: {
    outcome: 'test_card_in_production',
    description: 'Any catalogue card used with a production merchant is declined, as production does',
    resultCode: 203,
    message: 'Declined: test cards are not accepted by a production merchant',
    how: 'pay a production merchant with any card of this table',
  },
} as const;

export type CardEventOutcomeName = keyof typeof cardEventOutcomes;

/** The test cards: Cybersource's 3-D Secure 2.2 set for authentication, well-known numbers for declines. */
const testCards: Array<{ card: string; brand: string; outcome: CardOutcomeName }> = [
  { card: '4000000000002701', brand: 'visa', outcome: 'success' },
  { card: '5200000000002235', brand: 'mastercard', outcome: 'success' },
  { card: '4000000000002503', brand: 'visa', outcome: 'challenge_success' },
  { card: '5200000000002151', brand: 'mastercard', outcome: 'challenge_success' },
  { card: '4000000000002370', brand: 'visa', outcome: 'challenge_failed' },
  { card: '5200000000002490', brand: 'mastercard', outcome: 'challenge_failed' },
  { card: '4000000000002925', brand: 'visa', outcome: 'authentication_failed' },
  { card: '5200000000002276', brand: 'mastercard', outcome: 'authentication_failed' },
  { card: '4000000000000002', brand: 'visa', outcome: 'declined' },
  { card: '4000000000009995', brand: 'visa', outcome: 'insufficient_funds' },
  { card: '4000000000000069', brand: 'visa', outcome: 'expired_card' },
  { card: '4000000000000127', brand: 'visa', outcome: 'wrong_cvv' },
  { card: '4000000000000119', brand: 'visa', outcome: 'processor_error' },
];
const cardsByNumber = new Map(testCards.map((c) => [c.card, c.outcome]));

/** Every test card number (for tests that prove no full number is ever stored or logged). */
export const TEST_CARD_NUMBERS: readonly string[] = testCards.map((c) => c.card);

/**
 * The outcome a card number chooses in an environment: a catalogue card decides in sandbox and is
 * declined in production; any other (Luhn-valid) card chooses nothing (and succeeds frictionless).
 */
export function cardOutcomeFor(number: string, environment: Environment): CardOutcomeName | 'test_card_in_production' | undefined {
  const outcome = cardsByNumber.get(number);
  if (outcome && environment === 'production') return 'test_card_in_production';
  return outcome;
}

export interface CatalogueEntry {
  outcome: string;
  status: 'COMPLETED' | 'FAILED';
  description: string;
  message: string;
  resultCode?: number;
  /** For cards: what enroll answers. */
  enroll?: EnrollAction;
  /** For refunds, what the refund call answers; absent when that depends on the provider (cards COMPLETED, mobile money PENDING). */
  answer?: PaymentStatus;
  trigger: { kind: 'mobile' | 'card' | 'refund'; provider?: string; mobile?: string; card?: string; brand?: string; amount?: number; how?: string };
}

export function catalogue(): CatalogueEntry[] {
  const entries: CatalogueEntry[] = [];
  for (const [provider, prefix] of Object.entries(providerPrefixes)) {
    for (const [name, suffix] of Object.entries(suffixes)) {
      const o: MobileOutcome = mobileOutcomes[name as MobileOutcomeName];
      entries.push({
        outcome: o.outcome,
        status: o.status,
        description: o.description,
        message: o.message,
        resultCode: o.resultCode,
        trigger: { kind: 'mobile', provider, mobile: `${prefix}${suffix}` },
      });
    }
  }
  for (const c of testCards) {
    const o: CardOutcome = cardOutcomes[c.outcome];
    entries.push({
      outcome: o.outcome,
      status: o.status,
      description: o.description,
      message: o.message,
      resultCode: o.resultCode,
      enroll: o.enroll,
      trigger: { kind: 'card', provider: 'CARDS', card: c.card, brand: c.brand },
    });
  }
  for (const o of Object.values(cardEventOutcomes)) {
    entries.push({
      outcome: o.outcome,
      status: 'FAILED',
      description: o.description,
      message: o.message,
      resultCode: o.resultCode,
      trigger: { kind: 'card', provider: 'CARDS', how: o.how },
    });
  }
  for (const o of Object.values(refundOutcomes) as RefundOutcome[]) {
    const trigger = o.amount === undefined ? { kind: 'refund' as const, how: 'any other amount' } : { kind: 'refund' as const, amount: o.amount };
    const answer = refundAnswer(o);
    entries.push({ outcome: o.outcome, status: o.status, description: o.description, message: o.message, ...(answer ? { answer } : {}), trigger });
  }
  return entries;
}

/** What the refund call answers for a refund outcome; undefined when the provider decides. */
function refundAnswer(o: RefundOutcome): PaymentStatus | undefined {
  if (o.timing === 'provider') return undefined;
  return o.timing === 'now' ? o.status : 'PENDING';
}
