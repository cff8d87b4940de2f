// "Copy as curl" for the timeline. Credentials are never written into the command: it reads them from
// environment variables, so a command pasted into a bug report leaks nothing.
import type { DeliveryRecord } from '../domain/records.js';

/** Quotes for a POSIX shell: single quotes, with any single quote closed, escaped and reopened. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export type CurlAuth = 'basic' | 'apiKey' | 'none';

export function requestCurl(publicUrl: string, method: string, path: string, auth: CurlAuth, body?: unknown): string {
  const lines = [`curl -sS -X ${method} ${shellQuote(`${publicUrl}${path}`)}`];
  if (auth === 'basic') lines.push('-u "$LITTLEPAY_CLIENT_ID:$LITTLEPAY_CLIENT_SECRET"');
  if (auth === 'apiKey') lines.push('-H "X-API-KEY: $LITTLEPAY_API_KEY"');
  if (body !== undefined && body !== null) lines.push(`-H 'content-type: application/json'`, `--data ${shellQuote(JSON.stringify(body))}`);
  return lines.join(' \\\n  ');
}

/** The callback as it was last sent: same body, same signature headers (a receiver with a replay window refuses it later). */
export function callbackCurl(url: string, body: string, signature: DeliveryRecord['signature']): string {
  const lines = [`curl -sS -X POST ${shellQuote(url)}`, `-H 'content-type: application/json'`];
  if (signature)
    lines.push(`-H ${shellQuote(`x-littlepay-timestamp: ${signature.timestamp}`)}`, `-H ${shellQuote(`x-littlepay-signature: ${signature.value}`)}`);
  lines.push(`--data ${shellQuote(body)}`);
  return lines.join(' \\\n  ');
}
