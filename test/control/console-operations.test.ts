// The /_sim operations behind the console's buttons, driven as a test suite would drive them: answer the
// shopper's waiting step with any outcome, refund on the merchant's behalf, expire, rotate a merchant's
// keys (the old ones refused at once by every endpoint), forget a saved card. Every reply is checked
// against the contract by the test sim.
import { describe, expect, it } from 'vitest';
import { basicAuth, createIntent, processMobile, startTestSim, status, type TestSim } from '../helpers/sim.js';
import { atChallenge, callbacksOf } from '../helpers/cards.js';
import { newMerchant } from '../helpers/control.js';

const json = { 'content-type': 'application/json' };
const post = (sim: TestSim, url: string, payload?: unknown) =>
  sim.inject({ method: 'POST', url, ...(payload === undefined ? {} : { headers: json, payload: payload as Record<string, unknown> }) });

async function pinPrompt(sim: TestSim, key: string) {
  const intent = await createIntent(sim, sim.sandbox, { key, amount: 1000 });
  expect((await processMobile(sim, intent.reference, 'MPESA', '254712345678')).statusCode).toBe(200);
  return intent.reference;
}

describe('POST /_sim/intents/{reference}/resolve', () => {
  it.each([
    ['cancelled_by_user', 'FAILED', 1032],
    ['wrong_pin', 'FAILED', 2001],
    ['insufficient_funds', 'FAILED', 1],
    ['no_pin_entered', 'FAILED', 1037],
    ['subscriber_busy', 'FAILED', 1001],
    ['success', 'COMPLETED', 0],
  ])('answers the PIN prompt now as %s: the payment is %s and its callback is sent', async (outcome, final, resultCode) => {
    const sim = await startTestSim();
    const reference = await pinPrompt(sim, 'RES1');
    const res = await post(sim, `/_sim/intents/${reference}/resolve`, { outcome });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: final, attempts: [{ status: final, outcome, outcomeSource: 'resolved', resultCode }] });
    await sim.advance(0);
    expect(callbacksOf(sim, reference)).toEqual([expect.objectContaining({ status: final })]);
    expect((await status(sim, sim.sandbox, 'RES1')).json().data.status).toBe(final);
    // The PIN timer fires later and changes nothing.
    await sim.advance(5000);
    expect(callbacksOf(sim, reference)).toHaveLength(1);
  });

  it.each([
    ['challenge_passed', { stage: 'authenticated' }],
    ['challenge_rejected', { stage: 'failed', failure: 'challenge_rejected' }],
    ['challenge_cancelled', { stage: 'failed', failure: 'challenge_cancelled' }],
  ])('answers a waiting 3-D Secure challenge as %s', async (outcome, session) => {
    const sim = await startTestSim();
    const { reference } = await atChallenge(sim);
    const res = await post(sim, `/_sim/intents/${reference}/resolve`, { outcome });
    expect(res.statusCode).toBe(200);
    expect(sim.app.sim.ctx.store.get('intents', reference)?.card3ds).toMatchObject(session);
  });

  it('refuses with 409 when nothing waits for that kind of answer, and 404 for an unknown intent', async () => {
    const sim = await startTestSim();
    const intent = await createIntent(sim, sim.sandbox, { key: 'RES2' });
    const none = await post(sim, `/_sim/intents/${intent.reference}/resolve`, { outcome: 'success' });
    expect(none.statusCode).toBe(409);
    expect(none.json().data).toMatchObject({ code: 'NOTHING_TO_RESOLVE', message: expect.stringContaining('no attempt yet') });
    const reference = await pinPrompt(sim, 'RES3');
    expect((await post(sim, `/_sim/intents/${reference}/resolve`, { outcome: 'challenge_passed' })).json().data.code).toBe('NOTHING_TO_RESOLVE');
    expect((await post(sim, '/_sim/intents/00000000-0000-4000-8000-000000000000/resolve', { outcome: 'success' })).statusCode).toBe(404);
  });

  it('names the field of an outcome that is not in the catalogue', async () => {
    const sim = await startTestSim();
    const reference = await pinPrompt(sim, 'RES4');
    const res = await post(sim, `/_sim/intents/${reference}/resolve`, { outcome: 'maybe' });
    expect(res.statusCode).toBe(400);
    expect(res.json().data.message).toContain('outcome');
  });
});

