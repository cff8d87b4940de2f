// Card data never leaves the simulator whole, not even in its own journal: a card number keeps its first
// six and last four digits (what a receipt may show), a CVV is replaced. Applied to any JSON, whatever its
// shape, so a new card field in a later contract is masked without a change here.
import { luhn, maskCardNumber } from '../runtime/card-masking.js';

const CVV_KEY = /^(cc_)?(cvv2?|cvc2?)$|security_?code/i;
const CARD_KEY = /^(cc_)?(number|card_?number|pan)$/i;
const CARD_DIGITS = /^\d{12,19}$/;
// Mobile numbers are 12 digits with the country code (254712345678) and are not card data.
const LOOSE_CARD_DIGITS = /^\d{13,19}$/;
const PHONE_KEY = /mobile|phone|msisdn/i;
const EMBEDDED = /\d(?:[ -]?\d){12,18}/g;
// What any of the rules above could match, looked for in JSON text (mayHoldCardData).
const MAYBE_CARD_DATA = /\\|cvv|cvc|security_?code|\d(?:[\s-]*\d){11}/i;

function maskValue(key: string | undefined, value: string): string {
  if (key !== undefined && CVV_KEY.test(key)) return '***';
  // A card number has at least 12 digits: the short strings of every body (most of them) are left at once.
  if (value.length < 12) return value;
  const digits = value.replace(/[\s-]/g, '');
  if (key !== undefined && CARD_KEY.test(key) && CARD_DIGITS.test(digits)) return maskCardNumber(digits);
  if (key !== undefined && PHONE_KEY.test(key)) return value;
  // Anywhere in any text (a description, a name): a run of 13-19 digits that passes the Luhn check.
  return value.replace(EMBEDDED, (run) => {
    const d = run.replace(/[\s-]/g, '');
    return LOOSE_CARD_DIGITS.test(d) && luhn(d) ? maskCardNumber(d) : run;
  });
}

/** A deep copy of `value` with every card number and CVV masked. */
export function maskCardData(value: unknown, key?: string): unknown {
  if (typeof value === 'string') return maskValue(key, value);
  if (typeof value === 'number' && key !== undefined && CVV_KEY.test(key)) return '***';
  if (Array.isArray(value)) return value.map((v) => maskCardData(v));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, maskCardData(v, k)]));
  }
  return value;
}

/**
 * False only when maskCardData would leave the JSON that `text` holds exactly as it is: no run of 12 or
 * more digits (with spaces or dashes between them), no CVV-like word, and no escape (behind which either
 * could hide). Lets a caller keep such text as it is, without the deep copy masking makes.
 */
export function mayHoldCardData(text: string): boolean {
  return MAYBE_CARD_DATA.test(text);
}
