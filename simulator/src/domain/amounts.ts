// The amount rule (docs/decisions/0073), in one place: an amount is positive, finite and a whole number of
// the smallest unit money can move in. For an intent and a card that is the currency's minor unit (KES:
// 0.01, UGX: 1); mobile money moves whole units only (M-Pesa rounds decimals, littlepay-api.md §3.4, and
// every wallet is treated alike). Before the rule, an MTN payment of 5e-324 KES completed and a refund of
// 1e-300 was stored as a COMPLETED refund of 0.
import { fieldError } from './errors.js';

const digitsByCurrency = new Map<string, number>();

/**
 * Decimal places of the currency's minor unit, from ISO 4217 as Node's ICU data carries it (KES 2, UGX 0,
 * BHD 3); an unknown code gets 2, the most common.
 */
export function minorUnitDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/** Mobile money moves whole units. */
export const MOBILE_MONEY_DIGITS = 0;

/** The amount in minor units when it is a whole, positive number of them; null otherwise. */
function inMinorUnits(amount: number, digits: number): number | null {
  if (!Number.isFinite(amount) || amount <= 0) return null;
  const scaled = amount * 10 ** digits;
  const units = Math.round(scaled);
  // Binary floating point: 0.29 * 100 is 28.999999999999996, still 29 cents.
  return units >= 1 && Math.abs(scaled - units) < 1e-6 * Math.max(1, units) ? units : null;
}

/** Rounds a sum or difference of amounts back onto the unit (binary floating point drifts). */
export function roundToUnit(amount: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(amount * factor) / factor;
}

function unitText(digits: number, currency: string): string {
  return digits === 0 ? `whole ${currency}` : `${(1 / 10 ** digits).toFixed(digits)} ${currency}`;
}

/** Throws a 400 naming `field` unless the amount is a whole, positive number of the unit. */
export function checkAmount(amount: number, currency: string, field: string, digits = minorUnitDigits(currency)): void {
  if (inMinorUnits(amount, digits) !== null) return;
  const rule = digits === 0 ? 'wholeUnits' : 'minorUnit';
  const unit = unitText(digits, currency);
  throw fieldError(
    'VALIDATION_ERROR',
    field,
    rule,
    `must be a positive whole number of ${digits === 0 ? 'units' : 'the smallest unit'} (${unit}), got ${amount}`,
  );
}
