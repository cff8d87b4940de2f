// Saved cards (tokenization): a successful card payment on a createCustomer intent issues a token that
// the callback (top level) and the status (data) carry; the guide's body pays any later intent of the
// same merchant with it, following the saved card; each broken rule has its own code and changes nothing.
import { describe, expect, it } from 'vitest';
import { bodyOf, callbacksOf, cardFor, dataOf, OTHER_VISA, processCard } from '../helpers/cards.js';
import { createIntent, processMobile, startTestSim, status, storeSnapshot, type TestSim } from '../helpers/sim.js';
import { guideIntentBody, payByCard, payWithToken, queueOutcomes, saveCard, savedCards } from '../helpers/tokens.js';

const TOKEN = /^[0-9A-F]{32}$/;

async function createGuideIntent(sim: TestSim, key: string) {
  const res = await sim.inject({
    method: 'POST',
    url: `/api/payments/${sim.sandbox.tokenId}/pay`,
    headers: {
      authorization: `Basic ${Buffer.from(`${sim.sandbox.clientId}:${sim.sandbox.clientSecret}`).toString('base64')}`,
      'content-type': 'application/json',
    },
    payload: guideIntentBody(key),
  });
  return dataOf(res).reference as string;
}

describe('saving a card (metadata.createCustomer)', () => {
  it('issues a 32-hex token after a successful card payment, in the callback (top level) and the status (data)', async () => {
    const sim = await startTestSim();
    const reference = await createGuideIntent(sim, 'SAVE_CARD_123');
    expect(dataOf(await payByCard(sim, reference, cardFor('success'))).status).toBe('COMPLETED');
    await sim.advance(0);
    const [callback] = callbacksOf(sim, reference);
    const id = (callback!.tokenInformation as { customer: { id: string } }).customer.id;
    expect(id).toMatch(TOKEN);
    expect(callback).toMatchObject({ status: 'COMPLETED', key: 'SAVE_CARD_123', provider: 'CARDS', tokenInformation: { customer: { id } } });
    const statusData = dataOf(await status(sim, sim.sandbox, 'SAVE_CARD_123'));
    expect(statusData).toMatchObject({ status: 'COMPLETED', tokenInformation: { customer: { id } } });
    const [saved] = await savedCards(sim, sim.sandbox);
    expect(saved).toEqual({
      id,
      merchantId: sim.sandbox.id,
      environment: 'sandbox',
      card: statusData.payment.details,
      cardOutcome: 'success',
      reference,
      createdAt: new Date(sim.clock.now()).toISOString(),
    });
  });

  it('issues no token when the card payment fails, nor without createCustomer', async () => {
    const sim = await startTestSim();
    const failing = (await createIntent(sim, sim.sandbox, { key: 'DECLINED1', metadata: { createCustomer: true } })).reference;
    expect(dataOf(await payByCard(sim, failing, cardFor('declined'))).status).toBe('FAILED');
    const plain = (await createIntent(sim, sim.sandbox, { key: 'PLAIN1' })).reference;
    expect(dataOf(await payByCard(sim, plain, cardFor('success'))).status).toBe('COMPLETED');
    await sim.advance(0);
    expect(await savedCards(sim, sim.sandbox)).toEqual([]);
    for (const cb of [...callbacksOf(sim, failing), ...callbacksOf(sim, plain)]) expect(cb).not.toHaveProperty('tokenInformation');
    expect(dataOf(await status(sim, sim.sandbox, 'PLAIN1'))).not.toHaveProperty('tokenInformation');
  });

  it('a mobile-money payment on a createCustomer intent completes without a token, and X-Sim-Notice says why', async () => {
    const sim = await startTestSim();
    const { reference } = await createIntent(sim, sim.sandbox, { key: 'MOBILE1', metadata: { createCustomer: true } });
    const res = await processMobile(sim, reference, 'MPESA', '254712345678');
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-sim-notice']).toMatch(/^CREATE_CUSTOMER_CARDS_ONLY; metadata.createCustomer saves a card: this MPESA payment creates no token/);
    await sim.advance(sim.config.pinDelayMs);
    expect(dataOf(await status(sim, sim.sandbox, 'MOBILE1'))).toMatchObject({ status: 'COMPLETED' });
    expect(dataOf(await status(sim, sim.sandbox, 'MOBILE1'))).not.toHaveProperty('tokenInformation');
    expect(callbacksOf(sim, reference)[0]).not.toHaveProperty('tokenInformation');
    expect(await savedCards(sim, sim.sandbox)).toEqual([]);
    // Only that case has a notice.
    const plain = (await createIntent(sim, sim.sandbox, { key: 'MOBILE2' })).reference;
    expect((await processMobile(sim, plain, 'MPESA', '254712345678')).headers['x-sim-notice']).toBeUndefined();
  });

  it('saves a new token for each createCustomer payment, and none when a token pays a createCustomer intent', async () => {
    const sim = await startTestSim();
    const first = await saveCard(sim, sim.sandbox, 'S1', OTHER_VISA);
    const second = await saveCard(sim, sim.sandbox, 'S2', OTHER_VISA);
    expect(second).not.toBe(first);
    const { reference } = await createIntent(sim, sim.sandbox, { key: 'S3', metadata: { createCustomer: true } });
    expect(dataOf(await payWithToken(sim, reference, first)).status).toBe('COMPLETED');
    expect((await savedCards(sim, sim.sandbox)).map((t) => t.id)).toEqual([first, second]);
    expect(dataOf(await status(sim, sim.sandbox, 'S3')).tokenInformation).toEqual({ customer: { id: first } });
  });
});

