// The receiver check against real node:http receivers on 127.0.0.1: a safe one (node:crypto signature
// check, a 5-minute replay window, idempotent by reference), one that skips the signature check, one
// without a replay window, one that refuses duplicates, one that never answers, and none at all. The
// simulator runs in-process; only the receivers listen, because the check's requests are real HTTP.
import { createVerify } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { SimSchemas } from '../../client/src/index.js';
import { httpTransport } from '../../simulator/src/callbacks/outbox.js';
import { merchantCallbacks } from '../helpers/callbacks.js';
import { paidIntent, startTestSim, testKeys, type TestSim } from '../helpers/sim.js';

const HOST = '127.0.0.1';
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.allSettled(closers.splice(0).map((close) => close()));
});

interface Incoming {
  headers: IncomingHttpHeaders;
  raw: string;
}
/** Returns the status to answer, or null to never answer. */
type Handler = (req: Incoming) => number | null;

async function listen(handle: Handler): Promise<{ url: string; received: Incoming[] }> {
  const received: Incoming[] = [];
  const held: ServerResponse[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const incoming = { headers: req.headers, raw: Buffer.concat(chunks).toString('utf8') };
      received.push(incoming);
      const status = handle(incoming);
      if (status === null) return void held.push(res);
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ status }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, HOST, () => resolve()));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { url: `http://${HOST}:${(server.address() as AddressInfo).port}/littlepay/callback`, received };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

/**
 * The receiver an integrator should write, in steps that can each be left out: verify the signature with
 * node:crypto over timestamp + "." + JSON.stringify(parsed body), refuse a timestamp more than 5 minutes
 * from its clock (here the simulator's manual clock), and acknowledge a reference it has seen with 200.
 */
function receiver(now: () => number, skip: { signature?: boolean; window?: boolean; idempotency?: boolean } = {}): Handler {
  const seen = new Set<string>();
  return ({ headers, raw }) => {
    let body: { reference: string; status: string };
    try {
      body = JSON.parse(raw);
    } catch {
      return 400;
    }
    const timestamp = one(headers['x-littlepay-timestamp']);
    if (!skip.signature) {
      const valid = createVerify('SHA256')
        .update(`${timestamp}.${JSON.stringify(body)}`)
        .verify(testKeys().publicKeyPem, one(headers['x-littlepay-signature']), 'base64');
      if (!valid) return 401;
    }
    if (!skip.window && Math.abs(now() / 1000 - Number(timestamp)) > 300) return 401;
    const id = `${body.reference}:${body.status}`;
    if (seen.has(id)) return skip.idempotency ? 409 : 200;
    seen.add(id);
    return 200;
  };
}

async function check(sim: TestSim, url: string): Promise<SimSchemas['CallbackCheck']> {
  const res = await sim.inject({ method: 'POST', url: `/_sim/merchants/${sim.sandbox.id}/callback-check`, payload: { url } });
  expect(res.statusCode).toBe(200);
  return res.json();
}

const grades = (report: SimSchemas['CallbackCheck']) => Object.fromEntries(report.cases.map((c) => [c.name, c.passed]));

