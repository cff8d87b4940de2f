// The callback transport (callbacks/transport.ts: node:http over pooled keep-alive connections) against
// real receivers on 127.0.0.1: one connection for consecutive callbacks, a connection the receiver dropped
// while idle, a long answer, a redirect, an answer cut off after its status, and a URL it cannot send to.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { sendOnce, httpTransport } from '../../simulator/src/callbacks/transport.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.allSettled(closers.splice(0).map((close) => close()));
});

async function receiver(answer: (req: IncomingMessage, res: ServerResponse) => void) {
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => answer(req, res));
  });
  server.on('connection', (s) => sockets.add(s));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  closers.push(() => new Promise<void>((done) => server.close(() => done())).then(() => server.closeAllConnections()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/cb`, sockets };
}

const signed = { body: '{"reference":"r1"}', headers: { 'content-type': 'application/json', 'x-littlepay-signature': 'c2ln', 'x-littlepay-timestamp': '1' } };
const ok = (_req: IncomingMessage, res: ServerResponse) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');

describe('httpTransport', () => {
  it('sends consecutive callbacks to one receiver over one kept-alive connection', async () => {
    const r = await receiver(ok);
    for (let i = 0; i < 3; i++) expect(await httpTransport(r.url, signed, 5_000)).toEqual({ statusCode: 200, text: '{"ok":true}' });
    expect(r.sockets.size).toBe(1);
  });

  it('delivers through a fresh connection when the receiver dropped the idle one', async () => {
    const r = await receiver(ok);
    await httpTransport(r.url, signed, 5_000);
    // The receiver closes its end without a word, as one restarting or timing out its idle connections does.
    for (const s of r.sockets) s.destroy();
    await new Promise((done) => setTimeout(done, 20));
    expect((await sendOnce(httpTransport, r.url, signed, 5_000, 'now')).ok).toBe(true);
  });

  it('sends again, once, on a fresh connection when a kept-alive one is closed as it is reused', async () => {
    const served = new WeakSet<Socket>();
    const r = await receiver((req, res) => {
      // A receiver closing an idle connection just as the next callback arrives on it.
      if (served.has(req.socket)) return void req.socket.destroy();
      served.add(req.socket);
      ok(req, res);
    });
    await httpTransport(r.url, signed, 5_000);
    expect(await httpTransport(r.url, signed, 5_000)).toEqual({ statusCode: 200, text: '{"ok":true}' });
    expect(r.sockets.size).toBe(2);
  });

  it('reads at most the start of a long answer, and the status counts', async () => {
    const r = await receiver((_req, res) => res.writeHead(200).end('x'.repeat(1_000_000)));
    const res = await httpTransport(r.url, signed, 5_000);
    expect(res.statusCode).toBe(200);
    expect(res.text.length).toBeGreaterThanOrEqual(4096);
    expect(res.text.length).toBeLessThan(1_000_000);
  });

  it('takes a redirect as the answer, without following it', async () => {
    const r = await receiver((_req, res) => res.writeHead(302, { location: 'http://127.0.0.1:9/elsewhere' }).end());
    const delivery = await sendOnce(httpTransport, r.url, signed, 5_000, 'now');
    expect(delivery).toMatchObject({ ok: false, statusCode: 302 });
  });

  it('keeps the status of an answer whose body does not end within the timeout', async () => {
    const r = await receiver((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('started');
    });
    expect(await httpTransport(r.url, signed, 300)).toEqual({ statusCode: 200, text: 'started' });
  });

  it('names a timeout and a URL it cannot send to as the delivery log shows them', async () => {
    const r = await receiver(() => {});
    expect(await sendOnce(httpTransport, r.url, signed, 300, 'now')).toMatchObject({ ok: false, error: 'timeout' });
    expect(await sendOnce(httpTransport, 'ftp://127.0.0.1/cb', signed, 300, 'now')).toMatchObject({ ok: false, error: 'UNSUPPORTED_PROTOCOL' });
  });
});
