// POST /_sim/provider-states: each documented state is set up through the services and looks, to the
// API, exactly as its name says; unknown names are a 400 naming the field; a state can be set up again.
import { describe, expect, it, vi } from 'vitest';
import { PACT_CREDENTIALS } from '../../simulator/src/services/provider-states.js';
import type { Change } from '../../simulator/src/store/store.js';
import { basicAuth, startTestSim, status, storeSnapshot, until, type Merchant, type TestSim } from '../helpers/sim.js';

const sandbox: Merchant = { ...PACT_CREDENTIALS.sandbox, id: '', name: '', environment: 'sandbox', appId: '', currencies: [] };

async function setup(sim: TestSim, state: string, action?: string) {
  return sim.inject({
    method: 'POST',
    url: '/_sim/provider-states',
    headers: { 'content-type': 'application/json' },
    payload: { state, params: {}, ...(action ? { action } : {}) },
  });
}

describe('provider states', () => {
  it("finish their payments through the app's long-poll waiters: a long poll held on the intent is answered", async () => {
    const sim = await startTestSim();
    const { payments, ctx } = sim.app.sim;
    const commit = ctx.store.commit.bind(ctx.store);
    let held: Promise<void> | undefined;
    // A long poll on the state's intent, made as soon as its attempt is stored (before the state finishes it).
    vi.spyOn(ctx.store, 'commit').mockImplementation(async (changes: Change[], options?: { handOver?: boolean }) => {
      await commit(changes, options);
      for (const c of changes) {
        const attempt = c.collection === 'intents' && 'value' in c && c.value.key === 'LP1' ? c.value.attempts.find((a) => a.status === 'PENDING') : undefined;
        if (attempt && !held && 'value' in c && c.collection === 'intents')
          held = payments.waitForFinal(c.value, attempt.id, ctx.clockFor(c.value.merchantId).now() + 3_600_000);
      }
    });
    expect((await setup(sim, 'a sandbox merchant with a completed MPESA payment with key LP1')).statusCode).toBe(200);
    let answered = false;
    void held!.then(() => (answered = true));
    await until(() => answered); // the manual clock stands still: only the state's finish can wake it
  });

  it('describe their times from the rules that make them (default expiry, and a minute past it)', async () => {
    const sim = await startTestSim();
    const list = (await sim.inject({ method: 'GET', url: '/_sim/provider-states' })).json().states as Array<{ name: string; description: string }>;
    const describing = (name: string) => list.find((s) => s.name === name)!.description;
    const expiring = Number(/expiring in (\d+) minutes/.exec(describing('a {environment} merchant with a pending intent with key {KEY}'))![1]);
    const age = Number(/created (\d+) minutes ago/.exec(describing('a {environment} merchant with an expired intent with key {KEY}'))![1]);
    const minutes = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60_000;
    const stored = async (state: string) => sim.app.sim.ctx.store.get('intents', (await setup(sim, state)).json().reference)!;
    const pending = await stored('a sandbox merchant with a pending intent with key D1');
    expect(minutes(pending.createdAt, pending.expiresAt)).toBe(expiring);
    const expired = await stored('a sandbox merchant with an expired intent with key D2');
    expect(minutes(expired.createdAt, new Date(sim.clock.now()).toISOString())).toBe(age);
    expect(minutes(expired.expiresAt, new Date(sim.clock.now()).toISOString())).toBe(1);
  });

  it('a completed payment: status COMPLETED by key, with the fixed credentials, callback written', async () => {
    const sim = await startTestSim();
    const res = await setup(sim, 'a sandbox merchant with a completed MPESA payment with key ORDER123');
    expect(res.statusCode).toBe(200);
    const values = res.json();
    expect(values).toMatchObject({ key: 'ORDER123', tokenId: sandbox.tokenId, apiKey: sandbox.apiKey, clientId: sandbox.clientId });
    const st = await status(sim, sandbox, 'ORDER123');
    expect(st.json().data).toMatchObject({ reference: values.reference, status: 'COMPLETED', attempts: [{ status: 'COMPLETED' }] });
    await sim.advance(0);
    expect([...sim.app.sim.ctx.store.all('callbacks')].at(-1)).toMatchObject({ kind: 'payment', reference: values.reference });
  });

  it('a failed, a pending, an expired and a challenge-waiting intent answer as their names say', async () => {
    const sim = await startTestSim();
    const cases: Array<[string, string, Record<string, unknown>]> = [
      ['a sandbox merchant with a failed AIRTEL payment with key F1', 'F1', { status: 'FAILED', attempts: [{ status: 'FAILED' }] }],
      ['a sandbox merchant with a pending intent with key P1', 'P1', { status: 'PENDING', attempts: [] }],
      ['a sandbox merchant with an expired intent with key X1', 'X1', { status: 'FAILED' }],
      ['a sandbox merchant with an intent with key C1 awaiting a 3-D Secure challenge', 'C1', { status: 'PENDING' }],
    ];
    const refs: Record<string, string> = {};
    for (const [state, key, expected] of cases) {
      const res = await setup(sim, state);
      expect(res.statusCode, state).toBe(200);
      refs[key] = res.json().reference;
      expect((await status(sim, sandbox, key)).json().data, state).toMatchObject(expected);
    }
    const expired = await sim.inject({
      method: 'POST',
      url: `/pay/${refs.X1}/process`,
      headers: { 'content-type': 'application/json' },
      payload: { type: 'MPESA', payment: { mobile: '254712345678' } },
    });
    expect(expired.json().data.code).toBe('INTENT_EXPIRED');
    const challenge = await sim.inject({
      method: 'POST',
      url: `/_sim/intents/${refs.C1}/challenge`,
      headers: { 'content-type': 'application/json' },
      payload: { answer: 'authenticate' },
    });
    expect(challenge.json()).toMatchObject({ action: 'MAKE_PAYMENT' });
  });

  it('sets the same state up again on a fresh merchant: the old one keeps its data under new credentials', async () => {
    const sim = await startTestSim();
    const first = (await setup(sim, 'a sandbox merchant with a completed MPESA payment with key K1')).json();
    const refund = await sim.inject({
      method: 'POST',
      url: '/api/refund/K1',
      headers: { 'x-api-key': sandbox.apiKey, 'content-type': 'application/json' },
      payload: { amount: 1500 },
    });
    expect(refund.statusCode).toBe(200);
    const second = (await setup(sim, 'a sandbox merchant with a completed MPESA payment with key K1')).json();
    expect(second.reference).not.toBe(first.reference);
    expect(second.merchantId).not.toBe(first.merchantId);
    const st = (await status(sim, sandbox, 'K1')).json().data;
    expect(st).toMatchObject({ reference: second.reference, refunds: [] });
    const old = sim.app.sim.merchants.list().find((m) => m.id === first.merchantId)!;
    expect(old.tokenId).not.toBe(sandbox.tokenId);
    const create = await sim.inject({
      method: 'POST',
      url: `/api/payments/${sandbox.tokenId}/pay`,
      headers: { authorization: basicAuth(sandbox), 'content-type': 'application/json' },
      payload: {
        amount: 10,
        description: 'x',
        callbackUrl: 'https://shop.example/cb',
        key: 'NEW1',
        payload: { billingAddress: { firstName: 'J', lastName: 'D', email: 'j@example.com' } },
      },
    });
    expect(create.statusCode).toBe(200);
  });

  it('a production merchant has its own fixed credentials', async () => {
    const sim = await startTestSim();
    const values = (await setup(sim, 'a production merchant')).json();
    expect(values).toMatchObject(PACT_CREDENTIALS.production);
    expect(sim.app.sim.merchants.byApiKey(PACT_CREDENTIALS.production.apiKey)?.environment).toBe('production');
  });

  it('refuses an unknown state or provider naming body.state, and changes nothing', async () => {
    const sim = await startTestSim();
    const before = storeSnapshot(sim);
    for (const state of [
      'a merchant with everything',
      'a sandbox merchant with a completed CARDS payment with key K',
      'a sandbox merchant with an intent with key K enrolled with card 4111111111111111',
    ]) {
      const res = await setup(sim, state);
      expect(res.statusCode).toBe(400);
      expect(res.json().data).toMatchObject({ code: 'UNKNOWN_PROVIDER_STATE', errors: [{ field: 'body.state' }] });
    }
    expect((await setup(sim, '')).json().data.code).toBe('VALIDATION_ERROR');
    expect(storeSnapshot(sim)).toEqual(before);
  });

  it('saved-card states answer a token that behaves as its name says', async () => {
    const sim = await startTestSim();
    const sandbox = sim.app.sim.merchants;
    const saved = (await setup(sim, 'a sandbox merchant with a card saved by the payment with key SAVED1')).json();
    expect(saved.token).toMatch(/^[0-9A-F]{32}$/);
    const merchant = sandbox.byApiKey(PACT_CREDENTIALS.sandbox.apiKey)!;
    expect((await status(sim, merchant, 'SAVED1')).json().data).toMatchObject({ status: 'COMPLETED', tokenInformation: { customer: { id: saved.token } } });

    const declining = (await setup(sim, 'a sandbox merchant with a saved card 4000000000009995 and a pending intent with key LATER1')).json();
    const paid = await sim.inject({
      method: 'POST',
      url: `/pay/${declining.reference}/process`,
      headers: { 'content-type': 'application/json' },
      payload: { type: 'CARDS', payment: { customer: { id: declining.token } } },
    });
    expect(paid.json().data).toMatchObject({ status: 'FAILED', message: 'Insufficient funds in the account' });

    for (const [env, code] of [
      ['sandbox', 'TOKEN_OTHER_MERCHANT'],
      ['production', 'TOKEN_WRONG_ENVIRONMENT'],
    ] as const) {
      const elsewhere = (await setup(sim, `a sandbox merchant with a pending intent with key OTHER1 and a card saved by another ${env} merchant`)).json();
      const refused = await sim.inject({
        method: 'POST',
        url: `/pay/${elsewhere.reference}/process`,
        headers: { 'content-type': 'application/json' },
        payload: { type: 'CARDS', payment: { customer: { id: elsewhere.token } } },
      });
      expect(refused.json().data.code).toBe(code);
    }

    const production = (await setup(sim, 'a production merchant with a card saved by the payment with key SAVED2')).json();
    expect(production.token).toMatch(/^[0-9A-F]{32}$/);
  });

  it('a saved-card state naming a card that fails the Luhn check is a 400 and changes nothing', async () => {
    const sim = await startTestSim();
    const before = storeSnapshot(sim);
    const res = await setup(sim, 'a sandbox merchant with a saved card 4000000000002702 and a pending intent with key K');
    expect(res.json().data).toMatchObject({ code: 'UNKNOWN_PROVIDER_STATE', errors: [{ field: 'body.state', rule: 'luhn' }] });
    expect(storeSnapshot(sim)).toEqual(before);
  });

  it('teardown changes nothing and answers {}; GET lists every state with its pattern', async () => {
    const sim = await startTestSim();
    const before = storeSnapshot(sim);
    const res = await setup(sim, 'a sandbox merchant with a pending intent with key T1', 'teardown');
    expect(res.json()).toEqual({});
    expect(storeSnapshot(sim)).toEqual(before);
    const list = (await sim.inject({ method: 'GET', url: '/_sim/provider-states' })).json().states as Array<{ name: string; pattern: string }>;
    expect(list.map((s) => s.name)).toContain('a {environment} merchant with an expired intent with key {KEY}');
    expect(new RegExp(list[2]!.pattern).test('a sandbox merchant with a completed MPESA payment with key ORDER123')).toBe(true);
  });
});
