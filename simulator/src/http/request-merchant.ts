// Which merchant a call to the Little Pay API belongs to, for its faults and its journal: the one its
// credentials name (/api/...), the owner of the intent it names (/pay/{reference}/...), or, for a call whose
// credentials were refused, the owner of the Token ID in its path.
import type { FastifyRequest } from 'fastify';
import type { Merchants } from '../services/merchants.js';
import type { Store } from '../store/store.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The merchant the call was attributed to when it reached its handler (kept: a reset may remove the intent). */
    simMerchantId?: string;
    /** What X-Sim-Fault says about the faults applied to this call. */
    simFault?: string;
    /** The answer is a simulated fault's, not the operation's (the contract check leaves it alone). */
    simReplaced?: boolean;
    /** apiOperation's answer, once found (null: not a Little Pay operation). */
    simOperation?: string | null;
  }
}

export interface RequestMerchantDeps {
  store: Store;
  merchants: Merchants;
  /** The operationIds of the Little Pay API: only these calls have faults and a journal. */
  operations: ReadonlySet<string>;
}

/**
 * The Little Pay operation a request is for, or undefined (the /_sim API, pages, unknown routes). Found once
 * per request: the hooks ask four times, and fastify builds a new object at each read of routeOptions.
 */
export function apiOperation(req: FastifyRequest, operations: ReadonlySet<string>): string | undefined {
  if (req.simOperation === undefined) {
    const id = req.routeOptions.config?.operationId;
    req.simOperation = id !== undefined && operations.has(id) ? id : null;
  }
  return req.simOperation ?? undefined;
}

export function merchantIdOf(req: FastifyRequest, deps: RequestMerchantDeps): string | undefined {
  if (req.simMerchantId) return req.simMerchantId;
  if (req.merchant) return req.merchant.id;
  const params = (req.params ?? {}) as { reference?: unknown; tokenId?: unknown };
  if (typeof params.reference === 'string') return deps.store.get('intents', params.reference)?.merchantId;
  if (typeof params.tokenId === 'string') return deps.merchants.byTokenId(params.tokenId)?.id;
  return undefined;
}
