// Callback signing exactly as Little Pay documents it: RSA-SHA256 (PKCS#1 v1.5) over
// `<unix seconds> + "." + JSON.stringify(body)`, sent as X-LittlePay-Signature (base64) and
// X-LittlePay-Timestamp. The body on the wire is that same compact JSON string.
import { createSign, sign, type KeyObject } from 'node:crypto';

export interface SignedCallback {
  body: string;
  headers: Record<string, string>;
}

export function signCallback(body: unknown, privateKey: KeyObject, nowMs: number): SignedCallback {
  return signCallbackText(JSON.stringify(body), privateKey, nowMs);
}

/** The same, for a body already written as its compact JSON (the delivery worker is given the text). */
export function signCallbackText(json: string, privateKey: KeyObject, nowMs: number): SignedCallback {
  const timestamp = unixSeconds(nowMs);
  return signed(json, timestamp, createSign('SHA256').update(`${timestamp}.${json}`).sign(privateKey, 'base64'));
}

/**
 * The same signature, made in libuv's thread pool (decision 0111): an RSA-2048 signature is a few hundred
 * microseconds of CPU, which the event loop then spends answering requests instead. PKCS#1 v1.5 is
 * deterministic, so the bytes are those of signCallback.
 */
export function signCallbackAsync(body: unknown, privateKey: KeyObject, nowMs: number): Promise<SignedCallback> {
  const json = JSON.stringify(body);
  const timestamp = unixSeconds(nowMs);
  return new Promise((resolve, reject) => {
    sign('sha256', Buffer.from(`${timestamp}.${json}`), privateKey, (err, signature) => {
      if (err) reject(err);
      else resolve(signed(json, timestamp, signature.toString('base64')));
    });
  });
}

export const unixSeconds = (nowMs: number): string => String(Math.floor(nowMs / 1000));

function signed(json: string, timestamp: string, signature: string): SignedCallback {
  return {
    body: json,
    headers: {
      'content-type': 'application/json',
      'x-littlepay-signature': signature,
      'x-littlepay-timestamp': timestamp,
      'user-agent': 'littlepay-sim',
    },
  };
}
