// The one card masker. No full card number or CVV may leave the simulator whole: not in a log line, the
// request journal or a /_sim answer, however it was sent (a string, a JSON number, a path, a query string,
// a header, free text next to other digits). A card number keeps its first six and last four digits (what
// a receipt or a gateway dashboard shows); a CVV is replaced whole. Two entry points share the key lists
// and the digit rules: maskCardData for parsed JSON (the journal), maskCardText for any text (log lines,
// URLs, answers). It sits in runtime/, the bottom layer, because the logger masks every line with it and
// may import nothing above itself (docs/guides/architecture.md); the domain's card rules take luhn from here.

/** Field names that hold a card number or a CVV, in the API (cc_number, cc_cvv) and the usual other spellings. */
const NUMBER_KEYS = String.raw`(?:cc_?|card_?)?number|pan`;
const CVV_KEYS = String.raw`(?:cc_?|card_?)?(?:cvv2?|cvc2?)|security_?code`;

const NUMBER_KEY = new RegExp(`^(?:${NUMBER_KEYS})$`, 'i');
const CVV_KEY = new RegExp(`^(?:${CVV_KEYS})$`, 'i');

// In text: a key (quoted, escaped-quoted inside another string, or a query parameter) and its separator.
const QUOTE = String.raw`\\?["']`;
const KEY = (keys: string) => String.raw`(?:${QUOTE})?(?<![\w-])(?:${keys})(?:${QUOTE})?\s*[:=]\s*`;
// A quoted value runs to its closing quote and may be grouped ("4111 1111 1111 1111"); an unquoted one
// (a JSON number, a query parameter) is its digits only.
const QUOTED_NUMBER = new RegExp(String.raw`(${KEY(NUMBER_KEYS)}${QUOTE})(\d[\d -]*\d)(?=${QUOTE})`, 'gi');
const BARE_NUMBER_FIELD = new RegExp(String.raw`(${KEY(NUMBER_KEYS)})(\d+)`, 'gi');
const CVV_FIELD = new RegExp(String.raw`(${KEY(CVV_KEYS)}(?:${QUOTE})?)([^"'\\&,;}\s]+)`, 'gi');
// 13 or more digits, in groups split by single spaces or dashes. Not a JSON field's number ("time":...):
// card numbers are strings or text.
const DIGIT_RUN = /(?<!\d|":\s*)\d(?:[ -]?\d){12,}(?!\d)/g;
// What any rule could match, looked for in JSON text (mayHoldCardData): a run of 13 digits (DIGIT_RUN), a
// word a card-number or CVV key is made of (the key rules mask 12 digits too), or an escape. A mobile
// number is 12 digits (254712345678), so a mobile-money payment is kept as it came, uncopied.
const MAYBE_CARD_DATA = /\\|cvv|cvc|security_?code|number|pan|\d(?:[\s-]*\d){12}/i;

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

/**
 * The stretches of a digit run (its digits without separators) that hold a card number: groups that
 * together make 13 to 19 digits passing the Luhn check ("4000000000002701 123": the first group), and
 * inside a longer unbroken group, any 13 to 19 digits that start like a card (2 to 6) and pass it.
 */
function cardStretches(groups: string[]): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  const starts = [0];
  for (const g of groups) starts.push(starts.at(-1)! + g.length);
  const digits = groups.join('');
  for (let a = 0; a < groups.length; a++) {
    for (let b = a + 1; b <= groups.length; b++) {
      const length = starts[b]! - starts[a]!;
      if (length > 19) break;
      if (length >= 13 && luhn(digits.slice(starts[a], starts[b]))) found.push([starts[a]!, starts[b]!]);
    }
  }
  groups.forEach((g, i) => {
    if (g.length < 14 || found.some(([s, e]) => s <= starts[i]! && e >= starts[i + 1]!)) return;
    for (let s = 0; s + 13 <= g.length; s++) {
      if (g[s]! < '2' || g[s]! > '6') continue;
      for (let n = 13; n <= 19 && s + n <= g.length; n++) if (luhn(g.slice(s, s + n))) found.push([starts[i]! + s, starts[i]! + s + n]);
    }
  });
  return found;
}