describe('POST /_sim/merchants/{id}/callback-check', () => {
  it('grades a safe receiver safe, and that receiver accepts a real callback', async () => {
    const sim = await startTestSim({}, { transport: httpTransport });
    const safe = await listen(receiver(() => sim.clock.now()));
    const report = await check(sim, safe.url);
    expect(report.summary).toBe('Safe: all 5 cases passed.');
    expect(report.safe).toBe(true);
    expect(report.cases.map((c) => [c.name, c.expected, c.statusCode])).toEqual([
      ['tampered_body', 'reject', 401],
      ['wrong_signature', 'reject', 401],
      ['stale_timestamp', 'reject', 401],
      ['valid', 'accept', 200],
      ['duplicate', 'accept', 200],
    ]);
    expect(report.cases.every((c) => typeof c.latencyMs === 'number' && c.responseSnippet?.startsWith('{"status":'))).toBe(true);
    expect(safe.received.map((r) => one(r.headers['x-littlepay-sim-check']))).toEqual([
      'tampered_body',
      'wrong_signature',
      'stale_timestamp',
      'valid',
      'duplicate',
    ]);

    // The same receiver takes a real payment callback (verified with node:crypto) with a 200.
    const reference = await paidIntent(sim, sim.sandbox, { callbackUrl: safe.url });
    const [cb] = await merchantCallbacks(sim, sim.sandbox.id, `?reference=${reference}`);
    expect(cb).toMatchObject({ state: 'delivered', deliveries: [{ ok: true, statusCode: 200 }] });
  });

  it('grades a receiver that skips the signature check unsafe, naming the forged cases', async () => {
    const sim = await startTestSim({}, { transport: httpTransport });
    const unsafe = await listen(receiver(() => sim.clock.now(), { signature: true }));
    const report = await check(sim, unsafe.url);
    expect(report.safe).toBe(false);
    expect(grades(report)).toEqual({ tampered_body: false, wrong_signature: false, stale_timestamp: true, valid: true, duplicate: true });
    expect(report.summary).toBe('Unsafe: 3 of 5 cases passed (failed: tampered_body, wrong_signature).');
    expect(report.cases[0]!.explanation).toMatch(/^Answered 200: anyone could post a forged payment/);
    // The last report is kept for the inspector.
    expect((await sim.inject({ method: 'GET', url: `/_sim/merchants/${sim.sandbox.id}/callback-check` })).json()).toEqual(report);
  });

  it('fails a receiver without a replay window on the stale timestamp only', async () => {
    const sim = await startTestSim({}, { transport: httpTransport });
    const report = await check(sim, (await listen(receiver(() => sim.clock.now(), { window: true }))).url);
    expect(grades(report)).toEqual({ tampered_body: true, wrong_signature: true, stale_timestamp: false, valid: true, duplicate: true });
  });

  it('fails a receiver that answers 409 to a duplicate on the duplicate only', async () => {
    const sim = await startTestSim({}, { transport: httpTransport });
    const report = await check(sim, (await listen(receiver(() => sim.clock.now(), { idempotency: true }))).url);
    expect(grades(report)).toEqual({ tampered_body: true, wrong_signature: true, stale_timestamp: true, valid: true, duplicate: false });
    expect(report.cases[4]).toMatchObject({ statusCode: 409, explanation: expect.stringContaining('acknowledged with a 2xx again') });
  });

  it('fails every case a receiver does not answer within the timeout', async () => {
    // Long enough that the cases answered at once never time out on a busy machine.
    const sim = await startTestSim({ callbackTimeoutMs: 1000 }, { transport: httpTransport });
    const safe = receiver(() => sim.clock.now());
    const report = await check(sim, (await listen((req) => (one(req.headers['x-littlepay-sim-check']) === 'valid' ? null : safe(req)))).url);
    expect(report.timeoutMs).toBe(1000);
    expect(report.cases[3]).toMatchObject({ name: 'valid', passed: false, error: 'timeout', explanation: expect.stringContaining('No answer within 1000 ms') });
    expect(report.cases[3]!.statusCode).toBeUndefined();
    expect(grades(report)).toEqual({ tampered_body: true, wrong_signature: true, stale_timestamp: true, valid: false, duplicate: true });
  });

  it('reports an unreachable receiver as unsafe, with the network error', async () => {
    const sim = await startTestSim({}, { transport: httpTransport });
    const gone = await listen(() => 200);
    await Promise.all(closers.splice(0).map((close) => close()));
    const report = await check(sim, gone.url);
    expect(report.safe).toBe(false);
    expect(report.cases.every((c) => !c.passed && c.error === 'ECONNREFUSED' && c.explanation === 'Could not reach the receiver (ECONNREFUSED).')).toBe(true);
  });
});
