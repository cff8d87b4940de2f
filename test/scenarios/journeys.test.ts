// Every journey of scenarios/ run in-process through the typed client, as QA runs them against a URL.
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { journeys, mismatch, runJourney, type Journey } from '../../scenarios/index.js';
import { buildApp } from '../../simulator/src/app.js';
import { defaultConfig } from '../../simulator/src/config.js';
import { injectFetch } from '../helpers/inject-fetch.js';
import type { ContractViolation } from '../../simulator/src/http/response-check.js';
import { replyRecorder } from '../helpers/reply-log.js';
import { testKeys } from '../helpers/sim.js';

const apps: FastifyInstance[] = [];
const violations: ContractViolation[] = [];
afterEach(async () => {
  await Promise.all(apps.splice(0).map((a) => a.close()));
  // Every reply a journey saw matches the contract.
  expect(violations.splice(0)).toEqual([]);
});

/** A simulator on the system clock with short delays: the runner waits for real events, never for a fixed time. */
async function simulator(adminToken?: string) {
  const publicUrl = 'http://sim.test';
  const app = await buildApp({
    config: defaultConfig({ publicUrl, pinDelayMs: 20, refundDelayMs: 20, longPollTimeoutMs: 5_000, adminToken }),
    keys: testKeys(),
    onContractViolation: (v) => violations.push(v),
    onReply: replyRecorder(),
  });
  apps.push(app);
  await app.ready();
  return { baseUrl: publicUrl, fetch: injectFetch(app), runId: 'T1', callbackWaitMs: 5_000 };
}

describe('scenario journeys, in-process', () => {
  it.each(journeys.map((j) => [j.name, j] as const))('%s', async (_name, journey) => {
    const lines: string[] = [];
    const result = await runJourney(journey, { ...(await simulator()), log: (l) => lines.push(l) });
    expect(result.failure).toBeUndefined();
    expect(result.passed).toBe(true);
    expect(lines.filter((l) => l.includes('✓'))).toHaveLength(journey.steps.length);
  });

  it('fails a journey whose expectation the simulator does not meet, naming the field', async () => {
    const wrong: Journey = {
      name: 'expects-success-from-an-empty-wallet',
      summary: 'must fail',
      environment: 'sandbox',
      steps: [
        {
          call: 'createIntent',
          body: { amount: 10, description: 'x', callbackUrl: '${inbox}', key: 'W${run}' },
          expect: { status: 200 },
          save: { ref: 'data.reference' },
        },
        {
          call: 'processPayment',
          reference: '${ref}',
          body: { type: 'MPESA', payment: { mobile: '254700000001' } },
          longPoll: true,
          expect: { status: 200, body: { data: { status: 'COMPLETED' } } },
        },
      ],
    };
    const result = await runJourney(wrong, await simulator());
    expect(result.passed).toBe(false);
    expect(result.failure).toBe('processPayment: data.status: expected "COMPLETED", got "FAILED"');
  });

  it('runs against a simulator with an admin token when given it, and cannot without', async () => {
    const journey = journeys.find((j) => j.name === 'queued-fail-fail-succeed')!;
    expect((await runJourney(journey, { ...(await simulator('scenario-token')), adminToken: 'scenario-token' })).passed).toBe(true);
    const refused = await runJourney(journey, await simulator('scenario-token'));
    expect(refused.passed).toBe(false);
    expect(refused.failure).toMatch(/did not answer \/_sim\/health and \/_sim\/merchants/);
  });

  it('matches partially, lists by length, and reports the first difference', () => {
    expect(mismatch({ a: 1 }, { a: 1, b: 2 })).toBeNull();
    expect(mismatch({ a: [{ s: 'X' }] }, { a: [{ s: 'X' }, { s: 'Y' }] })).toBe('a: expected 1 items, got 2');
    expect(mismatch({ a: { b: 'x' } }, { a: null })).toBe('a: expected an object, got null');
  });
});
