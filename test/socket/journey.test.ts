// The mobile-money journey over real sockets (127.0.0.1 only): the simulator listens, the typed client
// talks to it by fetch, and callbacks reach a real node:http receiver that checks the signature the way
// the Little Pay documentation's snippet does (createVerify over timestamp + "." + JSON.stringify(body)),
// deliberately without the client's verifyCallback. This is the only kind of test that opens sockets.
import { createVerify } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createLittlePayClient, createSimClient, merchantClientOptions, type SimSchemas } from '../../client/src/index.js';
import { buildApp } from '../../simulator/src/app.js';
import { generateSigningKeys } from '../../simulator/src/callbacks/keys.js';
import { RETRY_SCHEDULE_MS } from '../../simulator/src/callbacks/outbox.js';
import { defaultConfig } from '../../simulator/src/config.js';
import type { ContractViolation } from '../../simulator/src/http/response-check.js';
import { SimClock } from '../../simulator/src/runtime/clock.js';
import { replyRecorder } from '../helpers/reply-log.js';

const HOST = '127.0.0.1';
// One key pair for the file: a fresh RSA key per app would only cost time.
const keys = generateSigningKeys();

/** Everything a test opened, closed after it whatever happened. */
const closers: Array<() => Promise<void>> = [];
const violations: ContractViolation[] = [];
afterEach(async () => {
  const pending = closers.splice(0).reverse();
  const results = await Promise.allSettled(pending.map((close) => close()));
  const found = violations.splice(0);
  for (const r of results) if (r.status === 'rejected') throw r.reason;
  if (found.length) throw new Error(`replies that break the contract:\n${found.map((v) => JSON.stringify(v)).join('\n')}`);
});

interface Started {
  app: FastifyInstance;
  baseUrl: string;
  clock: SimClock;
}

async function startSim(clock?: SimClock): Promise<Started> {
  const app = await buildApp({
    config: defaultConfig({
      port: 0,
      host: HOST,
      // Only checkoutUrl and the built-in inbox use it; callbacks here go to our own receiver.
      publicUrl: 'http://127.0.0.1:9',
      pinDelayMs: 50,
      longPollTimeoutMs: 2000,
      refundDelayMs: 50,
      memory: true,
    }),
    keys,
    ...(clock ? { clock } : {}),
    onContractViolation: (v) => violations.push(v),
    onReply: replyRecorder(),
  });
  closers.push(() => app.close());
  await app.listen({ port: 0, host: HOST });
  const { address, port } = app.server.address() as AddressInfo;
  expect(address).toBe(HOST);
  return { app, baseUrl: `http://${HOST}:${port}`, clock: app.sim.ctx.globalClock };
}

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  raw: string;
  body: unknown;
  /** Result of the documentation's verification snippet. */
  signatureValid: boolean;
  answered: number;
}

interface Receiver {
  url: string;
  received: Received[];
}

function header(headers: IncomingHttpHeaders, name: string): string {
  const v = headers[name];
  return (Array.isArray(v) ? v[0] : v) ?? '';
}

/**
 * A merchant's callback endpoint. `answer(n)` is the status code of the n-th request (0-based).
 * It verifies exactly as the docs do: parse the body, re-serialise it with JSON.stringify, and check
 * the RSA-SHA256 signature over `${timestamp}.${that}` with the simulator's published PEM.
 */
async function startReceiver(publicKeyPem: () => string, answer: (n: number) => number = () => 200): Promise<Receiver> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown = null;
      let signatureValid = false;
      try {
        body = JSON.parse(raw);
        const signature = header(req.headers, 'x-littlepay-signature');
        const timestamp = header(req.headers, 'x-littlepay-timestamp');
        const verifier = createVerify('SHA256');
        verifier.update(timestamp + '.' + JSON.stringify(body));
        signatureValid = verifier.verify(publicKeyPem(), signature, 'base64');
      } catch {
        signatureValid = false;
      }
      const answered = answer(received.length);
      received.push({ path: req.url ?? '', headers: req.headers, raw, body, signatureValid, answered });
      res.writeHead(answered, { 'content-type': 'application/json' });
      res.end(answered < 300 ? '{"received":true}' : '{"error":"try again"}');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, () => resolve());
  });
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  const { port } = server.address() as AddressInfo;
  return { url: `http://${HOST}:${port}`, received };
}