/** A digit run with every card number in it masked (its groups written as one, as a receipt shows it). */
function maskDigitRun(run: string): string {
  const groups = run.split(/[ -]/);
  const stretches = cardStretches(groups).sort((x, y) => x[0] - y[0]);
  if (stretches.length === 0) return run;
  // Overlapping stretches are one: the first six and last four of the whole are all that is shown.
  const merged: Array<[number, number]> = [];
  for (const [s, e] of stretches) {
    const last = merged.at(-1);
    if (last && s < last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  const digits = groups.join('');
  const at: number[] = []; // the position in `run` of each digit
  for (let i = 0; i < run.length; i++) if (run[i] !== ' ' && run[i] !== '-') at.push(i);
  let out = run;
  for (const [s, e] of merged.reverse()) out = out.slice(0, at[s]) + maskCardNumber(digits.slice(s, e)) + out.slice(at[e - 1]! + 1);
  return out;
}

/** Whether text holds a card number the masker would mask by its digits alone (CI's card-data scan). */
export function holdsCardNumber(text: string): boolean {
  for (const m of text.matchAll(DIGIT_RUN)) if (cardStretches(m[0].split(/[ -]/)).length > 0) return true;
  return false;
}

/** A JSON number after "key": becomes a string once masked, so a JSON log line stays valid JSON. */
const quoted = (head: string, masked: string) => (/:\s*$/.test(head) ? `${head}"${masked}"` : head + masked);

/** Any text (a log line, a URL, an answer's body) with every card number and CVV in it masked. */
export function maskCardText(text: string): string {
  return text
    .replace(QUOTED_NUMBER, (_m, head: string, value: string) => head + maskCardNumber(value))
    .replace(BARE_NUMBER_FIELD, (_m, head: string, value: string) => quoted(head, maskCardNumber(value)))
    .replace(CVV_FIELD, (_m, head: string) => quoted(head, '***'))
    .replace(DIGIT_RUN, maskDigitRun);
}

function maskString(key: string | undefined, value: string): string {
  if (key !== undefined && CVV_KEY.test(key)) return '***';
  // A card number has at least 12 digits: the short strings of every body (most of them) are left at once.
  if (value.length < 12) return value;
  if (key !== undefined && NUMBER_KEY.test(key) && /^\d{12,19}$/.test(value.replace(/[\s-]/g, ''))) return maskCardNumber(value);
  // Mobile numbers are 12 digits with the country code (254712345678): no rule below takes fewer than 13.
  return value.replace(DIGIT_RUN, maskDigitRun);
}

function maskNumber(key: string | undefined, value: number): number | string {
  if (key === undefined) return value;
  if (CVV_KEY.test(key)) return '***';
  // A card number sent as a JSON number (above 2^53 it is no longer exact, but its digits still show).
  if (NUMBER_KEY.test(key) && Number.isInteger(value) && value >= 1e11) return maskCardNumber(BigInt(value).toString());
  return value;
}

/** A deep copy of parsed JSON with every card number and CVV masked, whatever its shape. */
export function maskCardData(value: unknown, key?: string): unknown {
  if (typeof value === 'string') return maskString(key, value);
  if (typeof value === 'number') return maskNumber(key, value);
  if (Array.isArray(value)) return value.map((v) => maskCardData(v));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, maskCardData(v, k)]));
  }
  return value;
}

/**
 * False only when maskCardData and maskCardText would leave `text` (JSON, or a URL) exactly as it is: no run
 * of 13 or more digits (with spaces or dashes between them), none of the words a card-number or CVV key is
 * made of, and no escape (behind which either could hide). Lets a caller keep such text as it is, without
 * the copy masking makes.
 */
export function mayHoldCardData(text: string): boolean {
  return MAYBE_CARD_DATA.test(text);
}
