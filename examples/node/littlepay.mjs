// Little Pay for a Node merchant backend: the API calls a shop makes (fetch) and the callback signature check
// (node:crypto). No dependencies; with TypeScript, `littlepay-sim/client` has the same calls typed from the contract.
import { createVerify } from 'node:crypto';

/** A callback signed longer ago than this (or this far in the future) is refused as a replay. */
export const REPLAY_WINDOW_SECONDS = 300;

export function littlePay({ baseUrl, clientId, clientSecret, tokenId, apiKey }) {
  const base = baseUrl.replace(/\/+$/, '');
  const basic = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
  async function call(method, path, body, headers = {}) {
    const response = await fetch(base + path, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = await response.json();
    // Little Pay puts the human message in data.message.
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status}: ${answer?.data?.message ?? JSON.stringify(answer)}`);
    return answer.data;
  }
  return {
    /** POST /api/payments/{tokenId}/pay with Basic auth; answers data.reference and data.checkoutUrl. */
    createIntent: (body) => call('POST', `/api/payments/${tokenId}/pay`, body, { authorization: basic }),
    status: (keyOrReference) => call('GET', `/api/payments-v2/${keyOrReference}`, undefined, { 'x-api-key': apiKey }),
    refund: (keyOrReference, amount, reason) => call('POST', `/api/refund/${keyOrReference}`, { amount, reason }, { 'x-api-key': apiKey }),
    /** The Tokenization Guide's process body: the saved card's customer id and nothing else. */
    payWithSavedCard: (reference, customerId) => call('POST', `/pay/${reference}/process`, { type: 'CARDS', payment: { customer: { id: customerId } } }),
    /** The shopper's /pay/{reference}/... calls (no credentials), made by the hosted checkout in production. */
    payStep: (reference, step, body) => call('POST', `/pay/${reference}/${step}`, body),
  };
}

/**
 * Checks a callback as Little Pay documents it: RSA-SHA256 (PKCS#1 v1.5) over timestamp + "." +
 * JSON.stringify(body), with the parsed body, exactly the documented verifier. Answers undefined when the
 * callback is genuine and fresh, else the reason it is not.
 */
export function verifyCallback(publicKeyPem, body, signature, timestamp, nowSeconds = Date.now() / 1000) {
  if (!signature || !timestamp) return 'missing X-LittlePay-Signature or X-LittlePay-Timestamp';
  if (!/^\d+$/.test(timestamp)) return 'X-LittlePay-Timestamp is not a number of seconds';
  let valid = false;
  try {
    valid = createVerify('SHA256').update(`${timestamp}.${JSON.stringify(body)}`).verify(publicKeyPem, signature, 'base64');
  } catch {
    valid = false;
  }
  if (!valid) return 'signature does not verify';
  // Checked after the signature, so an attacker cannot learn anything from the clock check.
  if (Math.abs(nowSeconds - Number(timestamp)) > REPLAY_WINDOW_SECONDS) return 'timestamp outside the replay window';
  return undefined;
}
