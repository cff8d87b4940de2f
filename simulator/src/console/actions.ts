// The console's buttons: each form post is turned into the /_sim operation of the contract that does the
// same thing, called in-process through fastify's inject (so the contract's validation, errors and hooks
// apply exactly as for a test suite), then answered with a redirect back and a one-line notice.
import type { FastifyInstance } from 'fastify';
import { formatMoney } from '../pages/html.js';

export type Form = Record<string, string>;

export interface Call {
  method: 'POST' | 'DELETE';
  url: string;
  body?: unknown;
  /** The notice after a 2xx, from the answer. */
  done: (answer: Record<string, unknown>) => string;
}

const num = (text: string | undefined) => (text !== undefined && text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text);
const enc = encodeURIComponent;
const list = (text: string | undefined) => (text ?? '').split(/[\s,]+/).filter(Boolean);

/** What a payment page's form asks for, as a /_sim call. */
export function paymentCall(
  action: string,
  reference: string,
  form: Form,
  intent: { merchantId: string; callbackUrl: string; key: string; amount: number; currency: string },
): Call | null {
  const path = `/_sim/intents/${enc(reference)}`;
  switch (action) {
    case 'resolve':
      return {
        method: 'POST',
        url: `${path}/resolve`,
        body: { outcome: form.outcome },
        done: (a) => `Answered as ${form.outcome}: the payment is ${String(a.status)}.`,
      };
    case 'refund': {
      const body = {
        amount: num(form.amount),
        ...(form.reason ? { reason: form.reason } : {}),
        ...(form.callbackUrl ? { callbackUrl: form.callbackUrl } : {}),
      };
      return {
        method: 'POST',
        url: `${path}/refund`,
        body,
        done: (a) => `Refund ${String(a.id)} of ${formatMoney(Number(a.amount), intent.currency)} is ${String(a.status)}.`,
      };
    }
    case 'expire':
      return { method: 'POST', url: `${path}/expire`, done: () => 'The intent expired.' };
    case 'replay':
      return { method: 'POST', url: `/_sim/callbacks/${enc(form.callback ?? '')}/replay`, done: (a) => `Callback queued again as ${String(a.id)}.` };
    case 'check':
      return {
        method: 'POST',
        url: `/_sim/merchants/${enc(intent.merchantId)}/callback-check`,
        body: { url: intent.callbackUrl, key: intent.key, amount: intent.amount, currency: intent.currency },
        done: (a) => `Receiver check: ${a.safe ? 'safe' : 'unsafe'}.`,
      };
    default:
      return null;
  }
}

function faultBody(form: Form): Record<string, unknown> {
  const common = { ...(form.operation ? { operation: form.operation } : {}), ...(form.count ? { count: num(form.count) } : {}) };
  if (form.type === 'latency') return { type: 'latency', ms: num(form.value), ...common };
  if (form.type === 'drop') return { type: 'drop', ...common };
  return { type: 'error', ...(form.value ? { status: num(form.value) } : {}), ...common };
}

/** What a merchant page's form asks for, as a /_sim call (Rotate Key is answered with a page of its own). */
export function merchantCall(action: string, merchantId: string, form: Form): Call | null {
  const path = `/_sim/merchants/${enc(merchantId)}`;
  switch (action) {
    case 'rotate-key':
      return { method: 'POST', url: `${path}/rotate-key`, done: () => 'Keys rotated.' };
    case 'clock': {
      const body = form.action === 'advance' ? { action: 'advance', by: form.by } : { action: form.action };
      return { method: 'POST', url: `${path}/clock`, body, done: (a) => `Clock ${a.frozen ? 'frozen' : 'running'} at ${String(a.now)}.` };
    }
    case 'outcomes':
      return {
        method: 'POST',
        url: `${path}/outcomes`,
        body: { ...(form.provider && form.provider !== 'any' ? { provider: form.provider } : {}), outcomes: list(form.outcomes) },
        done: () => `Queued: ${list(form.outcomes).join(', ')}.`,
      };
    case 'outcomes-clear':
      return { method: 'DELETE', url: `${path}/outcomes`, done: () => 'Queue cleared.' };
    case 'faults':
      return { method: 'POST', url: `${path}/faults`, body: faultBody(form), done: (a) => `Fault ${String(a.type)} added.` };
    case 'faults-clear':
      return { method: 'DELETE', url: `${path}/faults`, done: () => 'Faults cleared.' };
    case 'tokens-delete':
      return { method: 'DELETE', url: `${path}/tokens/${enc(form.token ?? '')}`, done: () => 'Saved card deleted.' };
    case 'reset':
      return { method: 'POST', url: `${path}/reset`, done: () => 'Merchant reset.' };
    default:
      return null;
  }
}

export interface CallResult {
  ok: boolean;
  answer: Record<string, unknown>;
  /** The notice to show: the operation's own message when it refused. */
  text: string;
}

/** Calls the /_sim operation in-process, with the admin token when there is one (the console already checked the caller). */
export async function perform(app: FastifyInstance, call: Call, adminToken: string | undefined, host: string | undefined): Promise<CallResult> {
  const headers: Record<string, string> = { ...(host ? { host } : {}), ...(adminToken ? { authorization: `Bearer ${adminToken}` } : {}) };
  if (call.body !== undefined) headers['content-type'] = 'application/json';
  const res = await app.inject({ method: call.method, url: call.url, headers, ...(call.body !== undefined ? { payload: JSON.stringify(call.body) } : {}) });
  let answer: Record<string, unknown> = {};
  try {
    answer = res.json() as Record<string, unknown>;
  } catch {
    // A non-JSON answer (none is expected) is reported by its status alone.
  }
  if (res.statusCode < 300) return { ok: true, answer, text: call.done(answer) };
  const message = (answer.data as { message?: string } | undefined)?.message ?? `HTTP ${res.statusCode}`;
  return { ok: false, answer, text: message };
}
