// Fills each merchant's request journal (docs/decisions/0023) from fastify hooks: the parsed body that came
// in, the body that went out (after any fault changed it), the status and the real time taken. Card data
// is masked before anything is kept.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { mayHoldCardData, maskCardData, maskCardText } from '../runtime/card-masking.js';
import { iso, type SimClock } from '../runtime/clock.js';
import { JOURNAL_BODY_LIMIT, tooBig, type Journal, type KeptEntry } from '../services/journal.js';
import { apiOperation, merchantIdOf, type RequestMerchantDeps } from './request-merchant.js';

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

/** An answer as the journal keeps it: an error may quote what the caller sent (a key that is a card number). */
function keptText(text: string): string {
  return mayHoldCardData(text) ? maskCardText(text) : text;
}

/** Records one call; `status` 0 when the connection was dropped without an answer. */
export function recordCall(req: FastifyRequest, status: number, deps: JournalDeps): void {
  const operationId = apiOperation(req, deps.operations);
  const merchantId = operationId ? merchantIdOf(req, deps) : undefined;
  if (!operationId || !merchantId) return;
  // The JSON received: its text when that holds no card data (most calls: no copy is made), else a copy
  // with the card data masked now. The journal never holds a full card number, even in memory.
  let requestBody: KeptEntry['requestBody'] = null;
  let requestText: string | null = null;
  if (req.body !== undefined && req.body !== null) {
    const size = Number(req.headers['content-length'] ?? 0);
    const text = req.simBodyText;
    if (size > JOURNAL_BODY_LIMIT) requestBody = tooBig(size);
    else if (text !== undefined && !mayHoldCardData(text)) requestText = text;
    else requestBody = maskCardData(req.body);
  }
  // One object per call, built here and kept as it is (the journal numbers it).
  deps.journal.add(merchantId, {
    seq: 0,
    at: iso(deps.clockFor(merchantId).now()),
    operationId,
    method: req.method,
    // A card number in the path (a status read by it) or the query is masked like one in the body.
    path: mayHoldCardData(req.url) ? maskCardText(req.url) : req.url,
    status,
    durationMs: Math.round((performance.now() - (req.simStartedAt ?? performance.now())) * 10) / 10,
    fault: req.simFault ?? null,
    requestBody,
    requestText,
    responseText: status !== 0 && typeof req.simPayload === 'string' ? keptText(req.simPayload) : null,
  });
}

export function installJournal(app: FastifyInstance, deps: JournalDeps): void {
  // Callback hooks, not async ones: they run on every request, and a promise and a microtask per hook
  // and request cost measurable CPU on the create path (docs/decisions/0053).
  app.addHook('onRequest', (req, _reply, done) => {
    if (apiOperation(req, deps.operations)) req.simStartedAt = performance.now();
    done();
  });
  // Registered after the fault hooks: what is kept is what the caller actually got.
  app.addHook('onSend', (req, _reply, payload, done) => {
    if (req.simStartedAt !== undefined) req.simPayload = payload;
    done(null, payload);
  });
  app.addHook('onResponse', (req, reply, done) => {
    if (req.simStartedAt !== undefined) recordCall(req, reply.statusCode, deps);
    done();
  });
}
