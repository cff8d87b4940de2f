// The fuzz test's raw-socket shapes: bytes no HTTP client library would send, each on its own connection
// (issue 20). Every answer in the stream must be a 2xx or a 4xx in the { date, data: { message, code } }
// envelope, and the connection must get an answer at all, never only a reset.
import { connect } from 'node:net';

export interface RawShape {
  how: string;
  bytes: string;
}

const H = 'Host: 127.0.0.1';
const health = `GET /_sim/health HTTP/1.1\r\n${H}\r\n\r\n`;
const json = (length: number | string, body: string) =>
  `POST /_sim/inbox/raw HTTP/1.1\r\n${H}\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n${body}`;

export const RAW_SHAPES: RawShape[] = [
  { how: 'Content-Length in characters, body with a non-ASCII one', bytes: json(JSON.stringify({ d: 'Café' }).length, JSON.stringify({ d: 'Café' })) },
  { how: 'bytes after the declared body', bytes: json(2, '{}é}') },
  { how: 'a malformed request pipelined after valid ones', bytes: `${health}${health}GET /x HTTP/1.1\r\nBad Header\r\n\r\n` },
  { how: 'a 100 KB URL', bytes: `GET /api/payments-v2/${'a'.repeat(100 * 1024)} HTTP/1.1\r\n${H}\r\n\r\n` },
  { how: 'a 64 KB header', bytes: `GET /_sim/health HTTP/1.1\r\n${H}\r\nX-Big: ${'b'.repeat(64 * 1024)}\r\n\r\n` },
  { how: 'a method the parser does not know', bytes: `FOO /api/refund/X HTTP/1.1\r\n${H}\r\n\r\n` },
  {
    how: 'QUERY with a body',
    bytes: `QUERY /api/refund/X HTTP/1.1\r\n${H}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
  },
  { how: 'a NUL in the request line', bytes: `GET /_sim/he\u0000alth HTTP/1.1\r\n${H}\r\n\r\n` },
  { how: 'a header name with a space', bytes: `GET /_sim/health HTTP/1.1\r\n${H}\r\nBad Header: x\r\n\r\n` },
  {
    how: 'Content-Length and Transfer-Encoding together',
    bytes: `POST /_sim/inbox/raw HTTP/1.1\r\n${H}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
  },
  {
    how: 'a chunk size that is not hex',
    bytes: `POST /_sim/inbox/raw HTTP/1.1\r\n${H}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`,
  },
  { how: 'a Content-Length that is not a number', bytes: json('two', '{}') },
  { how: 'an HTTP/2 preface', bytes: 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n' },
  { how: 'an HTTP version from the future', bytes: `GET /_sim/health HTTP/9.9\r\n${H}\r\n\r\n` },
  { how: 'line feeds without carriage returns', bytes: `GET /_sim/health HTTP/1.1\n${H}\n\n` },
  { how: 'binary noise', bytes: '\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\u0003\u0003' },
];

/** Sends the bytes and reads until the server closes (or 15 s pass); the text received. */
export function sendRaw(port: number, bytes: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(Buffer.from(bytes, 'utf8')));
    let text = '';
    socket.on('data', (d: Buffer) => (text += d.toString('utf8')));
    socket.on('close', () => resolve(text));
    socket.on('error', () => {});
    socket.setTimeout(15_000, () => socket.destroy());
  });
}

/** Each answer in a stream of HTTP/1.1 answers: its status, and whether a 4xx or 5xx carries the envelope. */
export function rawAnswers(text: string): Array<{ status: number; enveloped: boolean }> {
  const out: Array<{ status: number; enveloped: boolean }> = [];
  let rest = Buffer.from(text);
  while (rest.subarray(0, 9).toString() === 'HTTP/1.1 ') {
    const head = rest.indexOf('\r\n\r\n');
    if (head < 0) break;
    const lines = rest.subarray(0, head).toString().split('\r\n');
    const length = Number(/^content-length:\s*(\d+)/im.exec(lines.join('\n'))?.[1] ?? 0);
    const body = rest.subarray(head + 4, head + 4 + length).toString();
    let enveloped = false;
    try {
      const parsed = JSON.parse(body) as { date?: unknown; data?: { message?: unknown; code?: unknown } };
      enveloped = typeof parsed.date === 'string' && typeof parsed.data?.message === 'string' && typeof parsed.data?.code === 'string';
    } catch {
      // not JSON: not the envelope
    }
    out.push({ status: Number(lines[0]!.split(' ')[1]), enveloped });
    rest = rest.subarray(head + 4 + length);
  }
  return out;
}
