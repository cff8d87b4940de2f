// The receiver of the real service's callbacks (docs/decisions/0104): a small HTTP server the integrator's
// public URL (--callback-url, through their tunnel or proxy) forwards to. It keeps each callback's parsed
// body and its two signing headers, by the last segment of the path (a proxy may add a prefix), for as long
// as the run lasts; nothing is written anywhere.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedCallback {
  body: unknown;
  headers: { 'x-littlepay-signature'?: string; 'x-littlepay-timestamp'?: string };
}

export interface CallbackReceiver {
  /** Where it listens, e.g. http://127.0.0.1:8787. */
  readonly localUrl: string;
  /** The callbacks received so far on a path whose last segment is `name`, oldest first. */
  received(name: string): ReceivedCallback[];
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) req.destroy(new Error('callback body over 1 MiB'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export async function startReceiver(port: number, host: string): Promise<CallbackReceiver> {
  const byName = new Map<string, ReceivedCallback[]>();
  const server = createServer((req, res) => {
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    readBody(req).then(
      (text) => {
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          body = { notJson: header(req, 'content-type') ?? 'no content type', length: text.length };
        }
        const name = new URL(req.url ?? '/', 'http://receiver').pathname.split('/').pop() ?? '';
        const signature = header(req, 'x-littlepay-signature');
        const timestamp = header(req, 'x-littlepay-timestamp');
        const headers = { ...(signature ? { 'x-littlepay-signature': signature } : {}), ...(timestamp ? { 'x-littlepay-timestamp': timestamp } : {}) };
        byName.set(name, [...(byName.get(name) ?? []), { body, headers }]);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}');
      },
      () => res.writeHead(400).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    localUrl: `http://${shown}:${address.port}`,
    received: (name) => [...(byName.get(name) ?? [])],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
