// The calls the request journal still holds about a payment, as timeline events: status reads, refund requests,
// the 3-D Secure steps (cspaToken, enroll) and process calls that were refused (an accepted one is its attempt).
// Bodies are as the journal kept them, card data masked; "Copy as curl" says so when it is.
import type { JournalEntry } from '../services/journal.js';
import { requestCurl } from './curl.js';
import type { TimelineEvent } from './timeline.js';

export const pretty = (value: unknown) => JSON.stringify(value, null, 2);

const dataOf = (body: unknown): Record<string, unknown> => ((body as { data?: Record<string, unknown> } | null)?.data ?? {}) as Record<string, unknown>;

/** What the journal shows of a call, by operation: its title and one fact from the answer. Others are not shown. */
const CALLS: Partial<Record<string, (e: JournalEntry) => { title: string; fact?: string } | null>> = {
  getPaymentStatus: (e) => {
    const status = dataOf(e.responseBody).status as string | undefined;
    return { title: `Status read → ${e.status}`, fact: status ? `Answered ${status}` : undefined };
  },
  refundPayment: (e) => ({ title: `Refund requested → ${e.status}` }),
  createPaToken: (e) => ({ title: `3-D Secure: card sent for device data collection (cspaToken) → ${e.status}` }),
  checkEnrollment: (e) => {
    const action = dataOf(e.responseBody).action as string | undefined;
    const meaning = { AUTHENTICATE: 'the shopper gets a challenge', MAKE_PAYMENT: 'frictionless, no challenge', FAILED: 'authentication failed' }[action ?? ''];
    return { title: `3-D Secure: enrollment checked → ${action ?? e.status}`, fact: meaning };
  },
  // An accepted process call is the attempt it started; one refused never made an attempt, so it is shown here.
  processPayment: (e) => (e.status >= 400 ? { title: `Process refused → ${e.status}`, fact: dataOf(e.responseBody).message as string | undefined } : null),
};

const MASKED_NOTE = "# The card number and CVV are masked here: put the test card's back before running.\n";

export function callEvents(entries: JournalEntry[], publicUrl: string): TimelineEvent[] {
  return entries.flatMap((e) => {
    const shown = e.operationId ? CALLS[e.operationId]?.(e) : null;
    if (!shown) return [];
    const auth = e.path.startsWith('/pay/') ? 'none' : 'apiKey';
    const masked = e.requestBody !== null && /\*{3}/.test(JSON.stringify(e.requestBody));
    return [
      {
        at: e.at,
        title: shown.title,
        tone: e.status >= 400 || e.status === 0 ? ('bad' as const) : ('info' as const),
        facts: [`${e.method} ${e.path}`, `${e.durationMs} ms${e.fault ? `, fault ${e.fault}` : ''}`, ...(shown.fact ? [shown.fact] : [])],
        blocks: [
          ...(e.requestBody ? [{ label: masked ? 'Request body (card data masked)' : 'Request body', text: pretty(e.requestBody) }] : []),
          ...(e.responseBody ? [{ label: 'Response body', text: pretty(e.responseBody) }] : []),
        ],
        curl: (masked ? MASKED_NOTE : '') + requestCurl(publicUrl, e.method, e.path, auth, e.requestBody ?? undefined),
      },
    ];
  });
}
