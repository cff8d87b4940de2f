// Faults a merchant switches on through /_sim (docs/decisions/0022): pure rules of which fault applies to
// a call, how it is used up, and how long a latency lasts. Chance comes in as a number drawn from the
// seeded ids, so a run repeats exactly.
import type { components } from '../../../client/src/generated/simulator.js';
import { fieldError } from './errors.js';
import type { FaultRecord } from './records.js';

export type FaultRequest = components['schemas']['FaultRequest'];
export type FaultType = FaultRecord['type'];

const ANY_OPERATION = 'any';
const DEFAULT_ERROR_STATUS = 503;

/** Builds the stored fault from a request, with the defaults applied; `operations` are the API's operationIds. */
export function newFault(req: FaultRequest, id: string, operations: readonly string[], createdAt: string): FaultRecord {
  const operation = req.operation ?? ANY_OPERATION;
  if (operation !== ANY_OPERATION && !operations.includes(operation)) {
    throw fieldError(
      'UNKNOWN_OPERATION',
      'body.operation',
      'operation',
      `"${operation}" is not an operation of the Little Pay API; one of ${ANY_OPERATION}, ${operations.join(', ')}`,
    );
  }
  const base = { id, operation, createdAt };
  switch (req.type) {
    case 'latency':
      if (req.maxMs !== undefined && req.maxMs < req.ms) {
        throw fieldError('VALIDATION_ERROR', 'body.maxMs', 'minimum', `must be at least ms (${req.ms}): the latency is drawn from ms to maxMs`);
      }
      return { ...base, type: 'latency', remaining: req.count ?? null, ms: req.ms, ...(req.maxMs !== undefined ? { maxMs: req.maxMs } : {}) };
    case 'error':
      return { ...base, type: 'error', remaining: req.count ?? 1, status: req.status ?? DEFAULT_ERROR_STATUS };
    case 'drop':
      return { ...base, type: 'drop', remaining: req.count ?? 1 };
    case 'commit_then_fail':
      return { ...base, type: 'commit_then_fail', remaining: req.count ?? 1, respond: req.respond ?? 'error' };
  }
}

/** The first fault of one of `types` that applies to a call of `operationId` (faults apply in the order added). */
export function faultFor(faults: readonly FaultRecord[], operationId: string, types: readonly FaultType[]): FaultRecord | undefined {
  return faults.find((f) => types.includes(f.type) && (f.operation === ANY_OPERATION || f.operation === operationId) && f.remaining !== 0);
}

/** The faults after one use of `id`: its count goes down, and it is gone once used up. */
export function useFault(faults: readonly FaultRecord[], id: string): FaultRecord[] {
  return faults.flatMap((f) => {
    if (f.id !== id || f.remaining === null) return [f];
    return f.remaining > 1 ? [{ ...f, remaining: f.remaining - 1 }] : [];
  });
}

/** The latency of one call: `ms`, or a draw from ms to maxMs (inclusive) given a uniform 32-bit number. */
export function latencyMs(fault: FaultRecord, draw: number): number {
  const min = fault.ms ?? 0;
  const max = fault.maxMs ?? min;
  return max > min ? min + (draw % (max - min + 1)) : min;
}

/** What X-Sim-Fault and the journal say about a fault applied to a call. */
export function describeFault(fault: FaultRecord, latency?: number): string {
  switch (fault.type) {
    case 'latency':
      return `latency ${latency ?? fault.ms}ms`;
    case 'error':
      return `error ${fault.status}`;
    case 'drop':
      return 'drop';
    case 'commit_then_fail':
      return `commit_then_fail ${fault.respond}`;
  }
}
