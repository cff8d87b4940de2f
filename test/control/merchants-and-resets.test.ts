// Merchants created with fixed credentials, one merchant's reset beside others, and the full reset that
// brings the simulator back to its first start.
import { describe, expect, it } from 'vitest';
import { addFault, advanceClock, clock, journal, newMerchant, queueOutcomes } from '../helpers/control.js';
import type { Transport } from '../../simulator/src/callbacks/outbox.js';
import { createIntent, processMobile, startTestSim, status, storeSnapshot, untilPendingAttempt, type Merchant } from '../helpers/sim.js';

const FIXED = {
  id: 'mer_ci_checkout',
  clientId: '0123456789abcdef',
  clientSecret: 'AAAAAAAAAAAAAAAAAAAAAA==',
  tokenId: '3f8e2a8c-54a1-4d1b-9d61-2a3b9c1e7f00',
  apiKey: 'sk_sandbox_ci0123456789abcdef',
};

describe('creating a merchant with fixed credentials', () => {
  it('uses them, and the merchant works with them at once', async () => {
    const sim = await startTestSim();
    const m = await newMerchant(sim, { name: 'CI shop', ...FIXED });
    expect(m).toMatchObject({ name: 'CI shop', environment: 'sandbox', ...FIXED });
    await createIntent(sim, m, { key: 'CI1' });
    expect((await status(sim, m, 'CI1')).json().data.key).toBe('CI1');
  });

  it.each([
    ['clientId', { clientId: FIXED.clientId }],
    ['tokenId', { tokenId: FIXED.tokenId }],
    ['apiKey', { apiKey: FIXED.apiKey }],
    ['id', { id: FIXED.id }],
  ])('refuses a %s another merchant has with 409 CREDENTIALS_IN_USE, and changes nothing', async (field, body) => {
    const sim = await startTestSim();
    await newMerchant(sim, FIXED);
    const before = storeSnapshot(sim);
    const res = await sim.inject({
      method: 'POST',
      url: '/_sim/merchants',
      headers: { 'content-type': 'application/json' },
      payload: { environment: 'sandbox', ...body },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().data).toMatchObject({ code: 'CREDENTIALS_IN_USE', errors: [{ field: `body.${field}`, rule: 'unique' }] });
    expect(storeSnapshot(sim)).toEqual(before);
  });

  it.each([
    [{ environment: 'production', apiKey: FIXED.apiKey }, 'body.apiKey'],
    [{ environment: 'sandbox', clientSecret: 'short' }, 'body.clientSecret'],
    [{ environment: 'sandbox', tokenId: 'not-a-uuid' }, 'body.tokenId'],
  ])('refuses %j with 400 naming %s', async (body, field) => {
    const sim = await startTestSim();
    const res = await sim.inject({ method: 'POST', url: '/_sim/merchants', headers: { 'content-type': 'application/json' }, payload: body });
    expect(res.statusCode).toBe(400);
    expect(res.json().data.errors[0].field).toBe(field);
  });
});

describe("resetting one merchant's data", () => {
  it('forgets its intents, callbacks, queue, faults, journal and clock; keeps its credentials; touches nobody else', async () => {
    const sim = await startTestSim();
    const m = await newMerchant(sim);
    const other: Merchant = sim.sandbox;
    const paid = await createIntent(sim, m, { key: 'R1' });
    await processMobile(sim, paid.reference, 'MPESA', '254712345678');
    await advanceClock(sim, m, '3s');
    await queueOutcomes(sim, m, { outcomes: ['wrong_pin'] });
    await addFault(sim, m, { type: 'latency', ms: 0 });
    await clock(sim, m, { action: 'freeze' });
    await advanceClock(sim, m, '1h');
    const theirs = await createIntent(sim, other, { key: 'R1' });

    const res = await sim.inject({ method: 'POST', url: `/_sim/merchants/${m.id}/reset` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ merchantId: m.id, removed: { intents: 1, callbacks: 1, tokens: 0, requests: 2 } });

    expect((await status(sim, m, 'R1')).json().data.code).toBe('PAYMENT_NOT_FOUND');
    expect((await sim.inject({ method: 'GET', url: `/_sim/callbacks?merchantId=${m.id}` })).json().callbacks).toEqual([]);
    expect((await sim.inject({ method: 'GET', url: `/_sim/merchants/${m.id}/outcomes` })).json().queues).toEqual({});
    expect((await sim.inject({ method: 'GET', url: `/_sim/merchants/${m.id}/faults` })).json().faults).toEqual([]);
    expect((await sim.inject({ method: 'GET', url: `/_sim/merchants/${m.id}/clock` })).json()).toMatchObject({ now: '2026-01-01T00:00:00.000Z', leadMs: 0 });
    expect((await journal(sim, m)).requests.map((r) => r.operationId)).toEqual(['getPaymentStatus']); // only the call just made
    // Same credentials, same key, a fresh intent.
    const again = await createIntent(sim, m, { key: 'R1' });
    expect(again.reference).not.toBe(paid.reference);
    // The other merchant's intent with the same key is still there.
    expect((await status(sim, other, 'R1')).json().data.reference).toBe(theirs.reference);
  });

  it('answers a long poll held on one of its intents (404), instead of leaving it hanging', async () => {
    const sim = await startTestSim();
    const m = await newMerchant(sim);
    const { reference } = await createIntent(sim, m);
    const held = processMobile(sim, reference, 'MPESA', '254712345678', true);
    await untilPendingAttempt(sim, reference);
    await sim.inject({ method: 'POST', url: `/_sim/merchants/${m.id}/reset` });
    const answer = await held;
    expect(answer.statusCode).toBe(404);
    expect(answer.json().data.code).toBe('INTENT_NOT_FOUND');
    // Its pending attempt's timer went with the clock: nothing fires later.
    await sim.advance(60_000);
    expect(sim.sent).toEqual([]);
  });

  it('does not bring back a callback whose delivery was under way during the reset, nor the clock the advance moved', async () => {
    let release: () => void = () => {};
    // The outbox signs in the thread pool before it sends: "started" is awaited, not counted in turns.
    let markStarted: () => void = () => {};
    const started = new Promise<void>((resolve) => (markStarted = resolve));
    const held: Transport = async () => {
      markStarted();
      await new Promise<void>((resolve) => (release = resolve));
      return { statusCode: 200, text: 'ok' };
    };
    const sim = await startTestSim({}, { transport: held });
    const m = await newMerchant(sim);
    const { reference } = await createIntent(sim, m);
    await processMobile(sim, reference, 'MPESA', '254712345678');
    const advancing = advanceClock(sim, m, '3s');
    await started;
    await sim.inject({ method: 'POST', url: `/_sim/merchants/${m.id}/reset` });
    release();
    await advancing;
    expect((await sim.inject({ method: 'GET', url: `/_sim/callbacks?merchantId=${m.id}` })).json().callbacks).toEqual([]);
    // The advance's last step stores its clock's state: after the reset it must not bring the old time back.
    expect((await clock(sim, m, { action: 'advance', by: '0s' })).json()).toMatchObject({ now: '2026-01-01T00:00:00.000Z', leadMs: 0 });
    expect((await sim.inject({ method: 'GET', url: `/_sim/merchants/${m.id}/clock` })).json()).toMatchObject({ now: '2026-01-01T00:00:00.000Z', leadMs: 0 });
  });

  it('answers 404 for a merchant that does not exist', async () => {
    const sim = await startTestSim();
    expect((await sim.inject({ method: 'POST', url: '/_sim/merchants/mer_nope/reset' })).json().data.code).toBe('MERCHANT_NOT_FOUND');
  });
});

describe('resetting everything', () => {
  it('forgets every record and brings the demo merchants back as on a first start, ids included', async () => {
    const fresh = await startTestSim();
    const firstIntent = await createIntent(fresh, fresh.sandbox, { key: 'X1' });

    const sim = await startTestSim();
    const created = await newMerchant(sim, FIXED);
    await createIntent(sim, sim.sandbox, { key: 'X0' });
    await createIntent(sim, created, { key: 'X9' });
    await queueOutcomes(sim, sim.sandbox, { outcomes: ['wrong_pin'] });
    await sim.inject({ method: 'POST', url: '/_sim/inbox/box', headers: { 'content-type': 'application/json' }, payload: { hello: 1 } });

    const res = await sim.inject({ method: 'POST', url: '/_sim/reset' });
    expect(res.statusCode).toBe(200);
    expect(res.json().merchants).toEqual(sim.merchants);
    expect((await sim.inject({ method: 'GET', url: '/_sim/merchants' })).json().merchants).toEqual(fresh.merchants);
    expect((await sim.inject({ method: 'GET', url: '/_sim/inbox/box' })).json().messages).toEqual([]);
    expect((await sim.inject({ method: 'GET', url: `/_sim/merchants/${sim.sandbox.id}/outcomes` })).json().queues).toEqual({});
    expect((await status(sim, sim.sandbox, 'X0')).statusCode).toBe(404);
    // The id sequences restarted: the next intent has the reference a fresh simulator's first intent has.
    expect((await createIntent(sim, sim.sandbox, { key: 'X1' })).reference).toBe(firstIntent.reference);
    const store = sim.app.sim.ctx.store;
    expect([store.count('intents'), store.count('merchants'), store.count('controls')]).toEqual([1, 3, 0]);
  });
});

describe('an unknown merchant id', () => {
  it('gets one and the same 404 from every /_sim operation on one merchant, whichever service answers', async () => {
    const sim = await startTestSim();
    const calls = [
      ...['callbacks', 'callback-settings', 'intents', 'tokens', 'clock', 'outcomes', 'avs', 'faults', 'requests'].map((path) => ({
        method: 'GET' as const,
        path,
      })),
      { method: 'POST' as const, path: 'rotate-key' },
      { method: 'POST' as const, path: 'reset' },
    ];
    for (const { method, path } of calls) {
      const res = await sim.inject({ method, url: `/_sim/merchants/mer_nobody/${path}` });
      expect({ path, status: res.statusCode, data: res.json().data }).toEqual({
        path,
        status: 404,
        data: { code: 'MERCHANT_NOT_FOUND', message: 'No merchant has the id "mer_nobody"; GET /_sim/merchants lists them' },
      });
    }
  });
});
