// Requests Node's HTTP parser refuses before fastify sees them (docs/guides/security.md): they get the
// same { date, data: { message, code } } envelope as every other error, with the status that says why,
// instead of Node's bare "400 Bad Request" or fastify's generic body:
// - a URL too long for the header limit: 414; headers too large: 431;
// - a client too slow to send its headers or its request (HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS): 408;
// - a method the parser does not know: 405 with Allow when the path exists (route-methods.ts), else 404;
// - bytes after a body that are not a request (a Content-Length that counted characters, not bytes, as the
//   Tokenization Guide's JavaScript sample does): 400 naming Content-Length.
// Requests parsed before the bad one (pipelined) are answered first; then the error, and the connection closes.
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { ApiError, type ErrorCode } from '../domain/errors.js';
import { errorBody } from './errors.js';
import type { RouteMethods } from './route-methods.js';

export interface ClientErrorDeps {
  routes: RouteMethods;
  now(): number;
  log: { info(obj: object, msg: string): void };
}

type ParserError = Error & { code?: string; rawPacket?: Buffer; bytesParsed?: number; reason?: string };

/**
 * The request line the parser failed on, when the bytes there start like one. rawPacket is the whole chunk
 * read (pipelined requests before the bad one included); the line that holds the error position is the one.
 */
function failedRequestLine(err: ParserError): { method: string; target: string } | null {
  const raw = err.rawPacket;
  if (!raw) return null;
  const at = Math.min(err.bytesParsed ?? 0, raw.length);
  const start = raw.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
  const head = raw.subarray(start, start + 8192).toString('latin1');
  const m = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+) (\/\S*)(?: HTTP\/\d\.\d)?(?:\r?\n|$)/.exec(head);
  return m ? { method: m[1]!, target: m[2]! } : null;
}

/** What to answer for a parser error. */
export function classify(err: ParserError, routes: RouteMethods): { error: ApiError; allow?: string } {
  const make = (code: ErrorCode, message: string) => ({ error: new ApiError(code, message) });
  switch (err.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return make('REQUEST_TIMEOUT', 'request: the request was not received in time; the connection is closed');
    case 'HPE_HEADER_OVERFLOW': {
      // The limit covers the request line too: a first line with no end in sight is a long URL.
      const firstLine = err.rawPacket?.indexOf('\n') ?? -1;
      if (firstLine === -1 || firstLine > 8192) return make('URI_TOO_LONG', 'url: is longer than the server takes (16 KiB for the URL and headers together)');
      return make('HEADERS_TOO_LARGE', 'headers: are larger than the server takes (16 KiB for the URL and headers together)');
    }
    case 'HPE_INVALID_METHOD': {
      const line = failedRequestLine(err);
      if (line) return routes.refusal(line.method, line.target);
      return make(
        'MALFORMED_REQUEST',
        'request: bytes arrived that are not an HTTP request; if a body came before them, its Content-Length is shorter than the body (Content-Length counts bytes, and a non-ASCII character takes more than one)',
      );
    }
  }
  return make('MALFORMED_REQUEST', `request: is not valid HTTP/1.1 (${err.reason ?? err.code ?? 'malformed'})`);
}

function answer(socket: Socket, status: number, body: string, allow?: string): void {
  if (socket.destroyed || !socket.writable) return;
  const headers = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    ...(allow ? [`Allow: ${allow}`] : []),
    'Connection: close',
  ];
  socket.end(`${headers.join('\r\n')}\r\n\r\n${body}`);
  // Whatever the client still sends is read and dropped: a socket closed with unread data is reset, and
  // the reset can take the answer with it.
  socket.resume();
}

type InFlight = NodeJS.EventEmitter & { writableFinished?: boolean; req?: { complete?: boolean } };

/**
 * Node's current response on the socket, while an earlier (pipelined) request is still being answered.
 * Not when that request's own body is what broke (a bad chunk): its answer would never come.
 */
function answering(socket: Socket): InFlight | undefined {
  const res = (socket as Socket & { _httpMessage?: InFlight })._httpMessage;
  return res && !res.writableFinished && res.req?.complete !== false ? res : undefined;
}

export function clientErrorHandler(deps: ClientErrorDeps): (err: Error, socket: Socket) => void {
  const handled = new WeakSet<Socket>();
  return (err, socket) => {
    const e = err as ParserError;
    if (e.code === 'ECONNRESET' || e.code === 'EPIPE' || socket.destroyed || handled.has(socket)) return;
    handled.add(socket);
    // Nothing more is read: the parser cannot tell where the next request would start.
    socket.pause();
    const { error, allow } = classify(e, deps.routes);
    deps.log.info({ code: error.code, statusCode: error.status, parserError: e.code }, `malformed request answered ${error.status}`);
    const body = JSON.stringify(errorBody(error, deps.now()));
    // A timeout is about the request being read now: the answer in flight, if any, is that request's own.
    const waitFor = e.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? () => undefined : answering;
    const send = () => {
      const res = waitFor(socket);
      if (res) res.once('finish', () => setImmediate(send));
      else answer(socket, error.status, body, allow);
    };
    send();
    // A client that never reads its answer must not hold the socket open.
    socket.setTimeout(10_000, () => socket.destroy());
  };
}
