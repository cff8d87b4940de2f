// verifyCallback (client/src/index.ts) against callbacks signed by the simulator's own signCallback:
// the happy path, each refusal reason, the replay window and the header shapes integrators pass in.
import { createVerify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CALLBACK_TOLERANCE_SECONDS, verifyCallback } from '../../client/src/index.js';
import { generateSigningKeys } from '../../simulator/src/callbacks/keys.js';
import { signCallback, signCallbackAsync } from '../../simulator/src/callbacks/signing.js';

const keys = generateSigningKeys();
const otherKeys = generateSigningKeys();

// A fixed instant with milliseconds, to show the timestamp is whole seconds.
const NOW_MS = Date.UTC(2026, 0, 15, 9, 30, 12, 789);
const NOW_S = Math.floor(NOW_MS / 1000);
/** The receiver's clock at the moment the callback was signed (the default replay window is checked against it). */
const at = { now: NOW_MS };

const body = {
  reference: '1cbfffbc-b365-45f6-9e5d-13e445c125cd',
  status: 'COMPLETED',
  payload: { billingAddress: { firstName: 'Jane', lastName: 'Doe', email: 'jane@example.com' } },
  amount: 1500,
  key: 'ORDER1042',
  currency: 'KES',
  provider: 'MPESA',
  date: '2026-01-15T09:30:12.000Z',
};

/** What a receiver has after parsing: the body re-read from the wire, and the headers as sent. */
function signed(nowMs = NOW_MS, keyPair = keys) {
  const s = signCallback(body, keyPair.privateKey, nowMs);
  return { parsed: JSON.parse(s.body) as unknown, headers: s.headers, raw: s.body };
}

describe('signCallback', () => {
  it('signs `${ts}.${JSON.stringify(body)}` with ts in whole seconds, and sends that compact JSON', () => {
    const s = signCallback(body, keys.privateKey, NOW_MS);
    expect(s.headers['x-littlepay-timestamp']).toBe(String(NOW_S));
    expect(s.headers['content-type']).toBe('application/json');
    expect(s.body).toBe(JSON.stringify(body));
    expect(s.body).not.toMatch(/":\s|,\s+"/);
    const signature = s.headers['x-littlepay-signature']!;
    expect(signature).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    const verifies = (text: string) => createVerify('SHA256').update(text).verify(keys.publicKeyPem, signature, 'base64');
    expect(verifies(`${NOW_S}.${JSON.stringify(body)}`)).toBe(true);
    // Not over the body alone, the milliseconds, another separator or pretty JSON.
    expect(verifies(JSON.stringify(body))).toBe(false);
    expect(verifies(`${NOW_MS}.${JSON.stringify(body)}`)).toBe(false);
    expect(verifies(`${NOW_S}:${JSON.stringify(body)}`)).toBe(false);
    expect(verifies(`${NOW_S}.${JSON.stringify(body, null, 2)}`)).toBe(false);
  });

  it('signs the same bytes with the same signature in the thread pool (the outbox signs there)', async () => {
    expect(await signCallbackAsync(body, keys.privateKey, NOW_MS)).toEqual(signCallback(body, keys.privateKey, NOW_MS));
  });
});

