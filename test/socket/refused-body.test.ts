// A body refused before it was read (over the 1 MiB limit) over a real connection (127.0.0.1 only): the
// answer must reach a client that is still sending, so the simulator reads and drops the rest of the body
// rather than closing the connection under it (a socket closed with unread data is reset, and a reset can
// take the answer with it).
import { connect, type AddressInfo, type Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../simulator/src/app.js';
import { defaultConfig } from '../../simulator/src/config.js';
import { DRAIN_LIMIT } from '../../simulator/src/http/errors.js';
import { testKeys } from '../helpers/sim.js';

const HOST = '127.0.0.1';
const apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
});

async function listening(): Promise<number> {
  const app = await buildApp({ config: defaultConfig({ port: 0, host: HOST, clock: 'manual', logLevel: 'silent' }), keys: testKeys() });
  apps.push(app);
  await app.listen({ port: 0, host: HOST });
  return (app.server.address() as AddressInfo).port;
}

/** Reads from the socket until `done` says the text so far is complete, or the socket ends. */
function readUntil(socket: Socket, done: (text: string) => boolean): Promise<{ text: string; ended: boolean }> {
  return new Promise((resolve) => {
    let text = '';
    const finish = (ended: boolean) => {
      socket.off('data', onData);
      socket.off('end', onEnd);
      resolve({ text, ended });
    };
    const onData = (chunk: Buffer) => {
      text += chunk.toString('latin1');
      if (done(text)) finish(false);
    };
    const onEnd = () => finish(true);
    socket.on('data', onData);
    socket.on('end', onEnd);
  });
}

/** One whole answer: the head, then as many bytes as its Content-Length says. */
const wholeAnswer = (text: string): boolean => {
  const head = text.indexOf('\r\n\r\n');
  if (head < 0) return false;
  const length = Number(/content-length: (\d+)/i.exec(text.slice(0, head))?.[1] ?? 0);
  return text.length >= head + 4 + length;
};

describe('a body refused before it was read', () => {
  it('is answered 413 while the client is still sending, and the same connection then serves the next request', async () => {
    const port = await listening();
    const socket = connect(port, HOST);
    await new Promise((resolve) => socket.once('connect', resolve));
    const size = 2 * 1024 * 1024;
    const half = Buffer.alloc(size / 2, 0x61);
    socket.write(`POST /_sim/inbox/drain HTTP/1.1\r\nHost: ${HOST}\r\nContent-Type: application/json\r\nContent-Length: ${size}\r\n\r\n`);
    socket.write(half);

    // Answered before the body is all there: the declared length is over the limit.
    const first = await readUntil(socket, wholeAnswer);
    expect(first.text).toMatch(/^HTTP\/1\.1 413 /);
    expect(first.text).toContain('"code":"PAYLOAD_TOO_LARGE"');
    expect(first.text.toLowerCase()).not.toContain('connection: close');

    // The rest of the body is taken (and dropped), and the connection answers the next request.
    socket.write(half);
    socket.write(`GET /_sim/health HTTP/1.1\r\nHost: ${HOST}\r\n\r\n`);
    const second = await readUntil(socket, wholeAnswer);
    expect(second.ended).toBe(false);
    expect(second.text).toMatch(/^HTTP\/1\.1 200 /);
    socket.destroy();
  });

  it('still closes the connection when the declared body is beyond what is worth reading', async () => {
    const port = await listening();
    const socket = connect(port, HOST);
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(`POST /_sim/inbox/drain HTTP/1.1\r\nHost: ${HOST}\r\nContent-Type: application/json\r\nContent-Length: ${DRAIN_LIMIT + 1}\r\n\r\n`);
    const answer = await readUntil(socket, wholeAnswer);
    expect(answer.text).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer.text.toLowerCase()).toContain('connection: close');
    socket.destroy();
  });
});
