// Masks an observation before it is written to a recording: no credential, no card number, no phone number,
// no name, address or email. Each masked string keeps its format class (docs/decisions/0103), so a replay
// compares the recording by shape exactly as the live run did.
import type { Observation } from './observation.js';
import { formatOf } from './shape.js';

/** Fields whose text is a person's (billing address, card holder, wallet number). */
const PERSONAL = new Set([
  'firstName',
  'lastName',
  'address1',
  'address2',
  'locality',
  'administrativeArea',
  'postalCode',
  'email',
  'phoneNumber',
  'mobile',
  'MobileNumber',
  'cc_name',
  'cc_number',
  'cc_cvv',
  'name',
]);

/** A stand-in of the same format class, or undefined when the class carries nothing personal. */
const STAND_INS: Record<string, (s: string) => string> = {
  'phone with +': () => '+254700000000',
  'phone with country code': () => '254700000000',
  'local phone': () => '0700000000',
  digits: (s) => '0'.repeat(s.length),
  email: () => 'masked@example.invalid',
  jwt: () => 'eyJtYXNrZWQ.bWFza2Vk.bWFza2Vk',
  'upper-case hex': (s) => 'F0'.repeat(Math.ceil(s.length / 2)).slice(0, s.length),
  'lower-case hex': (s) => 'f0'.repeat(Math.ceil(s.length / 2)).slice(0, s.length),
  'MM/YY': () => '12/99',
};

function scrubText(s: string, secrets: readonly string[]): string {
  let out = s;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join('masked');
  return out.replace(/[^\s@]+@[^\s@]+\.[^\s@]+/g, 'masked@example.invalid').replace(/\+?\d{6,}/g, (m) => '0'.repeat(m.length));
}

function maskString(s: string, secrets: readonly string[], personal: boolean): string {
  const format = formatOf(s);
  const standIn = STAND_INS[format];
  if (standIn) return standIn(s);
  if (personal && format === 'text') return 'masked';
  if (format === 'text' || format === 'url') {
    const scrubbed = scrubText(s, secrets);
    return formatOf(scrubbed) === format ? scrubbed : 'masked';
  }
  // A Token ID is a UUID: one that shows up in an answer is replaced by a UUID, so the shape stays.
  if (!secrets.some((secret) => secret.length >= 4 && s.includes(secret))) return s;
  return format === 'uuid' ? '00000000-0000-4000-8000-000000000000' : 'masked';
}

/**
 * A phone number may come as a JSON number (M-Pesa's own results do): a whole number of nine digits or more,
 * or any number in a personal field, keeps its first digit and length and loses the rest.
 */
function maskNumber(n: number, personal: boolean): number {
  if (!Number.isSafeInteger(n) || (!personal && Math.abs(n) < 100_000_000)) return n;
  return Number(String(n).replace(/^(-?\d)(\d*)$/, (_m, first: string, rest: string) => first + '0'.repeat(rest.length)));
}

export function maskValue(value: unknown, secrets: readonly string[], personal = false): unknown {
  if (typeof value === 'string') return maskString(value, secrets, personal);
  if (typeof value === 'number') return maskNumber(value, personal);
  if (Array.isArray(value)) return value.map((v) => maskValue(v, secrets, personal));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [maskString(k, secrets, false), maskValue(v, secrets, personal || PERSONAL.has(k))]));
  }
  return value;
}

export function maskObservation(o: Observation, secrets: readonly string[]): Observation {
  switch (o.kind) {
    case 'answer':
    case 'callback':
      return { ...o, body: maskValue(o.body, secrets) };
    case 'skipped':
    case 'failed':
      return { ...o, reason: scrubText(o.reason, secrets) };
  }
}
