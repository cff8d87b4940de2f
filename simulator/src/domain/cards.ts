// Card rules a JSON schema cannot say (Luhn, expiry in the past, CVV length per brand), and the only
// form in which a card is ever kept: brand, first six, last four and expiry. The full number and the
// CVV never leave the request that carried them.
import type { components } from '../../../client/src/generated/littlepay.js';
import { luhn } from '../runtime/card-masking.js';
import { ApiError, type FieldError } from './errors.js';

export type CardDetails = components['schemas']['CardDetails'];
export type MaskedCard = components['schemas']['MaskedCard'];

export type Brand = 'visa' | 'mastercard' | 'amex' | 'discover' | 'jcb' | 'diners' | 'unionpay' | 'unknown';

/** IIN ranges, most specific first. A number no range claims is 'unknown' and still accepted. */
const BRANDS: Array<[Brand, RegExp]> = [
  ['amex', /^3[47]/],
  ['diners', /^3(0[0-5]|[68])/],
  ['jcb', /^35(2[89]|[3-8])/],
  ['discover', /^6(011|5|4[4-9])/],
  ['unionpay', /^62/],
  ['mastercard', /^(5[1-5]|2(2[2-9]|[3-6][0-9]|7[01]|720))/],
  ['visa', /^4/],
];

export function brandOf(number: string): Brand {
  return BRANDS.find(([, re]) => re.test(number))?.[0] ?? 'unknown';
}

/** A card number passes the Luhn check (one implementation for the card rules and the masking of logs). */
export const luhnValid = luhn;

/** "MM/YY" or "MM/YYYY" (the schema has checked the shape) as a month and a four-digit year. */
export function parseExpiry(exp: string): { month: number; year: number } {
  const [mm, yy] = exp.split('/') as [string, string];
  return { month: Number(mm), year: yy.length === 2 ? 2000 + Number(yy) : Number(yy) };
}

/** A card is valid through the last day of its expiry month (UTC). */
export function isExpiredCard(exp: string, nowMs: number): boolean {
  const { month, year } = parseExpiry(exp);
  return nowMs >= Date.UTC(year, month, 1); // month is 1-based, so this is the first day of the next month
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Checks a card given at `field` (e.g. "body.payment") and returns what may be kept of it. Every broken
 * rule is reported at once, each naming its field; the messages never repeat the number or the CVV.
 */
export function checkCard(card: CardDetails, field: string, nowMs: number): MaskedCard {
  const errors: FieldError[] = [];
  const brand = brandOf(card.cc_number);
  if (!luhnValid(card.cc_number)) {
    errors.push({ field: `${field}.cc_number`, rule: 'luhn', message: 'is not a valid card number (the Luhn check digit does not match)' });
  }
  if (isExpiredCard(card.cc_exp, nowMs)) {
    const { month, year } = parseExpiry(card.cc_exp);
    errors.push({ field: `${field}.cc_exp`, rule: 'notExpired', message: `the card expired at the end of ${pad(month)}/${year}` });
  }
  const cvvLength = brand === 'amex' ? 4 : 3;
  if (card.cc_cvv.length !== cvvLength) {
    const which = brand === 'amex' ? 'an American Express' : brand === 'unknown' ? 'this' : `a ${brand[0]!.toUpperCase()}${brand.slice(1)}`;
    errors.push({ field: `${field}.cc_cvv`, rule: 'cvvLength', message: `must be ${cvvLength} digits for ${which} card` });
  }
  if (card.cc_name.trim() === '') {
    errors.push({ field: `${field}.cc_name`, rule: 'notBlank', message: 'must name the cardholder' });
  }
  if (errors.length > 0) {
    throw new ApiError('INVALID_CARD', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
  }
  return maskCard(card);
}

export function maskCard(card: CardDetails): MaskedCard {
  const { month, year } = parseExpiry(card.cc_exp);
  return {
    brand: brandOf(card.cc_number),
    first6: card.cc_number.slice(0, 6),
    last4: card.cc_number.slice(-4),
    expiry: `${pad(month)}/${String(year).slice(-2)}`,
  };
}

export function sameCard(a: MaskedCard, b: MaskedCard): boolean {
  return a.first6 === b.first6 && a.last4 === b.last4 && a.expiry === b.expiry;
}
