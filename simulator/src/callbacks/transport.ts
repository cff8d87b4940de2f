// How a signed callback goes over the wire, and how one attempt is written in the delivery log. Shared by
// the outbox and the receiver check, so both time, classify and quote an answer the same way.
import type { DeliveryRecord } from '../domain/records.js';
import type { SignedCallback } from './signing.js';

export interface TransportResult {
  statusCode: number;
  text: string;
}
/** Sends one signed callback; throws on a network error or timeout. */
export type Transport = (url: string, signed: SignedCallback, timeoutMs: number) => Promise<TransportResult>;

/** How much of an answer the log keeps. */
export const SNIPPET_CHARS = 200;

export const fetchTransport: Transport = async (url, signed, timeoutMs) => {
  const res = await fetch(url, {
    method: 'POST',
    headers: signed.headers,
    body: signed.body,
    signal: AbortSignal.timeout(timeoutMs),
    redirect: 'manual',
  });
  return { statusCode: res.status, text: await readStart(res) };
};

/** The start of an answer's body: a receiver that streams megabytes must not fill the simulator's memory. */
async function readStart(res: Response, limit = 4096): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < limit) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } catch {
    // A body cut off or timed out after the status arrived: the status still counts, the text is what came.
  } finally {
    void reader.cancel().catch(() => {});
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** One attempt: sends, times it, and describes the answer or the error as the delivery log shows it. */
export async function attempt(transport: Transport, url: string, signed: SignedCallback, timeoutMs: number, at: string): Promise<DeliveryRecord> {
  const started = performance.now();
  // The signature headers sent, so the delivery log can show them beside the body they sign.
  const delivery: DeliveryRecord = {
    at,
    ok: false,
    signature: { timestamp: signed.headers['x-littlepay-timestamp'] ?? '', value: signed.headers['x-littlepay-signature'] ?? '' },
  };
  try {
    const res = await transport(url, signed, timeoutMs);
    delivery.statusCode = res.statusCode;
    delivery.ok = res.statusCode >= 200 && res.statusCode < 300;
    delivery.responseSnippet = res.text.slice(0, SNIPPET_CHARS);
  } catch (err) {
    delivery.error = describeNetworkError(err);
  }
  delivery.latencyMs = Math.round(performance.now() - started);
  return delivery;
}

export function describeNetworkError(err: unknown): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError') return 'timeout';
  return e.cause?.code ?? e.cause?.message ?? e.message ?? String(err);
}
