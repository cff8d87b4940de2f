// The delivery worker (decision 0116) over real sockets on 127.0.0.1: what it sends is byte for byte what
// the main thread would have sent, and a worker that dies loses no callback: the delivery it held is
// recorded as failed (the outbox retries it) and the next one starts a new worker.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { generateSigningKeys } from '../../simulator/src/callbacks/keys.js';
import { signCallback } from '../../simulator/src/callbacks/signing.js';
import { deliveryWorkerRunning, stopDeliveryWorker, workerCourier } from '../../simulator/src/callbacks/worker-courier.js';

const keys = generateSigningKeys();
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

interface Got {
  headers: IncomingMessage['headers'];
  raw: string;
}

async function receiver(answer: (res: ServerResponse) => void): Promise<{ url: string; got: Got[] }> {
  const got: Got[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      got.push({ headers: req.headers, raw });
      answer(res);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  closers.push(
    () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/littlepay`, got };
}

const body = { reference: 'ref_1', status: 'COMPLETED', payload: { billingAddress: { firstName: 'Wanjiru' } }, amount: 1500, key: 'order-1', currency: 'KES' };
const signedAtMs = Date.UTC(2026, 11, 6, 9, 30, 15, 250);

describe('the delivery worker', () => {
  it('sends the bytes and the signature the main thread would, and answers with the delivery log entry', async () => {
    const { url, got } = await receiver((res) => res.writeHead(202, { 'content-type': 'application/json' }).end('{"received":true}'));
    const courier = workerCourier(keys.privateKey);
    closers.push(async () => courier.release());

    const delivery = await courier.deliver({ url, body, signedAtMs, at: '2026-12-06T09:30:15.250Z', timeoutMs: 5000 });

    const expected = signCallback(body, keys.privateKey, signedAtMs);
    expect(got).toHaveLength(1);
    expect(got[0]!.raw).toBe(expected.body);
    expect(got[0]!.headers['x-littlepay-signature']).toBe(expected.headers['x-littlepay-signature']);
    expect(got[0]!.headers['x-littlepay-timestamp']).toBe('1796549415');
    expect(got[0]!.headers['content-type']).toBe('application/json');
    expect(delivery).toMatchObject({
      at: '2026-12-06T09:30:15.250Z',
      ok: true,
      statusCode: 202,
      responseSnippet: '{"received":true}',
      signature: { timestamp: '1796549415', value: expected.headers['x-littlepay-signature'] },
    });
    expect(delivery.latencyMs).toBeGreaterThanOrEqual(0);
    expect(deliveryWorkerRunning()).toBe(true);
  });

  it('signs a burst of callbacks, each with its own signature', async () => {
    const { url, got } = await receiver((res) => res.writeHead(200).end('ok'));
    const courier = workerCourier(keys.privateKey);
    closers.push(async () => courier.release());
    const bodies = Array.from({ length: 40 }, (_, i) => ({ ...body, reference: `ref_${i}`, key: `order-${i}` }));

    const deliveries = await Promise.all(
      bodies.map((b, i) => courier.deliver({ url, body: b, signedAtMs: signedAtMs + i * 1000, at: `t${i}`, timeoutMs: 5000 })),
    );

    expect(deliveries.every((d) => d.ok)).toBe(true);
    expect(got).toHaveLength(40);
    for (const [i, b] of bodies.entries()) {
      const expected = signCallback(b, keys.privateKey, signedAtMs + i * 1000);
      const arrived = got.find((g) => g.raw === expected.body);
      expect(arrived?.headers['x-littlepay-signature']).toBe(expected.headers['x-littlepay-signature']);
      expect(deliveries[i]!.signature?.value).toBe(expected.headers['x-littlepay-signature']);
    }
  });

  it('names the network error as the main thread does (a refused connection)', async () => {
    const { url } = await receiver((res) => res.end());
    const closed = url.replace(/:\d+\//, ':9/');
    const courier = workerCourier(keys.privateKey);
    closers.push(async () => courier.release());
    const delivery = await courier.deliver({ url: closed, body, signedAtMs, at: 'now', timeoutMs: 5000 });
    expect(delivery).toMatchObject({ ok: false, error: 'ECONNREFUSED' });
    expect(delivery.statusCode).toBeUndefined();
  });

  it('records a delivery held by a worker that dies as failed, and starts a new worker for the next', async () => {
    const hanging = await receiver(() => {}); // never answers
    const answering = await receiver((res) => res.writeHead(200).end('ok'));
    const courier = workerCourier(keys.privateKey);
    closers.push(async () => courier.release());

    const held = courier.deliver({ url: hanging.url, body, signedAtMs, at: 'then', timeoutMs: 60_000 });
    await expect.poll(() => hanging.got.length).toBe(1);
    await stopDeliveryWorker();
    const lost = await held;
    expect(lost).toMatchObject({ ok: false, at: 'then', signature: { timestamp: '1796549415', value: '' } });
    expect(lost.error).toMatch(/^delivery worker stopped \(/);
    expect(deliveryWorkerRunning()).toBe(false);

    // The key is registered with the new worker too.
    const next = await courier.deliver({ url: answering.url, body, signedAtMs, at: 'later', timeoutMs: 5000 });
    expect(next).toMatchObject({ ok: true, statusCode: 200, responseSnippet: 'ok' });
    expect(answering.got[0]!.headers['x-littlepay-signature']).toBe(signCallback(body, keys.privateKey, signedAtMs).headers['x-littlepay-signature']);
    expect(deliveryWorkerRunning()).toBe(true);
  });
});
