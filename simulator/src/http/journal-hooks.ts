// Fills each merchant's request journal (docs/decisions/0023) from fastify hooks: the parsed body that came
// in, the body that went out (after any fault changed it), the status and the real time taken. Card data
// is masked before anything is kept.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { maskCardData } from '../domain/masking.js';
import { iso } from '../runtime/clock.js';
import type { Journal } from '../services/journal.js';
import type { SimClock } from '../runtime/clock.js';
import { apiOperation, merchantIdOf, type RequestMerchantDeps } from './request-merchant.js';

/** A body bigger than this is summarised in the journal rather than kept. */
export const JOURNAL_BODY_LIMIT = 64 * 1024;

declare module 'fastify' {
  interface FastifyRequest {
    simStartedAt?: number;
    simPayload?: unknown;
  }
}

export interface JournalDeps extends RequestMerchantDeps {
  journal: Journal;
  clockFor(merchantId: string): SimClock;
}

function keep(value: unknown, size: number): unknown {
  if (value === undefined || value === null) return null;
  return size > JOURNAL_BODY_LIMIT ? `(${size} bytes, not kept: over ${JOURNAL_BODY_LIMIT})` : maskCardData(value);
}

function requestBody(req: FastifyRequest): unknown {
  if (req.body === undefined) return null;
  const size = Number(req.headers['content-length'] ?? 0);
  return keep(req.body, size);
}

function responseBody(payload: unknown): unknown {
  if (typeof payload !== 'string') return null;
  try {
    return keep(JSON.parse(payload), payload.length);
  } catch {
    return null;
  }
}

/** Records one call; `status` 0 when the connection was dropped without an answer. */
export function recordCall(req: FastifyRequest, status: number, deps: JournalDeps): void {
  const operationId = apiOperation(req, deps.operations);
  const merchantId = operationId ? merchantIdOf(req, deps) : undefined;
  if (!operationId || !merchantId) return;
  deps.journal.add(merchantId, {
    at: iso(deps.clockFor(merchantId).now()),
    operationId,
    method: req.method,
    path: req.url,
    status,
    durationMs: Math.round((performance.now() - (req.simStartedAt ?? performance.now())) * 10) / 10,
    fault: req.simFault ?? null,
    requestBody: requestBody(req),
    responseBody: status === 0 ? null : responseBody(req.simPayload),
  });
}

export function installJournal(app: FastifyInstance, deps: JournalDeps): void {
  app.addHook('onRequest', async (req) => {
    if (apiOperation(req, deps.operations)) req.simStartedAt = performance.now();
  });
  // Registered after the fault hooks: what is kept is what the caller actually got.
  app.addHook('onSend', async (req, _reply, payload) => {
    if (req.simStartedAt !== undefined) req.simPayload = payload;
    return payload;
  });
  app.addHook('onResponse', async (req, reply) => {
    if (req.simStartedAt !== undefined) recordCall(req, reply.statusCode, deps);
  });
}
