// A stand-in for the real Little Pay service: a second simulator on 127.0.0.1 (port 0) whose answers differ
// from the simulator's in known ways, planted by an onSend hook. Its callbacks are signed with its own key,
// not Little Pay's published one, which is a difference of its own unless the drift run is given that key.
import { buildApp } from '../../simulator/src/app.js';
import { httpTransport, type Transport } from '../../simulator/src/callbacks/outbox.js';
import { signCallback } from '../../simulator/src/callbacks/signing.js';
import { defaultConfig } from '../../simulator/src/config.js';
import type { SimSchemas } from '../../client/src/index.js';
import { testKeys } from '../helpers/sim.js';

export interface StandIn {
  url: string;
  merchant: SimSchemas['Merchant'];
  /** The stand-in's callback verification key (PEM). */
  publicKeyPem: string;
  close(): Promise<void>;
}

/** The differences the stand-in plants, as the drift report must name them (kind and path). */
export const PLANTED = [
  { kind: 'missing', path: 'body.data.checkoutUrl', what: 'create-intent renames checkoutUrl to checkoutURL' },
  { kind: 'extra', path: 'body.data.checkoutURL', what: 'the same rename, seen from the other side' },
  { kind: 'type', path: 'body.data.meta.amount', what: 'process answers the amount as a string' },
  { kind: 'enum', path: 'body.data.status', what: 'status answers SETTLED, a value the simulator never sends' },
  { kind: 'header', path: 'header.access-control-allow-origin', what: 'the /pay/* answers lack the CORS header' },
  { kind: 'missing', path: 'callback.provider', what: 'payment callbacks rename provider to paymentProvider (signed after the rename)' },
  { kind: 'extra', path: 'callback.paymentProvider', what: 'the same rename, seen from the other side' },
] as const;

type Json = { data?: Record<string, unknown> & { meta?: Record<string, unknown> } };

function plant(url: string, payload: string): string {
  if (!payload.startsWith('{')) return payload;
  const body = JSON.parse(payload) as Json;
  const data = body.data;
  if (!data) return payload;
  if (/^\/api\/payments\/[^/]+\/pay$/.test(url) && 'checkoutUrl' in data) {
    const { checkoutUrl, ...rest } = data;
    body.data = { ...rest, checkoutURL: checkoutUrl };
  }
  if (/^\/pay\/[^/]+\/process/.test(url) && typeof data.meta?.amount === 'number') data.meta.amount = String(data.meta.amount);
  if (/^\/api\/payments-v2\//.test(url) && data.status === 'COMPLETED') data.status = 'SETTLED';
  return JSON.stringify(body);
}

/**
 * Refusals name the client id they refused, as real services often do: a credential in an answer, which the
 * recording must mask (the shape is the same: text either way).
 */
function echoClientId(authorization: string | undefined, payload: string): string {
  const clientId = Buffer.from((authorization ?? '').replace(/^Basic /, ''), 'base64')
    .toString('utf8')
    .split(':')[0];
  const body = JSON.parse(payload) as { data?: { message?: string } };
  if (!body.data?.message || !clientId) return payload;
  body.data.message = `${body.data.message} (client ${clientId})`;
  return JSON.stringify(body);
}

export async function startStandIn(): Promise<StandIn> {
  const config = defaultConfig({ clock: 'system', pinDelayMs: 100, refundDelayMs: 100, host: '127.0.0.1', port: 0 });
  const keys = testKeys();
  // Renamed before signing, so the signature still verifies with the stand-in's own key.
  const transport: Transport = (url, signed, timeoutMs) => {
    const { provider, ...rest } = JSON.parse(signed.body) as Record<string, unknown>;
    if (provider === undefined) return httpTransport(url, signed, timeoutMs);
    return httpTransport(url, signCallback({ ...rest, paymentProvider: provider }, keys.privateKey, Date.now()), timeoutMs);
  };
  const app = await buildApp({ config, keys, transport });
  app.addHook('onSend', async (req, reply, payload) => {
    if (req.url.startsWith('/pay/')) reply.removeHeader('access-control-allow-origin');
    if (typeof payload !== 'string') return payload;
    return reply.statusCode === 401 ? echoClientId(req.headers.authorization, payload) : plant(req.url, payload);
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const list = (await (await fetch(`${url}/_sim/merchants`)).json()) as { merchants: SimSchemas['Merchant'][] };
  return { url, merchant: list.merchants[0]!, publicKeyPem: keys.publicKeyPem, close: () => app.close() };
}
