// What helps an integrator test their receiver without waiting for production to misbehave: deliberate
// duplicates and reordering per merchant, the built-in inbox with its memory bound, and the receiver check
// run in-process against the inbox (which accepts everything, so it is graded unsafe).
import { describe, expect, it } from 'vitest';
import { createSimClient } from '../../client/src/index.js';
import { SimClock } from '../../simulator/src/runtime/clock.js';
import { injectFetch } from '../helpers/inject-fetch.js';
import { merchantCallbacks, scriptedReceiver, setCallbackSettings, signatureVerifies } from '../helpers/callbacks.js';
import { createIntent, paidIntent, processMobile, startTestSim, storeSnapshot, testKeys, type TestSim } from '../helpers/sim.js';

const PIN_MS = 3000;

function settings(sim: TestSim, merchantId: string, payload?: Record<string, unknown>) {
  return sim.inject({
    method: payload === undefined ? 'GET' : 'POST',
    url: `/_sim/merchants/${merchantId}/callback-settings`,
    ...(payload === undefined ? {} : { payload }),
  });
}

describe('callback settings', () => {
  it('start with neither duplicates nor reordering, keep fields left out, and are per merchant', async () => {
    const sim = await startTestSim();
    expect((await settings(sim, sim.sandbox.id)).json()).toEqual({ duplicates: false, reorder: false, reorderHoldMs: 10_000 });
    expect(await setCallbackSettings(sim, sim.sandbox.id, { duplicates: true })).toEqual({ duplicates: true, reorder: false, reorderHoldMs: 10_000 });
    expect(await setCallbackSettings(sim, sim.sandbox.id, { reorder: true, reorderHoldMs: 500 })).toEqual({
      duplicates: true,
      reorder: true,
      reorderHoldMs: 500,
    });
    expect((await settings(sim, sim.sandbox2.id)).json()).toEqual({ duplicates: false, reorder: false, reorderHoldMs: 10_000 });
  });

  it.each([
    { name: 'an empty body', payload: {}, field: 'body' },
    { name: 'an unknown field', payload: { dupes: true }, field: 'body.dupes' },
    { name: 'a string for a boolean', payload: { duplicates: 'yes' }, field: 'body.duplicates' },
    { name: 'a hold under 100 ms', payload: { reorderHoldMs: 5 }, field: 'body.reorderHoldMs' },
  ])('refuse $name with 400 naming the field, and change nothing', async ({ payload, field }) => {
    const sim = await startTestSim();
    const before = storeSnapshot(sim);
    const res = await settings(sim, sim.sandbox.id, payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().data).toMatchObject({ code: 'VALIDATION_ERROR', message: expect.stringContaining(field) });
    expect(storeSnapshot(sim)).toEqual(before);
  });

  it('answer 404 MERCHANT_NOT_FOUND for an unknown merchant', async () => {
    const sim = await startTestSim();
    expect((await settings(sim, 'mer_nobody')).json().data.code).toBe('MERCHANT_NOT_FOUND');
    expect((await settings(sim, 'mer_nobody', { duplicates: true })).statusCode).toBe(404);
  });
});

describe('deliberate duplicates', () => {
  it('send every delivered callback once more a second later, same body, signed afresh, and not a replay twice', async () => {
    const clock = new SimClock('manual');
    const receiver = scriptedReceiver(() => clock.now());
    const sim = await startTestSim({}, { clock, transport: receiver.transport });
    await setCallbackSettings(sim, sim.sandbox.id, { duplicates: true });
    await paidIntent(sim, sim.sandbox);
    expect(receiver.calls).toHaveLength(1);
    await sim.advance(999);
    expect(receiver.calls).toHaveLength(1);
    await sim.advance(1);
    expect(receiver.calls).toHaveLength(2);
    const [a, b] = receiver.calls;
    expect(b!.raw).toBe(a!.raw);
    expect(b!.at - a!.at).toBe(1000);
    expect(Number(b!.headers['x-littlepay-timestamp'])).toBe(Number(a!.headers['x-littlepay-timestamp']) + 1);
    expect(signatureVerifies(testKeys().publicKeyPem, b!.raw, b!.headers)).toBe(true);

    const [duplicate, original] = await merchantCallbacks(sim, sim.sandbox.id);
    expect(duplicate).toMatchObject({ origin: 'duplicate', originalId: original!.id, state: 'delivered' });
    // A duplicate is not duplicated again, and a replay is sent once.
    await sim.inject({ method: 'POST', url: `/_sim/callbacks/${original!.id}/replay` });
    await sim.advance(60_000);
    expect(receiver.calls).toHaveLength(3);
  });
});

