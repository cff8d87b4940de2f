// Checks every reply against the contract's response schema for its status code. Used by the tests,
// so a reply that drifts from the contract fails a test (fastify's own serialiser would hide it).
import type { FastifyInstance } from 'fastify';
import type { Operation } from './contract.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { createAjv } from './ajv.js';

export interface ContractViolation {
  operationId: string;
  status: number;
  problem: string;
}

export function installResponseCheck(
  app: FastifyInstance,
  operations: Operation[],
  report: (v: ContractViolation) => void,
  /** Told of every reply (the tests record which declared status codes were reached). */
  seen?: (operationId: string, status: number) => void,
): void {
  const ajv = createAjv(false);
  const byId = new Map(operations.map((o) => [o.operationId, o]));
  const cache = new Map<string, ValidateFunction>();
  app.addHook('onSend', async (req, reply, payload) => {
    const operationId = req.routeOptions.config.operationId;
    const op = operationId ? byId.get(operationId) : undefined;
    // A simulated fault's answer is not the operation's: the contract does not describe it (decision 0022).
    if (!op || req.simReplaced) return payload;
    const status = reply.statusCode;
    seen?.(op.operationId, status);
    const declared = op.responses[String(status)];
    if (!declared) {
      report({ operationId: op.operationId, status, problem: `status ${status} is not declared by the contract` });
      return payload;
    }
    if (!declared.schema || declared.contentType !== 'application/json') return payload;
    let validate = cache.get(`${op.operationId}:${status}`);
    if (!validate) {
      validate = ajv.compile(declared.schema);
      cache.set(`${op.operationId}:${status}`, validate);
    }
    let body: unknown;
    try {
      body = JSON.parse(String(payload));
    } catch {
      report({ operationId: op.operationId, status, problem: 'body is not JSON' });
      return payload;
    }
    if (!validate(body)) {
      report({ operationId: op.operationId, status, problem: JSON.stringify(validate.errors?.map((e) => `${e.instancePath} ${e.message}`)) });
    }
    return payload;
  });
}
