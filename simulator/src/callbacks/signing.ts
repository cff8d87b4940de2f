// Callback signing exactly as Little Pay documents it: RSA-SHA256 (PKCS#1 v1.5) over
// `<unix seconds> + "." + JSON.stringify(body)`, sent as X-LittlePay-Signature (base64) and
// X-LittlePay-Timestamp. The body on the wire is that same compact JSON string.
import { createSign, type KeyObject } from 'node:crypto';

export interface SignedCallback {
  body: string;
  headers: Record<string, string>;
}

export function signCallback(body: unknown, privateKey: KeyObject, nowMs: number): SignedCallback {
  const json = JSON.stringify(body);
  const timestamp = String(Math.floor(nowMs / 1000));
  const signature = createSign('SHA256').update(`${timestamp}.${json}`).sign(privateKey, 'base64');
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