describe('deliberate reordering', () => {
  it('holds callbacks and releases a burst newest first: COMPLETED before the FAILED attempt that preceded it', async () => {
    const clock = new SimClock('manual');
    const receiver = scriptedReceiver(() => clock.now());
    const sim = await startTestSim({}, { clock, transport: receiver.transport });
    await setCallbackSettings(sim, sim.sandbox.id, { reorder: true });
    const intent = await createIntent(sim, sim.sandbox);
    const t0 = clock.now();
    await processMobile(sim, intent.reference, 'MPESA', '254700000001'); // insufficient funds
    await sim.advance(PIN_MS);
    await processMobile(sim, intent.reference, 'MPESA', '254712345678');
    await sim.advance(PIN_MS);
    expect(receiver.calls).toHaveLength(0);

    // One jump of the clock past both holds: the order must not depend on how far it moves.
    await sim.advance(10_000);
    expect(receiver.calls.map((c) => c.body.status)).toEqual(['COMPLETED']);
    await sim.advance(1000);
    expect(receiver.calls.map((c) => [c.body.status, c.at - t0])).toEqual([
      ['COMPLETED', 16_000],
      ['FAILED', 17_000],
    ]);
    const listed = await merchantCallbacks(sim, sim.sandbox.id);
    expect(listed.map((c) => [c.body.status, c.state])).toEqual([
      ['COMPLETED', 'delivered'],
      ['FAILED', 'delivered'],
    ]);
  });

  it('delays a lone callback by the hold and nothing more', async () => {
    const clock = new SimClock('manual');
    const receiver = scriptedReceiver(() => clock.now());
    const sim = await startTestSim({}, { clock, transport: receiver.transport });
    await setCallbackSettings(sim, sim.sandbox.id, { reorder: true, reorderHoldMs: 2000 });
    await paidIntent(sim, sim.sandbox);
    await sim.advance(1999);
    expect(receiver.calls).toHaveLength(0);
    await sim.advance(1);
    expect(receiver.calls).toHaveLength(1);
  });
});

describe('the built-in inbox', () => {
  it('takes <PUBLIC_URL>/_sim/inbox/{name} as a callbackUrl, checks the signature and lists what came', async () => {
    const sim = await startTestSim();
    const inbox = `${sim.app.sim.ctx.publicUrl()}/_sim/inbox/shop-1`;
    const reference = await paidIntent(sim, sim.sandbox, { callbackUrl: inbox });
    const [cb] = await merchantCallbacks(sim, sim.sandbox.id);
    expect(cb).toMatchObject({
      url: inbox,
      state: 'delivered',
      deliveries: [{ ok: true, statusCode: 200, responseSnippet: '{"received":true,"signatureValid":true}' }],
    });

    const listed = (await sim.inject({ method: 'GET', url: '/_sim/inbox/shop-1' })).json();
    expect(listed.name).toBe('shop-1');
    expect(listed.messages).toEqual([expect.objectContaining({ signatureValid: true, body: expect.objectContaining({ reference, status: 'COMPLETED' }) })]);
    expect(listed.messages[0].headers).toEqual({
      'x-littlepay-signature': expect.any(String),
      'x-littlepay-timestamp': expect.stringMatching(/^\d+$/),
      'content-type': 'application/json',
    });
    // A forged message is kept too, marked invalid.
    const forged = await sim.inject({
      method: 'POST',
      url: '/_sim/inbox/shop-1',
      payload: { ...listed.messages[0].body, amount: 1 },
      headers: listed.messages[0].headers,
    });
    expect(forged.json()).toEqual({ received: true, signatureValid: false });
    expect((await sim.inject({ method: 'GET', url: '/_sim/inbox/shop-1' })).json().messages.map((m: { signatureValid: boolean }) => m.signatureValid)).toEqual([
      true,
      false,
    ]);
  });

  it('keeps at most INBOX_LIMIT messages in memory across inboxes, dropping the oldest', async () => {
    const sim = await startTestSim({ inboxLimit: 3 });
    for (const [name, n] of [
      ['a', 1],
      ['b', 2],
      ['a', 3],
      ['b', 4],
      ['a', 5],
    ] as const) {
      await sim.inject({ method: 'POST', url: `/_sim/inbox/${name}`, payload: { n } });
    }
    const bodies = async (name: string) =>
      (await sim.inject({ method: 'GET', url: `/_sim/inbox/${name}` })).json().messages.map((m: { body: unknown }) => m.body);
    expect(await bodies('a')).toEqual([{ n: 3 }, { n: 5 }]);
    expect(await bodies('b')).toEqual([{ n: 4 }]);
  });
});

