// The rules of saved cards (tokenization), as pure functions: when a payment saves a card, which
// intents a token may pay, and what a payment with a token gets. The Tokenization Guide's "Security &
// Compliance" rules are the checks of checkTokenUse; the choices where the guide is silent are in
// docs/decisions/0013-tokenization.md.
import { cardOutcomes, type CardOutcomeName } from './catalogue.js';
import { isExpiredCard } from './cards.js';
import { ApiError, type FieldError } from './errors.js';
import type { IntentRecord, MerchantRecord, Provider, TokenRecord } from './records.js';

const FIELD = 'body.payment.customer.id';

/** Little Pay's token format (Cybersource's): 32 upper-case hexadecimal characters. */
export const TOKEN_LENGTH = 32;

/** A successful card payment on an intent created with metadata.createCustomer saves the card. */
export function savesCard(intent: IntentRecord): boolean {
  return intent.metadata.createCustomer === true;
}

function tokenError(code: 'TOKEN_NOT_FOUND' | 'TOKEN_OTHER_MERCHANT' | 'TOKEN_WRONG_ENVIRONMENT', rule: string, message: string): ApiError {
  const error: FieldError = { field: FIELD, rule, message };
  return new ApiError(code, `${FIELD}: ${message}`, [error]);
}

/**
 * Whether `token` may pay an intent of `merchant`; throws the rule it breaks. The environment is checked
 * before the merchant: a token of the other environment is always another merchant's too, and mixing
 * sandbox and production is the mistake worth naming. Messages never say whose token it is.
 */
export function checkTokenUse(id: string, token: TokenRecord | undefined, merchant: MerchantRecord): TokenRecord {
  if (!token) {
    const why = 'a token is issued only by a successful card payment on an intent created with metadata.createCustomer: true';
    throw tokenError('TOKEN_NOT_FOUND', 'exists', `no saved card has the token ${id}; ${why}`);
  }
  if (token.environment !== merchant.environment) {
    const rule = 'tokens created in the sandbox are not valid in production, and production tokens are not valid in the sandbox';
    throw tokenError(
      'TOKEN_WRONG_ENVIRONMENT',
      'sameEnvironment',
      `the token was created in ${token.environment} and this intent belongs to a ${merchant.environment} merchant; ${rule}`,
    );
  }
  if (token.merchantId !== merchant.id) {
    const rule = 'tokens are linked to the merchant account that created them and cannot be used with another';
    throw tokenError('TOKEN_OTHER_MERCHANT', 'sameMerchant', `the token was created for another merchant account; ${rule}`);
  }
  return token;
}

/**
 * The outcome a payment with a saved card chooses (before any queued override), or undefined for
 * success. No 3-D Secure runs for a saved card (the shopper is not there to answer a challenge), so the
 * outcomes that only decide authentication do not apply, and no CVV is sent, so it cannot mismatch.
 * The authorisation declines apply as they did to the card, and a card past its expiry month (on the
 * merchant's clock) is declined as expired.
 */
export function savedCardOutcome(token: TokenRecord, nowMs: number): string | undefined {
  if (isExpiredCard(token.card.expiry, nowMs)) return 'expired_card';
  const outcome = token.cardOutcome;
  if (outcome === 'test_card_in_production') return outcome;
  if (!(outcome in cardOutcomes)) return undefined;
  const card = cardOutcomes[outcome as CardOutcomeName];
  const authorisationDecline = card.enroll === 'MAKE_PAYMENT' && card.status === 'FAILED' && outcome !== 'wrong_cvv';
  return authorisationDecline ? outcome : undefined;
}

/** A simulator header (like X-Sim-Fault) explaining an answer the real API would give without a word. */
export const NOTICE_HEADER = 'x-sim-notice';

/** What X-Sim-Notice says about a payment on an intent whose createCustomer cannot be honoured. */
export function createCustomerNotice(intent: IntentRecord, provider: Provider): string | undefined {
  if (!savesCard(intent) || provider === 'CARDS') return undefined;
  return `CREATE_CUSTOMER_CARDS_ONLY; metadata.createCustomer saves a card: this ${provider} payment creates no token (tokenInformation is left out of its callback and status)`;
}