describe('verifyCallback', () => {
  it('accepts a valid signature and returns the timestamp', () => {
    const { parsed, headers } = signed();
    expect(verifyCallback(parsed, headers, keys.publicKeyPem, at)).toEqual({ ok: true, timestamp: NOW_S });
  });

  it('refuses a tampered body', () => {
    const { parsed, headers } = signed();
    const tampered = { ...(parsed as typeof body), amount: 15000 };
    expect(verifyCallback(tampered, headers, keys.publicKeyPem, at)).toEqual({ ok: false, reason: 'bad_signature' });
    // Same fields in another order: JSON.stringify gives another string, so it must not verify.
    const reordered = Object.fromEntries(Object.entries(parsed as typeof body).reverse());
    expect(verifyCallback(reordered, headers, keys.publicKeyPem, at)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuses a tampered timestamp or signature', () => {
    const { parsed, headers } = signed();
    expect(verifyCallback(parsed, { ...headers, 'x-littlepay-timestamp': String(NOW_S + 1) }, keys.publicKeyPem, at)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    const sig = headers['x-littlepay-signature']!;
    const flipped = (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1);
    expect(verifyCallback(parsed, { ...headers, 'x-littlepay-signature': flipped }, keys.publicKeyPem, at)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyCallback(parsed, { ...headers, 'x-littlepay-signature': 'not base64 at all!' }, keys.publicKeyPem, at)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('refuses a signature made with another key, and a key that is not a PEM', () => {
    const { parsed, headers } = signed(NOW_MS, otherKeys);
    expect(verifyCallback(parsed, headers, keys.publicKeyPem, at)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyCallback(parsed, headers, otherKeys.publicKeyPem, at)).toEqual({ ok: true, timestamp: NOW_S });
    expect(verifyCallback(parsed, headers, 'not a key', at)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('reports missing headers', () => {
    const { parsed, headers } = signed();
    expect(verifyCallback(parsed, {}, keys.publicKeyPem, at)).toEqual({ ok: false, reason: 'missing_headers' });
    expect(verifyCallback(parsed, { 'x-littlepay-signature': headers['x-littlepay-signature'] }, keys.publicKeyPem, at)).toEqual({
      ok: false,
      reason: 'missing_headers',
    });
    expect(verifyCallback(parsed, { 'x-littlepay-timestamp': headers['x-littlepay-timestamp'] }, keys.publicKeyPem, at)).toEqual({
      ok: false,
      reason: 'missing_headers',
    });
    expect(verifyCallback(parsed, { ...headers, 'x-littlepay-signature': '' }, keys.publicKeyPem, at)).toEqual({ ok: false, reason: 'missing_headers' });
    expect(verifyCallback(parsed, { ...headers, 'x-littlepay-timestamp': undefined }, keys.publicKeyPem, at)).toEqual({ ok: false, reason: 'missing_headers' });
    expect(verifyCallback(parsed, new Headers(), keys.publicKeyPem, at)).toEqual({ ok: false, reason: 'missing_headers' });
  });

  it('reports a timestamp that is not a whole number of seconds', () => {
    const { parsed, headers } = signed();
    for (const ts of ['abc', '12.5', '-1700000000', '1e9', ` ${NOW_S}`, `${NOW_S}ms`]) {
      expect(verifyCallback(parsed, { ...headers, 'x-littlepay-timestamp': ts }, keys.publicKeyPem, at), ts).toEqual({ ok: false, reason: 'bad_timestamp' });
    }
  });

  it('with toleranceSeconds, refuses a timestamp 10 minutes old or ahead and accepts one within the window', () => {
    const { parsed, headers } = signed();
    const opts = (nowMs: number) => ({ toleranceSeconds: 300, now: nowMs });
    expect(verifyCallback(parsed, headers, keys.publicKeyPem, opts(NOW_MS + 10 * 60_000))).toEqual({ ok: false, reason: 'stale_timestamp' });
    expect(verifyCallback(parsed, headers, keys.publicKeyPem, opts(NOW_MS - 10 * 60_000))).toEqual({ ok: false, reason: 'stale_timestamp' });
    expect(verifyCallback(parsed, headers, keys.publicKeyPem, opts(NOW_MS + 60_000))).toEqual({ ok: true, timestamp: NOW_S });
    expect(verifyCallback(parsed, headers, keys.publicKeyPem, opts(NOW_S * 1000 + 300_000))).toEqual({ ok: true, timestamp: NOW_S });
    expect(verifyCallback(parsed, headers, keys.publicKeyPem, opts(NOW_S * 1000 + 301_000))).toEqual({ ok: false, reason: 'stale_timestamp' });
  });

  it('checks a five-minute replay window by default; toleranceSeconds: false is the explicit opt-out', () => {
    const { parsed, headers } = signed();
    expect(DEFAULT_CALLBACK_TOLERANCE_SECONDS).toBe(300);
    expect(verifyCallback(parsed, headers, keys.publicKeyPem, { now: NOW_S * 1000 + 300_000 })).toEqual({ ok: true, timestamp: NOW_S });
    expect(verifyCallback(parsed, headers, keys.publicKeyPem, { now: NOW_S * 1000 + 301_000 })).toEqual({ ok: false, reason: 'stale_timestamp' });
    // A callback recorded a day ago and sent again: refused unless the receiver opts out of the window.
    const replayedLater = { now: NOW_MS + 24 * 3600_000 };
    expect(verifyCallback(parsed, headers, keys.publicKeyPem, replayedLater)).toEqual({ ok: false, reason: 'stale_timestamp' });
    expect(verifyCallback(parsed, headers, keys.publicKeyPem, { ...replayedLater, toleranceSeconds: false })).toEqual({ ok: true, timestamp: NOW_S });
    // With no `now`, the real clock: a callback signed long ago is refused by default.
    expect(verifyCallback(parsed, headers, keys.publicKeyPem)).toEqual({ ok: false, reason: 'stale_timestamp' });
  });

  it('uses the real clock for the window when no `now` is given', () => {
    const fresh = signed(Date.now());
    expect(verifyCallback(fresh.parsed, fresh.headers, keys.publicKeyPem, { toleranceSeconds: 300 })).toMatchObject({ ok: true });
    const old = signed(Date.now() - 10 * 60_000);
    expect(verifyCallback(old.parsed, old.headers, keys.publicKeyPem, { toleranceSeconds: 300 })).toEqual({ ok: false, reason: 'stale_timestamp' });
  });

  it('accepts a Headers instance, mixed-case names and array values (node IncomingHttpHeaders)', () => {
    const { parsed, headers } = signed();
    const sig = headers['x-littlepay-signature']!;
    const ts = headers['x-littlepay-timestamp']!;
    const h = new Headers({ 'X-LittlePay-Signature': sig, 'X-LittlePay-Timestamp': ts, 'Content-Type': 'application/json' });
    expect(verifyCallback(parsed, h, keys.publicKeyPem, at)).toEqual({ ok: true, timestamp: NOW_S });
    expect(verifyCallback(parsed, { 'X-LittlePay-Signature': sig, 'x-LITTLEPAY-timestamp': ts }, keys.publicKeyPem, at)).toEqual({
      ok: true,
      timestamp: NOW_S,
    });
    expect(verifyCallback(parsed, { 'x-littlepay-signature': [sig], 'x-littlepay-timestamp': [ts] }, keys.publicKeyPem, at)).toEqual({
      ok: true,
      timestamp: NOW_S,
    });
    // A Headers instance is checked as strictly as a record.
    const bad = new Headers({ 'X-LittlePay-Signature': sig, 'X-LittlePay-Timestamp': String(NOW_S - 1) });
    expect(verifyCallback(parsed, bad, keys.publicKeyPem, at)).toEqual({ ok: false, reason: 'bad_signature' });
  });
});
