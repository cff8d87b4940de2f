// How a signed callback goes over the wire, and how one delivery (one POST of it; "attempt" is the word of
// a payment, docs/decisions/0114) is written in the delivery log. Shared by the outbox and the receiver
// check, so both time, classify and quote an answer the same way.
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { urlToHttpOptions } from 'node:url';
import type { DeliveryRecord } from '../domain/records.js';
import { memo } from '../runtime/memo.js';
import type { SignedCallback } from './signing.js';

export interface TransportResult {
  statusCode: number;
  text: string;
}
/** Sends one signed callback; throws on a network error or timeout. */
export type Transport = (url: string, signed: SignedCallback, timeoutMs: number) => Promise<TransportResult>;

/** How much of an answer the log keeps. */
const SNIPPET_CHARS = 200;
/** How much of an answer is read: a receiver that streams megabytes must not fill the simulator's memory. */
const READ_LIMIT = 4096;

/**
 * Connections to receivers are kept open between callbacks (a receiver gets many). An idle one is closed
 * after 4 s, before the 5 s after which node's own servers (and many others) close theirs, so a callback
 * seldom meets a connection the receiver is closing. Free sockets are unref'd by node: they never hold a
 * stop. No limit per host: the outbox bounds the deliveries in flight (CALLBACK_CONCURRENCY, decision 0072).
 */
const AGENT_OPTIONS = { keepAlive: true, timeout: 4_000, scheduling: 'lifo' } as const;
const agents = { 'http:': new HttpAgent(AGENT_OPTIONS), 'https:': new HttpsAgent(AGENT_OPTIONS) };

/**
 * The default transport: node's own HTTP client over pooled keep-alive connections (decision 0111: a
 * callback through `fetch` cost four to five times the CPU of the same POST through node:http). It never
 * follows a redirect (a 3xx is an answer, as `redirect: 'manual'` made it).
 */
export const httpTransport: Transport = async (url, signed, timeoutMs) => {
  const target = targets.get(url);
  const agent = target.protocol === 'http:' || target.protocol === 'https:' ? agents[target.protocol] : null;
  if (!agent) throw Object.assign(new Error(`unsupported protocol ${target.protocol}`), { code: 'UNSUPPORTED_PROTOCOL' });
  const deadline = performance.now() + timeoutMs;
  const send = (retried: boolean): Promise<TransportResult> =>
    post(target, agent, signed, deadline).catch((err: NodeJS.ErrnoException & { reusedSocket?: boolean }) => {
      // A kept-alive connection the receiver closed just as it was reused: the request never reached it.
      // Node's documentation recommends exactly this one retry on a fresh connection.
      if (!retried && err.reusedSocket && err.code === 'ECONNRESET' && performance.now() < deadline) return send(true);
      throw err;
    });
  return send(false);
};

/** Where a URL's callbacks go, as node's request options: parsed once per URL (a receiver gets many callbacks; past 256 URLs it starts over). */
type Target = ReturnType<typeof urlToHttpOptions>;
const targets = memo(256, (url: string): Target => urlToHttpOptions(new URL(url)));

function post(target: Target, agent: HttpAgent, signed: SignedCallback, deadline: number): Promise<TransportResult> {
  return new Promise((resolve, reject) => {
    const headers = { ...signed.headers, 'content-length': String(Buffer.byteLength(signed.body)) };
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send({ ...target, method: 'POST', agent, headers });
    let answered: { statusCode: number; chunks: Buffer[]; size: number } | null = null;
    const finish = () => {
      clearTimeout(timer);
      if (answered) resolve({ statusCode: answered.statusCode, text: Buffer.concat(answered.chunks).toString('utf8') });
    };
    // One deadline for the whole delivery, the connection included. An answer cut off after its status
    // still counts, with the text that came.
    const timer = setTimeout(
      () => {
        if (answered) {
          req.destroy();
          return finish();
        }
        req.destroy(Object.assign(new Error(`no answer within the timeout`), { name: 'TimeoutError' }));
      },
      Math.max(0, deadline - performance.now()),
    );
    req.once('error', (err: NodeJS.ErrnoException & { reusedSocket?: boolean }) => {
      if (answered) return finish();
      clearTimeout(timer);
      err.reusedSocket = req.reusedSocket;
      reject(err);
    });
    req.once('response', (res) => {
      const got = (answered = { statusCode: res.statusCode ?? 0, chunks: [] as Buffer[], size: 0 });
      res.on('data', (chunk: Buffer) => {
        got.chunks.push(chunk);
        got.size += chunk.length;
        // Enough kept: the rest is not read (the connection is then closed rather than reused).
        if (got.size >= READ_LIMIT) {
          res.destroy();
          finish();
        }
      });
      res.once('end', finish);
      res.once('error', finish);
      res.once('close', finish);
    });
    req.end(signed.body);
  });
}

/** One delivery: sends, times it, and describes the answer or the error as the delivery log shows it. */
export async function sendOnce(transport: Transport, url: string, signed: SignedCallback, timeoutMs: number, at: string): Promise<DeliveryRecord> {
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

function describeNetworkError(err: unknown): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError') return 'timeout';
  // node:http names the error itself (ECONNREFUSED); fetch wraps it in a cause.
  return (e as { code?: string }).code ?? e.cause?.code ?? e.cause?.message ?? e.message ?? String(err);
}
