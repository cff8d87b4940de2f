// The optional admin token: with SIM_ADMIN_TOKEN set, every /_sim operation the contract marks with
// adminToken refuses a call without the bearer token (before reading its body); the open ones and the
// Little Pay API are unchanged. Unset, /_sim is open.
import { describe, expect, it } from 'vitest';
import { createSimClient } from '../../client/src/index.js';
import { ContractSet } from '../../simulator/src/http/contract.js';
import { exposureWarning, isLoopback } from '../../simulator/src/http/admin-token.js';
import { injectFetch } from '../helpers/inject-fetch.js';
import { createIntent, sharedTestSim, startTestSim } from '../helpers/sim.js';

const TOKEN = 'ci-admin-token-0123';
const operations = new ContractSet().operations('simulator.openapi.yaml');
const guarded = operations.filter((o) => o.security.includes('adminToken'));
const open = operations.filter((o) => o.security.length === 0);

/** A request for the operation, with made-up path parameters (the token is checked before anything else). */
function requestFor(op: (typeof operations)[number], headers: Record<string, string>) {
  const url = op.path.replace('{merchantId}', 'mer_000000000000').replace('{name}', 'box');
  return {
    method: op.method,
    url,
    headers: { ...headers, ...(op.method === 'POST' ? { 'content-type': 'application/json' } : {}) },
    ...(op.method === 'POST' ? { payload: {} } : {}),
  };
}

describe('with SIM_ADMIN_TOKEN set', () => {
  const sim = sharedTestSim(async (s) => s, { adminToken: TOKEN });

  it('guards every control and inspection operation but five, as the contract says', () => {
    expect(guarded.length).toBeGreaterThanOrEqual(17);
    expect(open.map((o) => o.operationId).sort()).toEqual(['getCallbackPublicKey', 'getCheckoutState', 'getHealth', 'receiveInboxCallback']);
  });

  it.each(guarded.map((o) => [o.operationId, o] as const))('%s refuses a call without the token, or with a wrong one', async (_id, op) => {
    const attempts: Array<Record<string, string>> = [{}, { authorization: 'Bearer wrong-token' }, { authorization: `Basic ${TOKEN}` }];
    for (const headers of attempts) {
      const res = await sim().inject(requestFor(op, headers));
      expect(res.statusCode, JSON.stringify(headers)).toBe(401);
      expect(res.json().data.code).toBe('UNAUTHORIZED');
      expect(res.json().data.message).toMatch(/SIM_ADMIN_TOKEN/);
    }
  });

  it.each(open.map((o) => [o.operationId, o] as const))('%s stays open', async (_id, op) => {
    // The checkout state of a made-up reference is a 404: what matters is that no token was asked for.
    const expected = op.operationId === 'getCheckoutState' ? 404 : 200;
    expect((await sim().inject(requestFor(op, {}))).statusCode).toBe(expected);
  });

  it('answers with the token, and the typed client sends it', async () => {
    const res = await sim().inject({ method: 'GET', url: '/_sim/merchants', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.statusCode).toBe(200);
    const client = createSimClient({ baseUrl: 'http://sim.test', fetch: injectFetch(sim().app), adminToken: TOKEN });
    expect((await client.clock(sim().sandbox.id)).data?.merchantId).toBe(sim().sandbox.id);
    const without = createSimClient({ baseUrl: 'http://sim.test', fetch: injectFetch(sim().app) });
    expect((await without.listMerchants()).response.status).toBe(401);
  });

  it('leaves the Little Pay API as it is: no bearer token needed there', async () => {
    const { reference } = await createIntent(sim(), sim().sandbox, { key: 'TOKEN1' });
    expect(reference).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('without SIM_ADMIN_TOKEN', () => {
  it('leaves /_sim open, as suits a laptop', async () => {
    const sim = await startTestSim();
    for (const op of guarded.filter((o) => o.method === 'GET')) {
      expect((await sim.inject(requestFor(op, {}))).statusCode, op.operationId).not.toBe(401);
    }
  });
});

describe('the startup warning', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['localhost', true],
    ['0.0.0.0', false],
    ['::', false],
    ['192.168.1.20', false],
  ])('%s is loopback: %s', (host, loopback) => {
    expect(isLoopback(host)).toBe(loopback);
    expect(exposureWarning(host, undefined) === null).toBe(loopback);
    expect(exposureWarning(host, TOKEN)).toBeNull();
  });

  it('says what is exposed and what to do', () => {
    expect(exposureWarning('0.0.0.0', undefined)).toMatch(/without SIM_ADMIN_TOKEN.*credentials.*set SIM_ADMIN_TOKEN/);
  });
});
