// One fastify route per contract operation, found by operationId. Boot fails when an operation has no
// handler or a handler has no operation (stripe-mock's router does the same for Stripe's spec).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { MerchantRecord } from '../domain/records.js';
import type { Authenticator } from './auth.js';
import { fastifyPath, type Operation } from './contract.js';
import { routeKey, type HttpPart, type RouteValidators } from './validators.js';

export interface OperationReply {
  status?: number;
  body: unknown;
  contentType?: string;
}
export type OperationHandler = (req: FastifyRequest, merchant: MerchantRecord | undefined, reply: FastifyReply) => Promise<OperationReply>;

declare module 'fastify' {
  interface FastifyContextConfig {
    operationId?: string;
  }
}

export function registerOperations(
  app: FastifyInstance,
  operations: Operation[],
  handlers: Record<string, OperationHandler>,
  auth: Record<string, Authenticator>,
  validators: RouteValidators,
): number {
  const known = new Set(operations.map((o) => o.operationId));
  const missing = operations.filter((o) => !handlers[o.operationId]).map((o) => o.operationId);
  const extra = Object.keys(handlers).filter((id) => !known.has(id));
  if (missing.length || extra.length) {
    throw new Error(`contract and handlers disagree: no handler for [${missing.join(', ')}]; no operation for [${extra.join(', ')}]`);
  }
  for (const op of operations) {
    const scheme = op.security[0];
    const authenticate = scheme ? auth[scheme] : undefined;
    if (scheme && !authenticate) throw new Error(`operation ${op.operationId} uses unknown security scheme ${scheme}`);
    const handler = handlers[op.operationId]!;
    app.route({
      method: op.method,
      url: fastifyPath(op.path),
      // The schemas the validators were made from (built once, for the digest too).
      schema: validators.routeSchema(op.operationId),
      validatorCompiler: ({ httpPart }) => validators.for(routeKey(op.operationId, httpPart as HttpPart)),
      config: { operationId: op.operationId },
      // Credentials first, before the body is even parsed: a caller without them learns nothing about
      // the body's rules.
      // A callback hook, not an async one: it runs on every merchant call and a promise per request
      // costs measurable CPU (the bench's status workload).
      onRequest: authenticate
        ? (req, _reply, done) => {
            try {
              req.merchant = authenticate(req);
            } catch (err) {
              done(err as Error);
              return;
            }
            done();
          }
        : undefined,
      handler: async (req, reply) => {
        const out = await handler(req, req.merchant, reply);
        if (out.contentType) void reply.type(out.contentType);
        return reply.code(out.status ?? 200).send(out.body);
      },
    });
  }
  return operations.length;
}

declare module 'fastify' {
  interface FastifyRequest {
    merchant?: MerchantRecord;
  }
}
