// The receiver check: five callbacks a safe receiver must tell apart, and how each answer is graded.
// Forgeries go first so that a receiver which looks up "already seen" before verifying is not blamed for
// answering 200 to a reference it has seen; the valid callback and its duplicate go last. Decision 0032.
import type { KeyObject } from 'node:crypto';
import type { components } from '../../../client/src/generated/simulator.js';
import type { components as lpComponents } from '../../../client/src/generated/littlepay.js';
import type { DeliveryRecord } from '../domain/records.js';
import { signCallback, type SignedCallback } from './signing.js';

type CheckCase = components['schemas']['CallbackCheckCase'];
type PaymentCallbackBody = lpComponents['schemas']['PaymentCallback'];
export type CaseName = CheckCase['name'];

/** How old the replayed callback's timestamp is. */
const STALE_BY_MS = 10 * 60_000;
const CHECK_HEADER = 'x-littlepay-sim-check';

export interface PreparedCase {
  name: CaseName;
  expected: CheckCase['expected'];
  description: string;
  /** Signs the request when it is about to be sent (so the duplicate is signed afresh). */
  sign(nowMs: number): SignedCallback;
}

/** The body every case is made from: clearly test data, with the caller's key, amount and currency if given. */
export function checkBody(input: { reference: string; key: string; amount: number; currency: string; date: string }): PaymentCallbackBody {
  return {
    reference: input.reference,
    status: 'COMPLETED',
    payload: {
      billingAddress: { firstName: 'Receiver', lastName: 'Check', email: 'receiver-check@littlepay-sim.invalid' },
      customData: {
        littlepaySimReceiverCheck: true,
        note: 'Test data sent by the Little Pay simulator receiver check: nothing was paid, fulfil nothing.',
      },
    },
    amount: input.amount,
    key: input.key,
    currency: input.currency,
    provider: 'MPESA',
    date: input.date,
  };
}

export function prepareCases(body: PaymentCallbackBody, privateKey: KeyObject): PreparedCase[] {
  const mark = (name: CaseName, signed: SignedCallback): SignedCallback => ({ body: signed.body, headers: { ...signed.headers, [CHECK_HEADER]: name } });
  return [
    {
      name: 'tampered_body',
      expected: 'reject',
      description: "The valid callback's signature on a body whose amount was changed after signing.",
      sign: (now) => {
        const signed = signCallback(body, privateKey, now);
        return mark('tampered_body', { ...signed, body: JSON.stringify({ ...body, amount: body.amount * 100 }) });
      },
    },
    {
      name: 'wrong_signature',
      expected: 'reject',
      description: 'The valid body with a signature made for another body (a forged or mis-keyed signature).',
      sign: (now) => {
        const other = signCallback({ ...body, key: `${body.key}X` }, privateKey, now);
        return mark('wrong_signature', { body: JSON.stringify(body), headers: other.headers });
      },
    },
    {
      name: 'stale_timestamp',
      expected: 'reject',
      description: 'A correctly signed callback whose timestamp is 10 minutes old (a replayed request).',
      sign: (now) => mark('stale_timestamp', signCallback(body, privateKey, now - STALE_BY_MS)),
    },
    {
      name: 'valid',
      expected: 'accept',
      description: 'A correctly signed callback, signed just now.',
      sign: (now) => mark('valid', signCallback(body, privateKey, now)),
    },
    {
      name: 'duplicate',
      expected: 'accept',
      description: 'The valid callback again, signed afresh (a retry after a lost answer).',
      sign: (now) => mark('duplicate', signCallback(body, privateKey, now)),
    },
  ];
}

const ADVICE: Record<CaseName, string> = {
  tampered_body:
    'anyone could post a forged payment. Verify X-LittlePay-Signature over timestamp + "." + JSON.stringify(body) with the public key, and answer 400 or 401 when it fails.',
  wrong_signature: 'a signature that does not verify must be refused (400 or 401) before anything else is done.',
  stale_timestamp:
    'a captured callback could be replayed. Refuse an X-LittlePay-Timestamp more than a few minutes (say 5) from your clock, after checking the signature.',
  valid:
    "a correctly signed callback must get a 2xx, or it is retried for hours. Check the public key is the simulator's (GET /_sim/keys/callback.pem), and that an unknown test key is not refused (or pass the key of a test order).",
  duplicate: 'a callback already processed must be acknowledged with a 2xx again (and not processed twice): a gateway resends when your first answer was lost.',
};

/** Grades one answer. An answer must come within the timeout; a 2xx is right only for `accept` cases. */
export function gradeCase(c: PreparedCase, signed: SignedCallback, d: DeliveryRecord, timeoutMs: number): CheckCase {
  const { passed, explanation } = verdict(c, d, timeoutMs);
  const timestamp = signed.headers['x-littlepay-timestamp'];
  return {
    name: c.name,
    description: c.description,
    expected: c.expected,
    ...(timestamp !== undefined ? { timestamp } : {}),
    ...(d.statusCode !== undefined ? { statusCode: d.statusCode } : {}),
    ...(d.error !== undefined ? { error: d.error } : {}),
    ...(d.latencyMs !== undefined ? { latencyMs: d.latencyMs } : {}),
    ...(d.responseSnippet ? { responseSnippet: d.responseSnippet } : {}),
    ok: d.ok,
    passed,
    explanation,
  };
}

function verdict(c: PreparedCase, d: DeliveryRecord, timeoutMs: number): { passed: boolean; explanation: string } {
  if (d.error === 'timeout') {
    return { passed: false, explanation: `No answer within ${timeoutMs} ms: answer at once and do slow work after answering (a queue).` };
  }
  if (d.error !== undefined) return { passed: false, explanation: `Could not reach the receiver (${d.error}).` };
  if (c.expected === 'accept') {
    return d.ok
      ? { passed: true, explanation: `Answered ${d.statusCode} in ${d.latencyMs} ms.` }
      : { passed: false, explanation: `Answered ${d.statusCode}: ${ADVICE[c.name]}` };
  }
  if (d.ok) return { passed: false, explanation: `Answered ${d.statusCode}: ${ADVICE[c.name]}` };
  const note = d.statusCode! >= 500 ? ' (a 4xx says more: a 5xx reads as an outage)' : '';
  return { passed: true, explanation: `Refused with ${d.statusCode}${note}.` };
}

export function summarise(cases: CheckCase[]): { safe: boolean; summary: string } {
  const failed = cases.filter((c) => !c.passed).map((c) => c.name);
  if (failed.length === 0) return { safe: true, summary: `Safe: all ${cases.length} cases passed.` };
  return { safe: false, summary: `Unsafe: ${cases.length - failed.length} of ${cases.length} cases passed (failed: ${failed.join(', ')}).` };
}
