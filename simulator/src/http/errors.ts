// The one place errors become HTTP answers: { date, data: { message, code, errors? } }.
// Nothing a client sends may produce anything but a 4xx; a 500 is a bug and is logged as one.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../domain/errors.js';
import { iso } from '../runtime/clock.js';
import type { RouteMethods } from './route-methods.js';
import { validationError } from './validation.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The JSON text of the body as received (set by the JSON parser; the journal keeps it when it holds no card data). */
    simBodyText?: string;
  }
}

export function errorBody(err: ApiError, nowMs: number) {
  return {
    date: iso(nowMs),
    data: { message: err.message, code: err.code, ...(err.errors ? { errors: err.errors } : {}) },
  };
}

function toApiError(err: FastifyError | ApiError | Error): ApiError {
  if (err instanceof ApiError) return err;
  const e = err as FastifyError & { validationContext?: string };
  if (e.validation) return validationError(e.validation as never, e.validationContext ?? 'body');
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError('UNSUPPORTED_MEDIA_TYPE', 'Content-Type must be application/json');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError('PAYLOAD_TOO_LARGE', 'The body is larger than the 1 MiB limit');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new ApiError('INVALID_JSON', 'body: must not be empty when Content-Type is application/json');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new ApiError('INVALID_JSON', 'body: Content-Length does not match the body');
  }
  if (e instanceof SyntaxError || (e.statusCode === 400 && /json/i.test(e.message))) {
    return new ApiError('INVALID_JSON', `body: is not valid JSON (${e.message})`);
  }
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return new ApiError('VALIDATION_ERROR', `request: ${e.message}`);
  }
  return new ApiError('INTERNAL_ERROR', 'The simulator failed to answer; this is a bug, please report it with the request');
}

/** `now(req)` dates the error: on the clock of the merchant the request belongs to, when it is known. */
export function installErrorHandling(app: FastifyInstance, now: (req: FastifyRequest) => number): void {
  app.setErrorHandler((err, req, reply) => {
    const apiError = toApiError(err as Error);
    if (apiError.status >= 500) req.log.error({ err }, 'unexpected error');
    void reply.code(apiError.status).send(errorBody(apiError, now(req)));
  });
}

/**
 * 404 for a path no route has, 405 with Allow for a method a path does not take (route-methods.ts). Answered
 * in onRequest, before a body is parsed: QUERY would otherwise be refused for its missing Content-Type.
 * Installed after the CORS hook, so a browser can read these answers too.
 */
export function installNotFound(app: FastifyInstance, routes: RouteMethods, now: (req: FastifyRequest) => number): void {
  const answer = (req: FastifyRequest, reply: FastifyReply) => {
    const { error, allow } = routes.refusal(req.method, req.url);
    if (allow) void reply.header('allow', allow);
    void reply.code(error.status).send(errorBody(error, now(req)));
  };
  app.addHook('onRequest', (req, reply, done) => {
    if (req.is404) answer(req, reply);
    else done();
  });
  app.setNotFoundHandler(answer);
}

/** Deeper JSON than this is refused: nothing the API takes nests that far, and deeper input could exhaust the stack. */
export const MAX_JSON_DEPTH = 32;

/**
 * Whether a parsed JSON value nests deeper than `limit` levels. A recursion that stops at the limit, so no
 * input can make it overflow the stack, and that allocates nothing (it runs on every body).
 */
export function jsonDepthExceeds(value: unknown, limit: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (limit === 0) return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (jsonDepthExceeds(value[i], limit - 1)) return true;
    return false;
  }
  // A parsed body is a plain object: for-in sees exactly its own keys.
  for (const key in value) if (jsonDepthExceeds((value as Record<string, unknown>)[key], limit - 1)) return true;
  return false;
}

/**
 * Bad JSON with a non-ASCII character in it: most often a body cut short by a Content-Length counted in
 * characters (the Tokenization Guide's JavaScript sample sets Content-Length: data.length).
 */
function cutShort(err: Error): ApiError {
  return new ApiError('INVALID_JSON', `body: is not valid JSON (${err.message}); if it was cut short, Content-Length must count bytes, not characters`);
}

/** fastify's own JSON parser (which refuses __proto__ and constructor.prototype), plus a depth limit. */
export function installJsonParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  // JSON only: any other Content-Type (text/plain included) is a 415, not a body to misread.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    void parse(req, body as string, (err: Error | null, value?: unknown) => {
      if (err) return done(/[^\x00-\x7f]/.test(body as string) ? cutShort(err) : err, undefined);
      req.simBodyText = body as string;
      if (jsonDepthExceeds(value, MAX_JSON_DEPTH)) {
        return done(
          new ApiError('VALIDATION_ERROR', `body: must not nest deeper than ${MAX_JSON_DEPTH} levels`, [
            { field: 'body', rule: 'maxDepth', message: `must not nest deeper than ${MAX_JSON_DEPTH} levels` },
          ]),
          undefined,
        );
      }
      done(null, value);
    });
  });
  // An empty body under another Content-Type is no body at all: Pact verifiers send a body-less POST
  // (POST /_sim/reset, a replay) as text/plain, and there is nothing in it to misread.
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => {
    if ((body as Buffer).length === 0) return done(null, undefined);
    done(new ApiError('UNSUPPORTED_MEDIA_TYPE', 'Content-Type must be application/json'), undefined);
  });
}

/** How much of a refused body is still read (and dropped) so that its answer reaches the client. */
export const DRAIN_LIMIT = 16 * 1024 * 1024;

/**
 * A body refused before it was read (over the 1 MiB limit, say) makes fastify answer at once and close the
 * connection. The client is still sending, and a socket closed with unread data is reset: the client's
 * kernel may drop the answer before it is read, so the caller sees a reset connection instead of a 413 (the
 * fuzz test met it about once in 12,000 requests). When the body's declared length is bounded, the rest
 * of it is read and dropped instead, and the connection stays open for the next request.
 */
export function drainRefusedBody(req: FastifyRequest, reply: FastifyReply): void {
  if (reply.getHeader('connection') !== 'close' || req.raw.complete) return;
  const length = Number(req.headers['content-length']);
  if (!(length <= DRAIN_LIMIT)) return;
  reply.removeHeader('connection');
  req.raw.resume();
}
