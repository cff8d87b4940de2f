// Receivers for callback tests without sockets: a transport whose answers are scripted per request, that
// notes when (on the simulator's clock) each request came and what it carried; and the signature check a
// receiver writes with node:crypto, deliberately not the client's verifyCallback.
import { createVerify } from 'node:crypto';
import type { Transport } from '../../simulator/src/callbacks/outbox.js';
import type { SimSchemas } from '../../client/src/index.js';
import type { TestSim } from './sim.js';

export interface ReceivedCall {
  /** The simulator clock's time when the request was sent. */
  at: number;
  url: string;
  raw: string;
  body: Record<string, unknown>;
  headers: Record<string, string>;
}

/** `answer(n, url)` is the status of the n-th request (0-based), or an Error to throw as a network failure. */
export function scriptedReceiver(now: () => number, answer: (n: number, url: string) => number | Error = () => 200) {
  const calls: ReceivedCall[] = [];
  const transport: Transport = async (url, signed) => {
    const n = calls.length;
    calls.push({ at: now(), url, raw: signed.body, body: JSON.parse(signed.body) as Record<string, unknown>, headers: signed.headers });
    const a = answer(n, url);
    if (a instanceof Error) throw a;
    return { statusCode: a, text: `answer ${n}: ${a}` };
  };
  return { calls, transport };
}

/** What a receiver does with node:crypto: RSA-SHA256 over `timestamp + "." + JSON.stringify(parsed body)`. */
export function signatureVerifies(publicKeyPem: string, raw: string, headers: Record<string, string | string[] | undefined>): boolean {
  const ts = String(headers['x-littlepay-timestamp'] ?? '');
  const sig = String(headers['x-littlepay-signature'] ?? '');
  return createVerify('SHA256')
    .update(`${ts}.${JSON.stringify(JSON.parse(raw))}`)
    .verify(publicKeyPem, sig, 'base64');
}

export async function merchantCallbacks(sim: TestSim, merchantId: string, query = ''): Promise<SimSchemas['Callback'][]> {
  const res = await sim.inject({ method: 'GET', url: `/_sim/merchants/${merchantId}/callbacks${query}` });
  if (res.statusCode !== 200) throw new Error(`listing callbacks failed: ${res.statusCode} ${res.body}`);
  return (res.json() as SimSchemas['CallbackList']).callbacks;
}

export async function setCallbackSettings(
  sim: TestSim,
  merchantId: string,
  body: SimSchemas['CallbackSettingsUpdate'],
): Promise<SimSchemas['CallbackSettings']> {
  const res = await sim.inject({ method: 'POST', url: `/_sim/merchants/${merchantId}/callback-settings`, payload: body });
  if (res.statusCode !== 200) throw new Error(`settings failed: ${res.statusCode} ${res.body}`);
  return res.json() as SimSchemas['CallbackSettings'];
}
