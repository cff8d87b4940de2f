// Requests Node's HTTP parser refuses, over a real connection (127.0.0.1, port 0): each gets the documented
// { date, data: { message, code } } envelope and the status that says why (simulator/src/http/client-errors.ts),
// not Node's bare "400 Bad Request", fastify's generic body or a reset. Requests pipelined before the bad one
// are still answered. The timeouts are set short here and the test waits on the socket, not on a clock.
import { connect, type AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../simulator/src/app.js';
import { defaultConfig, type Config } from '../../simulator/src/config.js';
import { testKeys } from '../helpers/sim.js';

const HOST = '127.0.0.1';
const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

async function listening(overrides: Partial<Config> = {}): Promise<number> {
  const app = await buildApp({ config: defaultConfig({ port: 0, host: HOST, clock: 'manual', ...overrides }), keys: testKeys() });
  apps.push(app);
  await app.listen({ port: 0, host: HOST });
  return (app.server.address() as AddressInfo).port;
}

/** Sends raw bytes (in one or more writes) and reads until the server closes the connection. */
function exchange(port: number, ...chunks: Array<string | Buffer>): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, HOST, () => {
      for (const c of chunks) socket.write(c);
    });
    let text = '';
    socket.on('data', (d: Buffer) => (text += d.toString('utf8')));
    socket.on('close', () => resolve(text));
    socket.on('error', reject);
  });
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: { date: string; data: { message: string; code: string } };
}

/** Every answer in a stream of HTTP/1.1 responses, in order. */
function answers(text: string): Answer[] {
  const out: Answer[] = [];
  let rest = text;
  while (rest.startsWith('HTTP/1.1 ')) {
    const head = rest.indexOf('\r\n\r\n');
    const lines = rest.slice(0, head).split('\r\n');
    const headers = Object.fromEntries(lines.slice(1).map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
    const length = Number(headers['content-length'] ?? 0);
    const bodyBytes = Buffer.from(rest.slice(head + 4))
      .subarray(0, length)
      .toString('utf8');
    out.push({ status: Number(lines[0]!.split(' ')[1]), headers, body: JSON.parse(bodyBytes) });
    rest = Buffer.from(rest.slice(head + 4))
      .subarray(length)
      .toString('utf8');
  }
  return out;
}

function expectEnvelope(a: Answer | undefined, status: number, code: string): void {
  expect(a?.status).toBe(status);
  expect(a?.body.data.code).toBe(code);
  expect(typeof a?.body.data.message).toBe('string');
  expect(a?.body.date).toMatch(/^\d{4}-\d\d-\d\dT/);
}

const health = `GET /_sim/health HTTP/1.1\r\nHost: ${HOST}\r\n\r\n`;

describe('malformed requests over a socket', () => {
  it("the Tokenization Guide's sample (Content-Length counted in characters) gets a 400 in the envelope that says so", async () => {
    const port = await listening();
    const body = JSON.stringify({ description: 'Café Jambo' });
    const res = answers(
      await exchange(
        port,
        `POST /_sim/inbox/guide HTTP/1.1\r\nHost: ${HOST}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
      ),
    );
    expectEnvelope(res[0], 400, 'INVALID_JSON');
    expect(res[0]!.body.data.message).toContain('Content-Length');
  });

  it('a body longer than its Content-Length: the request as declared, then a 400 naming Content-Length for the rest', async () => {
    const port = await listening();
    const declared = JSON.stringify({ name: 'Jambo' });
    const res = answers(
      await exchange(
        port,
        `POST /_sim/inbox/guide HTTP/1.1\r\nHost: ${HOST}\r\nContent-Type: application/json\r\nContent-Length: ${declared.length}\r\n\r\n${declared}é}`,
      ),
    );
    expect(res).toHaveLength(2);
    expect(res[0]!.status).toBe(200);
    expectEnvelope(res[1], 400, 'MALFORMED_REQUEST');
    expect(res[1]!.body.data.message).toContain('Content-Length');
  });

  it('a malformed request pipelined after valid ones: the valid ones are answered, then the envelope', async () => {
    const port = await listening();
    const res = answers(await exchange(port, health + health + 'GET /x HTTP/1.1\r\nHost: a\r\nBad Header\r\n\r\n'));
    expect(res.map((a) => a.status)).toEqual([200, 200, 400]);
    expectEnvelope(res[2], 400, 'MALFORMED_REQUEST');
  });

  it('a 100 KB URL: 414', async () => {
    const port = await listening();
    const res = answers(await exchange(port, `GET /api/payments-v2/${'a'.repeat(100 * 1024)} HTTP/1.1\r\nHost: ${HOST}\r\n\r\n`));
    expectEnvelope(res[0], 414, 'URI_TOO_LONG');
  });

  it('a 64 KB header: 431', async () => {
    const port = await listening();
    const res = answers(await exchange(port, `GET /_sim/health HTTP/1.1\r\nHost: ${HOST}\r\nX-Big: ${'b'.repeat(64 * 1024)}\r\n\r\n`));
    expectEnvelope(res[0], 431, 'HEADERS_TOO_LARGE');
  });

  it('a method the parser does not know, on a path that exists: 405 with Allow', async () => {
    const port = await listening();
    const res = answers(await exchange(port, `FOO /api/refund/ORDER1 HTTP/1.1\r\nHost: ${HOST}\r\n\r\n`));
    expectEnvelope(res[0], 405, 'METHOD_NOT_ALLOWED');
    expect(res[0]!.headers.allow).toBe('OPTIONS, POST');
  });

  it('a client that stops half-way through its headers gets a 408 and is disconnected', async () => {
    const port = await listening({ headersTimeoutMs: 1000, requestTimeoutMs: 1000 });
    const res = answers(await exchange(port, `GET /_sim/health HTTP/1.1\r\nHost: ${HOST}\r\n`));
    expectEnvelope(res[0], 408, 'REQUEST_TIMEOUT');
  });

  it('a slow client does not hold up another one', async () => {
    const port = await listening({ headersTimeoutMs: 1000, requestTimeoutMs: 1000 });
    const slow = exchange(port, `POST /_sim/inbox/slow HTTP/1.1\r\nHost: ${HOST}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{`);
    const quick = answers(await exchange(port, `GET /_sim/health HTTP/1.1\r\nHost: ${HOST}\r\nConnection: close\r\n\r\n`));
    expect(quick[0]!.status).toBe(200);
    expectEnvelope(answers(await slow)[0], 408, 'REQUEST_TIMEOUT');
  });
});

describe('unknown methods (in-process)', () => {
  it.each(['QUERY', 'PATCH', 'DELETE', 'PROPFIND'])('%s on a path that exists: 405 with Allow, in the envelope', async (method) => {
    const port = await listening();
    const res = answers(await exchange(port, `${method} /api/refund/ORDER1 HTTP/1.1\r\nHost: ${HOST}\r\nConnection: close\r\n\r\n`));
    expectEnvelope(res[0], 405, 'METHOD_NOT_ALLOWED');
    expect(res[0]!.headers.allow).toBe('OPTIONS, POST');
  });

  it('a path no route has: 404', async () => {
    const port = await listening();
    const res = answers(await exchange(port, `QUERY /api/nothing HTTP/1.1\r\nHost: ${HOST}\r\nConnection: close\r\n\r\n`));
    expectEnvelope(res[0], 404, 'ROUTE_NOT_FOUND');
  });
});
