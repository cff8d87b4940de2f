// Coverage of the contracts by the tests: every operation of both contracts is called by some journey
// and by some pact interaction, both callbacks have a message pact, and the reply-code checker that
// .ci/run runs after the suite (scripts/check-response-coverage.ts) names what was not reached.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { journeys } from '../../scenarios/index.js';
import { declaredReplies, missingReplies } from '../../scripts/check-response-coverage.js';
import type { Operation } from '../../simulator/src/http/contract.js';
import { operationOf, operations } from '../pact/request.js';

const PACTS_DIR = resolve('contracts/pacts');
type PactFile = {
  interactions: Array<{ type: string; description: string; request?: { method: string; path: string }; contents?: { content: Record<string, unknown> } }>;
};
const pacts = readdirSync(PACTS_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(resolve(PACTS_DIR, f), 'utf8')) as PactFile);

/** The operation an HTTP request of a pact file calls. */
function operationFor(method: string, path: string): Operation | undefined {
  return operations.find((op) => op.method === method && new RegExp(`^${op.path.replace(/\{\w+\}/g, '[^/]+')}$`).test(path));
}

/** The operationIds of `all` that `used` does not contain. */
function uncovered(all: Operation[], used: Set<string>): string[] {
  return all.map((o) => o.operationId).filter((id) => !used.has(id));
}

describe('contract coverage', () => {
  it('every operation of both contracts is called by at least one journey step', () => {
    const used = new Set(journeys.flatMap((j) => j.steps).flatMap((s) => (s.call === 'awaitCallback' ? [] : [operationOf(s).operationId])));
    expect(uncovered(operations, used)).toEqual([]);
  });

  it('every operation of both contracts is called by at least one committed pact interaction', () => {
    const used = new Set<string>();
    for (const pact of pacts) {
      for (const i of pact.interactions) {
        if (!i.request) continue;
        const op = operationFor(i.request.method, i.request.path);
        expect(op, `pact interaction "${i.description}" calls ${i.request.method} ${i.request.path}, which no contract declares`).toBeDefined();
        used.add(op!.operationId);
      }
    }
    expect(uncovered(operations, used)).toEqual([]);
  });

  it('both callbacks of the contract (payment and refund) have a message pact', () => {
    const messages = pacts.flatMap((p) => p.interactions).filter((i) => i.type === 'Asynchronous/Messages');
    expect(messages.some((m) => m.contents?.content.provider !== undefined)).toBe(true);
    expect(messages.some((m) => m.contents?.content.reason !== undefined)).toBe(true);
  });

  it('names an operation no journey calls (the check can fail)', () => {
    expect(uncovered(operations, new Set(operations.slice(1).map((o) => o.operationId)))).toEqual([operations[0]!.operationId]);
  });

  it('the reply-code checker knows every declared code and names the ones not reached', () => {
    const declared = declaredReplies();
    expect(declared).toContain('createIntent 409');
    expect(declared).toContain('getHealth 503');
    expect(missingReplies(declared, new Set(declared.filter((d) => d !== 'refundPayment 409')))).toEqual(['refundPayment 409']);
    expect(missingReplies(declared, new Set(declared))).toEqual([]);
  });
});
