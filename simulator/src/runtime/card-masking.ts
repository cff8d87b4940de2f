// No full card number or CVV may reach a log line, whatever put it there: a handler's log call, an error
// whose message echoes the body, a URL. Every line pino writes goes through maskCardData (its streamWrite
// hook), so the rule holds in one place. Card numbers keep their first six and last four digits (what a
// receipt or a gateway dashboard shows); CVVs are replaced whole.

/** Field names that hold a card number, in the API (cc_number) and in the usual other spellings. */
const NUMBER_KEYS = 'cc_?number|ccNumber|card_?number|cardNumber|pan';
const CVV_KEYS = 'cc_?cvv|ccCvv|card_?cvv|cardCvv|cvv2?|cvc2?|security_?code|securityCode';

// A key (quoted, escaped-quoted inside another string, or a query parameter) and its separator.
const QUOTE = String.raw`\\?["']`;
const KEY = (keys: string) => String.raw`(?:${QUOTE})?(?<!\w)(?:${keys})(?:${QUOTE})?\s*[:=]\s*`;
// A quoted value runs to its closing quote and may be grouped ("4111 1111 1111 1111"); an unquoted one
// (a JSON number, a query parameter) is its digits only.
const QUOTED_NUMBER = new RegExp(String.raw`(${KEY(NUMBER_KEYS)}${QUOTE})(\d[\d -]*\d)(?=${QUOTE})`, 'gi');
const BARE_NUMBER_FIELD = new RegExp(String.raw`(${KEY(NUMBER_KEYS)})(\d+)`, 'gi');
const CVV_FIELD = new RegExp(String.raw`(${KEY(CVV_KEYS)}(?:${QUOTE})?)([^"'\\&,;}\s]+)`, 'gi');
// 13 to 19 digits, optionally in groups split by single spaces or dashes. Not after ':' ',' '[' or '.', so
// JSON numbers (pino's "time", latencies) are left alone; card numbers are strings or text.
const BARE_NUMBER = /(?<![\d:,[.])\d(?:[ -]?\d){12,18}(?!\d)/g;

/** The Luhn check digit test, for every place that tells a card number from other digits. */
export function luhn(digits: string): boolean {
  if (digits.length === 0) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** 4111111111111111 → 411111******1111; fewer than 13 digits are masked whole (first six and last four would be all of it). */
export function maskCardNumber(value: string): string {
  const digits = value.replace(/\D/g, '');
  if (digits.length < 13) return '*'.repeat(digits.length);
  return `${digits.slice(0, 6)}${'*'.repeat(digits.length - 10)}${digits.slice(-4)}`;
}

/** A bare JSON number after "key": becomes a string once masked, so a JSON log line stays valid JSON. */
const quoted = (head: string, masked: string) => (/:\s*$/.test(head) ? `${head}"${masked}"` : head + masked);

export function maskCardData(line: string): string {
  return line
    .replace(QUOTED_NUMBER, (_m, head: string, value: string) => head + maskCardNumber(value))
    .replace(BARE_NUMBER_FIELD, (_m, head: string, value: string) => quoted(head, maskCardNumber(value)))
    .replace(CVV_FIELD, (_m, head: string) => quoted(head, '***'))
    .replace(BARE_NUMBER, (m) => {
      const digits = m.replace(/\D/g, '');
      return luhn(digits) ? maskCardNumber(digits) : m;
    });
}