describe('the receiver check, in-process', () => {
  it('grades the inbox, which accepts everything, unsafe; keeps the report as the merchant last check', async () => {
    const sim = await startTestSim();
    const before = await sim.inject({ method: 'GET', url: `/_sim/merchants/${sim.sandbox.id}/callback-check` });
    expect(before.statusCode).toBe(404);
    expect(before.json().data.code).toBe('CALLBACK_CHECK_NOT_FOUND');

    const url = `${sim.app.sim.ctx.publicUrl()}/_sim/inbox/check`;
    const res = await sim.inject({ method: 'POST', url: `/_sim/merchants/${sim.sandbox.id}/callback-check`, payload: { url } });
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ merchantId: sim.sandbox.id, url, safe: false, timeoutMs: 10_000 });
    expect(report.summary).toBe('Unsafe: 2 of 5 cases passed (failed: tampered_body, wrong_signature, stale_timestamp).');
    expect(report.cases.map((c: { name: string; statusCode: number; passed: boolean }) => [c.name, c.statusCode, c.passed])).toEqual([
      ['tampered_body', 200, false],
      ['wrong_signature', 200, false],
      ['stale_timestamp', 200, false],
      ['valid', 200, true],
      ['duplicate', 200, true],
    ]);

    // What arrived is marked as test data, and the inbox saw which signatures verify.
    const messages = (await sim.inject({ method: 'GET', url: '/_sim/inbox/check' })).json().messages;
    expect(messages.map((m: { headers: Record<string, string>; signatureValid: boolean }) => [m.headers['x-littlepay-sim-check'], m.signatureValid])).toEqual([
      ['tampered_body', false],
      ['wrong_signature', false],
      ['stale_timestamp', true],
      ['valid', true],
      ['duplicate', true],
    ]);
    expect(messages[3].body).toMatchObject({
      key: expect.stringMatching(/^SIMCHECK_[0-9A-F]{8}$/),
      payload: { customData: { littlepaySimReceiverCheck: true } },
    });
    expect(Number(messages[2].headers['x-littlepay-timestamp'])).toBe(Number(messages[3].headers['x-littlepay-timestamp']) - 600);

    expect((await sim.inject({ method: 'GET', url: `/_sim/merchants/${sim.sandbox.id}/callback-check` })).json()).toEqual(report);
    // Nothing of the check is in the merchant's callbacks.
    expect(await merchantCallbacks(sim, sim.sandbox.id)).toEqual([]);
  });

  it.each([
    { name: 'no url', payload: {}, field: 'body.url' },
    { name: 'an ftp url', payload: { url: 'ftp://receiver.example/cb' }, field: 'body.url' },
    { name: 'a key with a dash', payload: { url: 'http://receiver.example/cb', key: 'ORDER-1' }, field: 'body.key' },
    { name: 'an unknown field', payload: { url: 'http://receiver.example/cb', retries: 3 }, field: 'body.retries' },
  ])('refuses $name with 400 naming the field, sending nothing', async ({ payload, field }) => {
    const clock = new SimClock('manual');
    const receiver = scriptedReceiver(() => clock.now());
    const sim = await startTestSim({}, { clock, transport: receiver.transport });
    const res = await sim.inject({ method: 'POST', url: `/_sim/merchants/${sim.sandbox.id}/callback-check`, payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().data.message).toContain(field);
    expect(receiver.calls).toEqual([]);
  });

  it('answers 404 MERCHANT_NOT_FOUND for an unknown merchant, sending nothing', async () => {
    const clock = new SimClock('manual');
    const receiver = scriptedReceiver(() => clock.now());
    const sim = await startTestSim({}, { clock, transport: receiver.transport });
    const res = await sim.inject({ method: 'POST', url: '/_sim/merchants/mer_nobody/callback-check', payload: { url: 'http://receiver.example/cb' } });
    expect(res.statusCode).toBe(404);
    expect(res.json().data.code).toBe('MERCHANT_NOT_FOUND');
    expect(receiver.calls).toEqual([]);
  });
});

describe('the typed sim client', () => {
  it('drives settings, the log, replay and the receiver check', async () => {
    const clock = new SimClock('manual');
    const receiver = scriptedReceiver(() => clock.now());
    const sim = await startTestSim({}, { clock, transport: receiver.transport });
    const client = createSimClient({ baseUrl: 'http://localhost:3000', fetch: injectFetch(sim.app) });
    const id = sim.sandbox.id;

    expect((await client.updateCallbackSettings(id, { duplicates: false })).data).toEqual({ duplicates: false, reorder: false, reorderHoldMs: 10_000 });
    expect((await client.callbackSettings(id)).data?.duplicates).toBe(false);
    const reference = await paidIntent(sim, sim.sandbox);
    const listed = await client.merchantCallbacks(id, { reference });
    expect(listed.data?.callbacks).toHaveLength(1);
    const replay = await client.replayCallback(listed.data!.callbacks[0]!.id);
    expect(replay.response.status).toBe(202);
    expect(replay.data).toMatchObject({ origin: 'replay', originalId: listed.data!.callbacks[0]!.id });
    await sim.advance(0);
    expect(receiver.calls).toHaveLength(2);

    expect((await client.lastCallbackCheck(id)).error?.data.code).toBe('CALLBACK_CHECK_NOT_FOUND');
    const checked = await client.checkCallbackReceiver(id, { url: 'https://receiver.example/cb', key: 'TESTORDER1', amount: 10, currency: 'KES' });
    expect(checked.data?.safe).toBe(false);
    expect(receiver.calls.slice(2).map((c) => [c.body.key, c.body.amount, c.headers['x-littlepay-sim-check']])).toEqual([
      ['TESTORDER1', 1000, 'tampered_body'],
      ['TESTORDER1', 10, 'wrong_signature'],
      ['TESTORDER1', 10, 'stale_timestamp'],
      ['TESTORDER1', 10, 'valid'],
      ['TESTORDER1', 10, 'duplicate'],
    ]);
    expect((await client.lastCallbackCheck(id)).data).toEqual(checked.data);
  });
});