/** A port on 127.0.0.1 that nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, HOST, () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Polls until `probe` returns a value, with short awaits and a bounded number of tries (a few seconds). */
async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, tries = 150): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`gave up waiting for ${what}`);
}

async function fetchPem(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/_sim/keys/callback.pem`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('application/x-pem-file');
  const pem = await res.text();
  expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----\n?$/);
  return pem;
}

async function demoMerchant(baseUrl: string): Promise<SimSchemas['Merchant']> {
  const { data, error } = await createSimClient({ baseUrl }).listMerchants();
  expect(error).toBeUndefined();
  const sandbox = data!.merchants.find((m) => m.environment === 'sandbox');
  expect(sandbox).toBeDefined();
  return sandbox!;
}

function intentBody(callbackUrl: string, key: string) {
  return {
    amount: 1500,
    currency: 'KES',
    description: 'Order 1042',
    callbackUrl,
    key,
    payload: { billingAddress: { firstName: 'Jane', lastName: 'Doe', email: 'jane@example.com' } },
  };
}

describe('mobile money journey over a real socket', () => {
  it('creates, long-polls to COMPLETED, delivers a signed compact callback, reports and refunds', async () => {
    const { baseUrl } = await startSim();
    const pem = await fetchPem(baseUrl);
    const receiver = await startReceiver(() => pem);
    const merchant = await demoMerchant(baseUrl);
    const lp = createLittlePayClient(merchantClientOptions(baseUrl, merchant));

    const created = await lp.createIntent(intentBody(`${receiver.url}/littlepay/callback`, 'ORDER1042'));
    expect(created.error).toBeUndefined();
    expect(created.response.status).toBe(200);
    const reference = created.data!.data.reference;
    expect(created.data!.data.checkoutUrl).toBe(`http://127.0.0.1:9/checkout/${reference}`);

    const processed = await lp.processPayment(reference, { type: 'MPESA', payment: { mobile: '254712345678' } }, { longPoll: true });
    expect(processed.error).toBeUndefined();
    const result = processed.data!.data;
    expect(result).toMatchObject({
      status: 'COMPLETED',
      message: 'The service request is processed successfully.',
      meta: { provider: 'MPESA', amount: 1500, currency: 'KES', description: 'Order 1042', reference },
    });
    expect(result.meta.providerReference).toMatch(/^[A-Z0-9]{10}$/);
    expect(result.meta.mpesaResponse).toEqual({
      MobileNumber: '254712345678',
      TrxID: result.meta.providerReference,
      ResultCode: 0,
      ResultDesc: 'The service request is processed successfully.',
    });

    const callback = await waitFor('the payment callback', () => receiver.received[0]);
    expect(callback.path).toBe('/littlepay/callback');
    expect(callback.signatureValid).toBe(true);
    expect(header(callback.headers, 'content-type')).toContain('application/json');
    const ts = header(callback.headers, 'x-littlepay-timestamp');
    expect(ts).toMatch(/^\d+$/);
    // Seconds, not milliseconds (a generous window: this checks the unit, not the timing).
    expect(Math.abs(Number(ts) - Date.now() / 1000)).toBeLessThan(600);
    // Compact JSON on the wire: exactly what JSON.stringify of the parsed body gives back.
    expect(callback.raw).toBe(JSON.stringify(callback.body));
    expect(callback.raw).not.toMatch(/":\s|,\s+"/);
    expect(callback.body).toEqual({
      reference,
      status: 'COMPLETED',
      payload: {
        billingAddress: {
          firstName: 'Jane',
          lastName: 'Doe',
          address1: '',
          locality: '',
          administrativeArea: '',
          postalCode: '',
          country: '',
          email: 'jane@example.com',
          phoneNumber: '',
        },
      },
      amount: 1500,
      key: 'ORDER1042',
      currency: 'KES',
      provider: 'MPESA',
      date: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/),
    });
    // The same bytes with one value changed must not verify (the receiver really checks).
    const forged = createVerify('SHA256').update(`${ts}.${callback.raw.replace('"amount":1500', '"amount":15000')}`);
    expect(forged.verify(pem, header(callback.headers, 'x-littlepay-signature'), 'base64')).toBe(false);

    const byKey = await lp.getPaymentStatus('ORDER1042');
    const byRef = await lp.getPaymentStatus(reference);
    expect(byKey.error).toBeUndefined();
    expect(byKey.data!.data).toMatchObject({ reference, status: 'COMPLETED', amount: 1500, key: 'ORDER1042', payment: { provider: 'MPESA', details: null } });
    expect(byKey.data!.data.attempts).toEqual([expect.objectContaining({ reference, provider: 'MPESA', status: 'COMPLETED' })]);
    expect(byRef.data!.data).toEqual(byKey.data!.data);

    const partial = await lp.refund('ORDER1042', { amount: 500, reason: 'damaged', callbackUrl: `${receiver.url}/littlepay/refunds` });
    expect(partial.error).toBeUndefined();
    expect(partial.data!.data.status).toBe('PENDING');

    const refundCallback = await waitFor('the refund callback', () => receiver.received[1]);
    expect(refundCallback.path).toBe('/littlepay/refunds');
    expect(refundCallback.signatureValid).toBe(true);
    expect(refundCallback.raw).toBe(JSON.stringify(refundCallback.body));
    expect(refundCallback.body).toEqual({
      status: 'COMPLETED',
      message: 'Success',
      amount: 500,
      reason: 'damaged',
      date: expect.any(String),
      reference,
      key: 'ORDER1042',
    });

    const over = await lp.refund(reference, { amount: 1000.01 });
    expect(over.response.status).toBe(409);
    expect(over.data).toBeUndefined();
    expect(over.error!.data.code).toBe('REFUND_EXCEEDS_BALANCE');
    expect(over.error!.data.message).toContain('1000');

    const after = await lp.getPaymentStatus(reference);
    expect(after.data!.data.refunds).toEqual([expect.objectContaining({ amount: 500, status: 'COMPLETED', reason: 'damaged' })]);
    // Nothing else was sent: one payment callback, one refund callback.
    expect(receiver.received).toHaveLength(2);
  });

  it('retries a callback the receiver answered 500, on the simulator clock, and records both deliveries', async () => {
    const clock = new SimClock('manual');
    const { baseUrl } = await startSim(clock);
    const pem = await fetchPem(baseUrl);
    const receiver = await startReceiver(
      () => pem,
      (n) => (n === 0 ? 500 : 200),
    );
    const merchant = await demoMerchant(baseUrl);
    const lp = createLittlePayClient(merchantClientOptions(baseUrl, merchant));
    const sim = createSimClient({ baseUrl });

    const created = await lp.createIntent(intentBody(`${receiver.url}/cb`, 'ORDER_RETRY'));
    const reference = created.data!.data.reference;
    const pending = await lp.processPayment(reference, { type: 'MPESA', payment: { mobile: '254712345678' } });
    expect(pending.data!.data.status).toBe('PENDING');
    expect(receiver.received).toHaveLength(0);

    clock.advance(50); // the PIN delay, on the simulator's clock
    const callbacksAfter = async (deliveries: number) => {
      const { data } = await sim.listCallbacks({ reference });
      const cb = data!.callbacks[0];
      return cb && cb.deliveries.length >= deliveries ? cb : undefined;
    };
    const first = await waitFor('the first (failed) delivery', () => callbacksAfter(1));
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]!.signatureValid).toBe(true);
    expect(first.state).toBe('pending');
    expect(first.deliveries).toEqual([expect.objectContaining({ ok: false, statusCode: 500 })]);
    expect(first.nextAttemptAt).toBe(new Date(clock.now() + 10_000).toISOString());

    clock.advance(9_999);
    // One short look that nothing went early (the retry is due at 10 s, not before).
    await new Promise((r) => setTimeout(r, 50));
    expect(receiver.received).toHaveLength(1);
    clock.advance(1);

    const second = await waitFor('the retried delivery', async () => {
      const cb = await callbacksAfter(2);
      return cb?.state === 'delivered' ? cb : undefined;
    });
    const { data } = await sim.listCallbacks({ reference });
    expect(data!.callbacks).toHaveLength(1);
    expect(second.kind).toBe('payment');
    expect(second.nextAttemptAt).toBeNull();
    expect(second.deliveries).toHaveLength(2);
    expect(second.deliveries[0]).toMatchObject({ ok: false, statusCode: 500 });
    expect(second.deliveries[1]).toMatchObject({ ok: true, statusCode: 200 });

    expect(receiver.received).toHaveLength(2);
    const [a, b] = receiver.received;
    expect(b!.signatureValid).toBe(true);
    expect(b!.body).toEqual(a!.body);
    // Each attempt is signed afresh, with the simulator clock's time (10 s later).
    expect(Number(header(b!.headers, 'x-littlepay-timestamp')) - Number(header(a!.headers, 'x-littlepay-timestamp'))).toBe(10);
  });

  it('records a callback to an unreachable URL as a failed delivery and keeps it pending, never dropping it', async () => {
    const clock = new SimClock('manual');
    const { baseUrl } = await startSim(clock);
    const port = await closedPort();
    const merchant = await demoMerchant(baseUrl);
    const lp = createLittlePayClient(merchantClientOptions(baseUrl, merchant));
    const sim = createSimClient({ baseUrl });

    const created = await lp.createIntent(intentBody(`http://${HOST}:${port}/`, 'ORDER_NOWHERE'));
    const reference = created.data!.data.reference;
    await lp.processPayment(reference, { type: 'MPESA', payment: { mobile: '254712345678' } });
    clock.advance(50);

    const look = async (deliveries: number) => {
      const { data } = await sim.listCallbacks({ reference });
      const cb = data!.callbacks[0];
      return cb && cb.deliveries.length >= deliveries ? cb : undefined;
    };
    const first = await waitFor('the failed delivery', () => look(1));
    expect(first.url).toBe(`http://${HOST}:${port}/`);
    expect(first.state).toBe('pending');
    expect(first.nextAttemptAt).toBe(new Date(clock.now() + 10_000).toISOString());
    expect(first.deliveries).toHaveLength(1);
    expect(first.deliveries[0]!.ok).toBe(false);
    expect(first.deliveries[0]!.statusCode).toBeUndefined();
    expect(first.deliveries[0]!.error).toBe('ECONNREFUSED');

    // Every retry of the schedule fails the same way; the record stays, pending until the last one.
    let cb: SimSchemas['Callback'] = first;
    for (const [i, delay] of RETRY_SCHEDULE_MS.entries()) {
      expect(cb.state).toBe('pending');
      clock.advance(delay);
      cb = await waitFor(`retry ${i + 1}`, () => look(i + 2));
    }
    expect(cb.deliveries).toHaveLength(RETRY_SCHEDULE_MS.length + 1);
    expect(cb.deliveries.every((d) => d.ok === false && d.error === 'ECONNREFUSED')).toBe(true);
    expect(cb.state).toBe('failed');
    expect(cb.nextAttemptAt).toBeNull();
    // Still listed after giving up.
    const { data } = await sim.listCallbacks({ reference });
    expect(data!.callbacks.map((c) => c.id)).toEqual([cb.id]);
  });
});