describe('paying with a saved card', () => {
  it('pays another intent of the merchant with the guide body alone, at once, and callback and status say which token', async () => {
    const sim = await startTestSim();
    const id = await saveCard(sim, sim.sandbox, 'SAVE1', cardFor('challenge_success'));
    const { reference } = await createIntent(sim, sim.sandbox, { key: 'REPEAT1', amount: 250 });
    const paid = dataOf(await payWithToken(sim, reference, id));
    expect(paid).toMatchObject({
      status: 'COMPLETED',
      message: 'Successful transaction',
      meta: { provider: 'CARDS', amount: 250, stepUpUrl: null, accessToken: null },
    });
    expect(paid.meta.providerReference).toMatch(/^[0-9]{22}$/);
    await sim.advance(0);
    expect(callbacksOf(sim, reference)).toEqual([expect.objectContaining({ status: 'COMPLETED', amount: 250, tokenInformation: { customer: { id } } })]);
    const data = dataOf(await status(sim, sim.sandbox, 'REPEAT1'));
    expect(data).toMatchObject({ status: 'COMPLETED', payment: { provider: 'CARDS', details: { last4: '2503' } }, tokenInformation: { customer: { id } } });
    const sim2 = (await sim.inject({ method: 'GET', url: `/_sim/merchants/${sim.sandbox.id}/intents` })).json().intents[0];
    expect(sim2.attempts[0]).toMatchObject({ token: { id, use: 'used' }, outcomeSource: 'default' });
    // A saved card is refundable like any card payment.
    expect(
      dataOf(
        await sim.inject({
          method: 'POST',
          url: '/api/refund/REPEAT1',
          headers: { 'x-api-key': sim.sandbox.apiKey, 'content-type': 'application/json' },
          payload: { amount: 250 },
        }),
      ).status,
    ).toBe('COMPLETED');
  });

  it('declines as the saved card declines: a token saved from the insufficient-funds card fails the same way', async () => {
    const sim = await startTestSim();
    // The card declines, so only a queued success saves it (the precedence rule: override, then card).
    await queueOutcomes(sim, sim.sandbox, 'CARDS', ['success']);
    const id = await saveCard(sim, sim.sandbox, 'POOR1', cardFor('insufficient_funds'));
    expect((await savedCards(sim, sim.sandbox))[0]).toMatchObject({ id, cardOutcome: 'insufficient_funds' });
    const { reference } = await createIntent(sim, sim.sandbox, { key: 'POOR2' });
    const declined = dataOf(await payWithToken(sim, reference, id));
    expect(declined).toMatchObject({ status: 'FAILED', message: 'Insufficient funds in the account' });
    await sim.advance(0);
    expect(callbacksOf(sim, reference)).toEqual([expect.objectContaining({ status: 'FAILED', tokenInformation: { customer: { id } } })]);
    expect(dataOf(await status(sim, sim.sandbox, 'POOR2'))).toMatchObject({ status: 'FAILED', tokenInformation: { customer: { id } } });
    // The failed intent can be paid again, here with another card.
    expect(dataOf(await payByCard(sim, reference, OTHER_VISA)).status).toBe('COMPLETED');
  });

  it.each([
    ['declined', 'FAILED'],
    ['processor_error', 'FAILED'],
    ['expired_card', 'FAILED'],
    ['wrong_cvv', 'COMPLETED'],
    ['challenge_failed', 'COMPLETED'],
    ['authentication_failed', 'COMPLETED'],
  ])('a token saved from the %s card: %s (declines apply; 3-D Secure and the CVV are not run again)', async (outcome, expected) => {
    const sim = await startTestSim();
    await queueOutcomes(sim, sim.sandbox, 'CARDS', ['success']);
    const id = await saveCard(sim, sim.sandbox, 'SAVED', cardFor(outcome));
    const { reference } = await createIntent(sim, sim.sandbox, { key: 'AGAIN' });
    expect(dataOf(await payWithToken(sim, reference, id)).status).toBe(expected);
  });

  it('declines a saved card past its expiry month (on the merchant clock) as expired', async () => {
    const sim = await startTestSim();
    const now = new Date(sim.clock.now());
    const nextMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
    const exp = `${String(nextMonth.getUTCMonth() + 1).padStart(2, '0')}/${String(nextMonth.getUTCFullYear()).slice(-2)}`;
    const id = await saveCard(sim, sim.sandbox, 'EXP1', OTHER_VISA, { cc_exp: exp });
    const first = (await createIntent(sim, sim.sandbox, { key: 'EXP2' })).reference;
    expect(dataOf(await payWithToken(sim, first, id)).status).toBe('COMPLETED');
    await sim.advance(62 * 24 * 3600_000);
    const later = (await createIntent(sim, sim.sandbox, { key: 'EXP3' })).reference;
    expect(dataOf(await payWithToken(sim, later, id))).toMatchObject({ status: 'FAILED', message: 'Expired card' });
  });

  it('takes a queued outcome before the saved card, as every card payment does', async () => {
    const sim = await startTestSim();
    const id = await saveCard(sim, sim.sandbox, 'Q1', OTHER_VISA);
    await queueOutcomes(sim, sim.sandbox, 'CARDS', ['processor_error']);
    const { reference } = await createIntent(sim, sim.sandbox, { key: 'Q2' });
    expect(dataOf(await payWithToken(sim, reference, id))).toMatchObject({ status: 'FAILED', message: 'Processor failure' });
    const view = (await sim.inject({ method: 'GET', url: `/_sim/merchants/${sim.sandbox.id}/intents` })).json().intents[0];
    expect(view.attempts[0]).toMatchObject({ outcome: 'processor_error', outcomeSource: 'override' });
  });

  it('a production token works in production (any non-test card saves there)', async () => {
    const sim = await startTestSim();
    const id = await saveCard(sim, sim.production, 'PROD1', OTHER_VISA);
    expect((await savedCards(sim, sim.production))[0]).toMatchObject({ id, environment: 'production' });
    const { reference } = await createIntent(sim, sim.production, { key: 'PROD2' });
    expect(dataOf(await payWithToken(sim, reference, id)).status).toBe('COMPLETED');
  });

  it('drops a card session started with cspaToken: the saved card pays instead', async () => {
    const sim = await startTestSim();
    const id = await saveCard(sim, sim.sandbox, 'D1', OTHER_VISA);
    const { reference } = await createIntent(sim, sim.sandbox, { key: 'D2' });
    await sim.inject({
      method: 'POST',
      url: `/pay/${reference}/cspaToken`,
      headers: { 'content-type': 'application/json' },
      payload: { type: 'CARDS', payment: { cc_number: cardFor('declined'), cc_cvv: '123', cc_exp: '12/39', cc_name: 'J D' } },
    });
    expect(dataOf(await payWithToken(sim, reference, id)).status).toBe('COMPLETED');
    expect(sim.app.sim.ctx.store.get('intents', reference)?.card3ds).toBeUndefined();
  });
});

