// Faults switched on through /_sim (docs/decisions/0022), applied as fastify hooks to the calls of the
// merchant they belong to. Before the handler: a latency, then an error answer or a dropped connection
// (the operation does not run). After a successful handler: commit_then_fail, whose change is already
// stored when the caller gets a 500 or a closed connection.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../domain/errors.js';
import type { FaultRecord } from '../domain/records.js';
import type { Controls } from '../services/controls.js';
import { errorBody } from './errors.js';
import { recordCall, type JournalDeps } from './journal-hooks.js';
import { apiOperation, merchantIdOf } from './request-merchant.js';

export interface FaultDeps extends JournalDeps {
  controls: Controls;
  /** Waits out an added latency (real time: a client's own timeout is what it tests). */
  sleep(ms: number): Promise<void>;
}

function addLabel(req: FastifyRequest, reply: FastifyReply, label: string): void {
  req.simFault = req.simFault ? `${req.simFault}, ${label}` : label;
  void reply.header('x-sim-fault', req.simFault);
}

/**
 * Closes the connection without an answer. With the reply hijacked fastify writes nothing more; the
 * never-settling promise keeps an onSend hook from handing fastify a payload to write after all.
 */
function drop(req: FastifyRequest, reply: FastifyReply, deps: FaultDeps): Promise<never> {
  recordCall(req, 0, deps);
  reply.hijack();
  reply.raw.destroy();
  return new Promise<never>(() => {});
}

function errorMessage(fault: FaultRecord, operationId: string, merchantId: string): string {
  const left = (fault.remaining ?? 1) - 1;
  return `Simulated fault: ${fault.status} for ${operationId}, switched on through /_sim/merchants/${merchantId}/faults (${left} more to come)`;
}

/** Whether the merchant has any fault switched on: most calls have none, and skip the fault machinery. */
function hasFaults(deps: FaultDeps, merchantId: string): boolean {
  const faults = deps.store.get('controls', merchantId)?.faults;
  return faults !== undefined && faults.length > 0;
}

/** Before the handler: a latency, then an error answer or a dropped connection. True when the call was answered. */
async function beforeCall(req: FastifyRequest, reply: FastifyReply, deps: FaultDeps, operationId: string, merchantId: string): Promise<boolean> {
  for (const applied of await deps.controls.beforeCall(merchantId, operationId)) {
    addLabel(req, reply, applied.label);
    if (applied.latencyMs !== undefined) await deps.sleep(applied.latencyMs);
    if (applied.fault.type === 'drop') {
      void drop(req, reply, deps);
      return true;
    }
    if (applied.fault.type === 'error') {
      const err = new ApiError('SIMULATED_FAULT', errorMessage(applied.fault, operationId, merchantId));
      req.simReplaced = true;
      await reply.code(applied.fault.status ?? 503).send(errorBody(err, deps.clockFor(merchantId).now()));
      return true;
    }
  }
  return false;
}

/** After a successful handler: commit_then_fail. Resolves with the payload to send (never, for a drop). */
async function afterSuccess(
  req: FastifyRequest,
  reply: FastifyReply,
  deps: FaultDeps,
  operationId: string,
  merchantId: string,
  payload: unknown,
): Promise<unknown> {
  const applied = await deps.controls.afterSuccess(merchantId, operationId);
  if (!applied) return payload;
  addLabel(req, reply, applied.label);
  if (applied.fault.respond === 'drop') return drop(req, reply, deps);
  const err = new ApiError(
    'SIMULATED_FAULT',
    `Simulated fault: the ${operationId} call was carried out and its change stored, then answered 500 (commit_then_fail)`,
  );
  req.simReplaced = true;
  void reply.code(500).type('application/json; charset=utf-8');
  return JSON.stringify(errorBody(err, deps.clockFor(merchantId).now()));
}

// Callback hooks with a synchronous way out for a merchant without faults (nearly every call): an async
// hook costs a promise and a microtask per request on the create path (docs/decisions/0053).
export function installFaults(app: FastifyInstance, deps: FaultDeps): void {
  app.addHook('preHandler', (req, reply, done) => {
    const operationId = apiOperation(req, deps.operations);
    const merchantId = operationId ? merchantIdOf(req, deps) : undefined;
    if (!operationId || !merchantId) return done();
    req.simMerchantId = merchantId;
    if (!hasFaults(deps, merchantId)) return done();
    // Answered (an error or a dropped connection): fastify goes no further, done is not called.
    beforeCall(req, reply, deps, operationId, merchantId).then((answered) => answered || done(), done);
  });

  app.addHook('onSend', (req, reply, payload, done) => {
    const operationId = apiOperation(req, deps.operations);
    const merchantId = req.simMerchantId;
    if (!operationId || !merchantId || reply.statusCode >= 300 || !hasFaults(deps, merchantId)) return done(null, payload);
    afterSuccess(req, reply, deps, operationId, merchantId, payload).then((out) => done(null, out), done);
  });
}