describe('POST /_sim/intents/{reference}/refund and /expire', () => {
  it("refunds part of a completed payment on the merchant's behalf, with the merchant's rules", async () => {
    const sim = await startTestSim();
    const reference = await pinPrompt(sim, 'RF1');
    await post(sim, `/_sim/intents/${reference}/resolve`, { outcome: 'success' });
    const part = await post(sim, `/_sim/intents/${reference}/refund`, { amount: 400, reason: 'Returned item', callbackUrl: 'http://receiver.test/refunds' });
    expect(part.statusCode).toBe(201);
    expect(part.json()).toMatchObject({ amount: 400, status: 'PENDING', reason: 'Returned item' });
    const tooMuch = await post(sim, `/_sim/intents/${reference}/refund`, { amount: 700 });
    expect(tooMuch.json().data).toMatchObject({ code: 'REFUND_EXCEEDS_BALANCE' });
    await sim.advance(60_000);
    expect(sim.sent.filter((s) => s.url === 'http://receiver.test/refunds')).toHaveLength(1);
  });

  it('expires an unpaid intent now: it can no longer be paid and reads FAILED, expired', async () => {
    const sim = await startTestSim();
    const intent = await createIntent(sim, sim.sandbox, { key: 'EXP1' });
    const res = await post(sim, `/_sim/intents/${intent.reference}/expire`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ expired: true, status: 'FAILED' });
    expect((await processMobile(sim, intent.reference, 'MPESA', '254712345678')).json().data.code).toBe('INTENT_EXPIRED');
    expect((await status(sim, sim.sandbox, 'EXP1')).json().data).toMatchObject({ status: 'FAILED', expired: true });
  });

  it('does not expire a completed payment', async () => {
    const sim = await startTestSim();
    const reference = await pinPrompt(sim, 'EXP2');
    await post(sim, `/_sim/intents/${reference}/resolve`, { outcome: 'success' });
    expect((await post(sim, `/_sim/intents/${reference}/expire`)).json().data.code).toBe('INTENT_COMPLETED');
  });
});

describe('POST /_sim/merchants/{merchantId}/rotate-key', () => {
  it('gives a new clientSecret and apiKey; the old ones are refused at once by every endpoint', async () => {
    const sim = await startTestSim();
    const m = await newMerchant(sim);
    const old = { ...m };
    // Used once, so the old headers sit in the checked-header cache when the keys rotate.
    await createIntent(sim, old, { key: 'ROT0' });
    expect((await status(sim, old, 'ROT0')).statusCode).toBe(200);

    const res = await post(sim, `/_sim/merchants/${m.id}/rotate-key`);
    expect(res.statusCode).toBe(200);
    const rotated = res.json();
    expect(rotated).toMatchObject({ id: m.id, clientId: m.clientId, tokenId: m.tokenId });
    expect(rotated.clientSecret).not.toBe(old.clientSecret);
    expect(rotated.apiKey).not.toBe(old.apiKey);
    expect(rotated.apiKey).toMatch(/^sk_sandbox_[0-9a-f]{40}$/);

    const oldCreate = await sim.inject({
      method: 'POST',
      url: `/api/payments/${m.tokenId}/pay`,
      headers: { authorization: basicAuth(old), ...json },
      payload: { amount: 10, description: 'x', key: 'ROT1', callbackUrl: 'http://x.test/cb' },
    });
    expect(oldCreate.statusCode).toBe(401);
    expect((await status(sim, old, 'ROT0')).statusCode).toBe(401);
    expect(
      (await sim.inject({ method: 'POST', url: '/api/refund/ROT0', headers: { 'x-api-key': old.apiKey, ...json }, payload: { amount: 1 } })).statusCode,
    ).toBe(401);

    await createIntent(sim, rotated, { key: 'ROT2' });
    expect((await status(sim, rotated, 'ROT2')).statusCode).toBe(200);
  });

  it('answers 404 for an unknown merchant', async () => {
    const sim = await startTestSim();
    expect((await post(sim, '/_sim/merchants/mer_000000000000/rotate-key')).statusCode).toBe(404);
  });
});

describe('DELETE /_sim/merchants/{merchantId}/tokens/{tokenId}', () => {
  it('forgets a saved card of this merchant only', async () => {
    const sim = await startTestSim();
    const token = {
      id: 'A'.repeat(32),
      merchantId: sim.sandbox.id,
      environment: 'sandbox' as const,
      card: { brand: 'visa', first6: '400000', last4: '2701', expiry: '01/40' },
      cardOutcome: 'success',
      reference: 'r',
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    await sim.app.sim.ctx.store.commit([{ collection: 'tokens', value: token }]);
    expect((await sim.inject({ method: 'DELETE', url: `/_sim/merchants/${sim.sandbox2.id}/tokens/${token.id}` })).statusCode).toBe(404);
    const res = await sim.inject({ method: 'DELETE', url: `/_sim/merchants/${sim.sandbox.id}/tokens/${token.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: token.id, card: { last4: '2701' } });
    expect(sim.app.sim.ctx.store.get('tokens', token.id)).toBeUndefined();
  });
});
