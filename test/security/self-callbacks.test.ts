// A merchant's callbackUrl cannot drive the simulator (simulator/src/callbacks/self-target.ts, decision
// 0074): a URL that would reach this simulator is refused at create with a 400 naming the field, unless it
// is the built-in inbox. Seen before the fix: a callback to /_sim/merchants/<other>/reset wiped another
// merchant, and one to its own replay URL replayed itself 10,000 times.
import { describe, expect, it } from 'vitest';
import { pointsAtSelf, selfAddresses } from '../../simulator/src/callbacks/self-target.js';
import { basicAuth, intentBody, paidIntent, startTestSim, storeSnapshot, type TestSim } from '../helpers/sim.js';

function create(sim: TestSim, callbackUrl: string) {
  return sim.inject({
    method: 'POST',
    url: `/api/payments/${sim.sandbox.tokenId}/pay`,
    headers: { authorization: basicAuth(sim.sandbox), 'content-type': 'application/json' },
    payload: intentBody({ callbackUrl, key: 'SELF1' }),
  });
}

describe('a callbackUrl that points at the simulator itself', () => {
  // The test sim's PUBLIC_URL is http://localhost:3000 and its port 3000.
  it.each([
    ["another merchant's reset, by loopback address", 'http://127.0.0.1:3000/_sim/merchants/mer_other/reset'],
    ['the whole reset, by PUBLIC_URL', 'http://localhost:3000/_sim/reset'],
    ["a callback's own replay URL", 'http://localhost:3000/_sim/callbacks/cb_1/replay'],
    ['IPv6 loopback', 'http://[::1]:3000/_sim/reset'],
    ['an IPv4-mapped IPv6 loopback', 'http://[::ffff:127.0.0.1]:3000/_sim/reset'],
    ['the wildcard address', 'http://0.0.0.0:3000/_sim/reset'],
    ['a name under .localhost', 'http://sim.localhost:3000/_sim/reset'],
    ['loopback written as one number', 'http://2130706433:3000/_sim/reset'],
    ['the Little Pay API of the simulator', 'http://127.0.0.1:3000/api/refund/ORDER1'],
  ])('refuses %s: 400 naming body.callbackUrl, nothing stored', async (_label, url) => {
    const sim = await startTestSim();
    const before = storeSnapshot(sim);
    const res = await create(sim, url);
    expect(res.statusCode).toBe(400);
    expect(res.json().data).toMatchObject({ code: 'VALIDATION_ERROR', errors: [{ field: 'body.callbackUrl', rule: 'notSelf' }] });
    expect(res.json().data.message).toContain('body.callbackUrl');
    expect(storeSnapshot(sim)).toEqual(before);
  });

  it('refuses it on a refund too, so a sandbox merchant cannot reset the production one', async () => {
    const sim = await startTestSim();
    const reference = await paidIntent(sim, sim.sandbox, { key: 'SELF2' });
    const before = storeSnapshot(sim);
    const res = await sim.inject({
      method: 'POST',
      url: `/api/refund/${reference}`,
      headers: { 'x-api-key': sim.sandbox.apiKey, 'content-type': 'application/json' },
      payload: { amount: 10, callbackUrl: `http://127.0.0.1:3000/_sim/merchants/${sim.production.id}/reset` },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().data.errors[0]).toMatchObject({ field: 'body.callbackUrl', rule: 'notSelf' });
    expect(storeSnapshot(sim)).toEqual(before);
  });

  it('refuses it as the target of a receiver check', async () => {
    const sim = await startTestSim();
    const res = await sim.inject({
      method: 'POST',
      url: `/_sim/merchants/${sim.sandbox.id}/callback-check`,
      headers: { 'content-type': 'application/json' },
      payload: { url: 'http://localhost:3000/_sim/reset' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().data.errors[0]).toMatchObject({ field: 'body.url', rule: 'notSelf' });
  });

  it.each([
    ['the built-in inbox', 'http://localhost:3000/_sim/inbox/orders'],
    ['the inbox by loopback address', 'http://127.0.0.1:3000/_sim/inbox/orders'],
    ['a receiver on another port of this machine', 'http://localhost:4000/littlepay/callback'],
    ['a receiver elsewhere', 'https://merchant.example/littlepay/callback'],
  ])('takes %s', async (_label, url) => {
    const sim = await startTestSim();
    expect((await create(sim, url)).statusCode).toBe(200);
  });

  it('follows PUBLIC_URL: a proxy name in front of the simulator is itself too', async () => {
    const sim = await startTestSim({ publicUrl: 'https://sim.qa.example' });
    expect((await create(sim, 'https://sim.qa.example/_sim/reset')).statusCode).toBe(400);
    expect((await create(sim, 'https://sim.qa.example/_sim/inbox/a')).statusCode).toBe(200);
  });

  it('sends no admin token with a callback', async () => {
    const sim = await startTestSim({ adminToken: 'very-secret-admin-token' });
    await paidIntent(sim, sim.sandbox, { key: 'SELF3' });
    expect(sim.sent.length).toBeGreaterThan(0);
    for (const cb of sim.sent) expect(JSON.stringify(cb.headers) + JSON.stringify(cb.body)).not.toContain('very-secret-admin-token');
  });
});

describe('pointsAtSelf (the rule behind the 400)', () => {
  it('knows the port actually bound, the listen address and the names in SIM_ALLOWED_HOSTS', () => {
    const self = selfAddresses('http://localhost:0', [0, 54321], ['10.9.8.7', 'littlepay-sim', '.qa.example']);
    expect(pointsAtSelf('http://127.0.0.1:54321/_sim/reset', self)).toBe(true);
    expect(pointsAtSelf('http://10.9.8.7:54321/_sim/reset', self)).toBe(true);
    expect(pointsAtSelf('http://littlepay-sim:54321/_sim/reset', self)).toBe(true);
    expect(pointsAtSelf('http://sim.qa.example:54321/_sim/reset', self)).toBe(true);
    expect(pointsAtSelf('http://127.0.0.1:54322/_sim/reset', self)).toBe(false);
    expect(pointsAtSelf('http://127.0.0.1:54321/_sim/inbox/x', self)).toBe(false);
  });
});