describe('the rules of the Tokenization Guide, each refused with its own code, changing nothing', () => {
  async function world() {
    const sim = await startTestSim();
    const sandboxToken = await saveCard(sim, sim.sandbox, 'OWN', OTHER_VISA);
    const otherToken = await saveCard(sim, sim.sandbox2, 'OTHER', OTHER_VISA);
    const productionToken = await saveCard(sim, sim.production, 'PROD', OTHER_VISA);
    const sandboxIntent = (await createIntent(sim, sim.sandbox, { key: 'TARGET' })).reference;
    const productionIntent = (await createIntent(sim, sim.production, { key: 'TARGET' })).reference;
    await sim.advance(0);
    return { sim, sandboxToken, otherToken, productionToken, sandboxIntent, productionIntent };
  }

  type World = Awaited<ReturnType<typeof world>>;
  const rows: Array<{
    rule: string;
    send: (w: World) => ReturnType<TestSim['inject']>;
    status: number;
    code: string;
    field: string;
    says: RegExp;
    intent: (w: World) => string;
    token: (w: World) => string;
  }> = [
    {
      rule: "another merchant's token (same environment)",
      send: (w) => payWithToken(w.sim, w.sandboxIntent, w.otherToken),
      status: 403,
      code: 'TOKEN_OTHER_MERCHANT',
      field: 'body.payment.customer.id',
      says: /another merchant account; tokens are linked to the merchant account that created them/,
      intent: (w) => w.sandboxIntent,
      token: (w) => w.sandboxToken,
    },
    {
      rule: 'a production token on a sandbox intent',
      send: (w) => payWithToken(w.sim, w.sandboxIntent, w.productionToken),
      status: 403,
      code: 'TOKEN_WRONG_ENVIRONMENT',
      field: 'body.payment.customer.id',
      says: /created in production and this intent belongs to a sandbox merchant; tokens created in the sandbox are not valid in production/,
      intent: (w) => w.sandboxIntent,
      token: (w) => w.sandboxToken,
    },
    {
      rule: 'a sandbox token on a production intent',
      send: (w) => payWithToken(w.sim, w.productionIntent, w.sandboxToken),
      status: 403,
      code: 'TOKEN_WRONG_ENVIRONMENT',
      field: 'body.payment.customer.id',
      says: /created in sandbox and this intent belongs to a production merchant/,
      intent: (w) => w.productionIntent,
      token: (w) => w.productionToken,
    },
    {
      rule: 'an unknown token',
      send: (w) => payWithToken(w.sim, w.sandboxIntent, '1FCA46377B709D13E0631E588D0AC763'),
      status: 404,
      code: 'TOKEN_NOT_FOUND',
      field: 'body.payment.customer.id',
      says: /no saved card has the token 1FCA46377B709D13E0631E588D0AC763; a token is issued only by a successful card payment/,
      intent: (w) => w.sandboxIntent,
      token: (w) => w.sandboxToken,
    },
    {
      rule: 'a token with card fields',
      send: (w) => payWithToken(w.sim, w.sandboxIntent, w.sandboxToken, { cc_number: OTHER_VISA, cc_cvv: '123', cc_exp: '12/39', cc_name: 'Jane Doe' }),
      status: 400,
      code: 'TOKEN_WITH_CARD_DETAILS',
      field: 'body.payment',
      says: /either the card fields or customer.id/,
      intent: (w) => w.sandboxIntent,
      token: (w) => w.sandboxToken,
    },
    {
      rule: 'a token not in the 32-hex format',
      send: (w) => payWithToken(w.sim, w.sandboxIntent, w.sandboxToken.toLowerCase()),
      status: 400,
      code: 'VALIDATION_ERROR',
      field: 'body.payment.customer.id',
      says: /32 upper-case hex/,
      intent: (w) => w.sandboxIntent,
      token: (w) => w.sandboxToken,
    },
  ];

  it.each(rows)('$rule: $status $code, nothing changed, the intent can still be paid', async (row) => {
    const w = await world();
    const before = storeSnapshot(w.sim);
    const res = await row.send(w);
    const data = bodyOf(res, row.status).data;
    expect(data.code).toBe(row.code);
    expect(data.message).toMatch(row.says);
    expect(data.errors[0].field).toBe(row.field);
    await w.sim.advance(0);
    expect(storeSnapshot(w.sim)).toEqual(before);
    // The rule's message never names the other merchant or its card.
    expect(res.body).not.toContain(w.sim.sandbox2.id);
    expect(res.body).not.toContain(w.sim.production.id);
    expect(dataOf(await payWithToken(w.sim, row.intent(w), row.token(w))).status).toBe('COMPLETED');
  });

  it('checks the token before the intent state: a paid intent still names the broken token rule', async () => {
    const w = await world();
    expect(dataOf(await payWithToken(w.sim, w.sandboxIntent, w.sandboxToken)).status).toBe('COMPLETED');
    expect(dataOf(await payWithToken(w.sim, w.sandboxIntent, w.otherToken), 403).code).toBe('TOKEN_OTHER_MERCHANT');
    expect(dataOf(await payWithToken(w.sim, w.sandboxIntent, w.sandboxToken), 409).code).toBe('INTENT_COMPLETED');
  });

  it('a token cannot start 3-D Secure: cspaToken and enroll take a card only', async () => {
    const w = await world();
    const before = storeSnapshot(w.sim);
    const paToken = await w.sim.inject({
      method: 'POST',
      url: `/pay/${w.sandboxIntent}/cspaToken`,
      headers: { 'content-type': 'application/json' },
      payload: { type: 'CARDS', payment: { customer: { id: w.sandboxToken } } },
    });
    expect(dataOf(paToken, 400)).toMatchObject({
      code: 'VALIDATION_ERROR',
      message: expect.stringMatching(
        /^body\.payment\.customer: is not allowed: this call takes the card fields .*; a saved card \(customer\.id\) is paid with POST \/pay\/\{reference\}\/process alone, without cspaToken or enroll \(and 4 more/,
      ),
    });
    expect(dataOf(await processCard(w.sim, w.sandboxIntent), 400).code).toBe('CARD_REQUIRED');
    expect(storeSnapshot(w.sim)).toEqual(before);
  });
});

describe('saved cards and resets', () => {
  it("a merchant reset forgets that merchant's tokens only", async () => {
    const sim = await startTestSim();
    const mine = await saveCard(sim, sim.sandbox, 'R1', OTHER_VISA);
    const theirs = await saveCard(sim, sim.sandbox2, 'R2', OTHER_VISA);
    const reset = (await sim.inject({ method: 'POST', url: `/_sim/merchants/${sim.sandbox.id}/reset` })).json();
    expect(reset.removed.tokens).toBe(1);
    const { reference } = await createIntent(sim, sim.sandbox, { key: 'R3' });
    expect(dataOf(await payWithToken(sim, reference, mine), 404).code).toBe('TOKEN_NOT_FOUND');
    expect((await savedCards(sim, sim.sandbox2)).map((t) => t.id)).toEqual([theirs]);
  });
});
