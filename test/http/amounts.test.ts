// The amount rule (simulator/src/domain/amounts.ts, decision 0073): positive, finite and a whole number of
// the currency's minor unit; mobile money moves whole units. Seen before it: an MTN payment of 5e-324 KES
// completed, and a refund of 1e-300 was stored as a COMPLETED refund of 0.
import { describe, expect, it } from 'vitest';
import { newMerchant } from '../helpers/control.js';
import { card, cspaToken, dataOf, enroll, OTHER_VISA, processCard } from '../helpers/cards.js';
import { formatAmount, formatMoney } from '../../simulator/src/pages/html.js';
import { basicAuth, createIntent, intentBody, paidIntent, refund, startTestSim, storeSnapshot, type TestSim } from '../helpers/sim.js';

function create(sim: TestSim, overrides: Record<string, unknown>) {
  return sim.inject({
    method: 'POST',
    url: `/api/payments/${sim.sandbox.tokenId}/pay`,
    headers: { authorization: basicAuth(sim.sandbox), 'content-type': 'application/json' },
    payload: intentBody({ key: 'AMT1', ...overrides }),
  });
}

async function paidByCard(sim: TestSim, key: string, amount: number): Promise<string> {
  const intent = await createIntent(sim, sim.sandbox, { key, amount });
  dataOf(await cspaToken(sim, intent.reference, card(sim, OTHER_VISA)));
  dataOf(await enroll(sim, intent.reference));
  expect(dataOf(await processCard(sim, intent.reference)).status).toBe('COMPLETED');
  await sim.advance(0);
  return intent.reference;
}

describe('the amount of an intent', () => {
  it.each([
    ['the smallest double', 5e-324],
    ['a tenth of a cent', 0.001],
    ['a cent and a half', 10.015],
  ])('refuses %s of KES: 400 naming body.amount and the minor unit, nothing stored', async (_label, amount) => {
    const sim = await startTestSim();
    const before = storeSnapshot(sim);
    const res = await create(sim, { amount });
    expect(res.statusCode).toBe(400);
    expect(res.json().data).toMatchObject({ code: 'VALIDATION_ERROR', errors: [{ field: 'body.amount', rule: 'minorUnit' }] });
    expect(res.json().data.message).toContain('0.01 KES');
    expect(storeSnapshot(sim)).toEqual(before);
  });

  it.each([0.01, 0.29, 10.1, 1500, 999_999_999.99])('takes %d KES (a whole number of cents, floating point notwithstanding)', async (amount) => {
    const sim = await startTestSim();
    expect((await create(sim, { amount })).statusCode).toBe(200);
  });

  it("follows the currency's own minor unit: UGX has none", async () => {
    const sim = await startTestSim();
    const ugx = await newMerchant(sim, { name: 'Kampala', currencies: ['UGX'] });
    const res = await sim.inject({
      method: 'POST',
      url: `/api/payments/${ugx.tokenId}/pay`,
      headers: { authorization: basicAuth(ugx), 'content-type': 'application/json' },
      payload: intentBody({ currency: 'UGX', amount: 1500.5 }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().data.errors[0]).toMatchObject({ field: 'body.amount', rule: 'wholeUnits' });
  });

  it('an MTN payment of 5e-324 KES never starts', async () => {
    const sim = await startTestSim();
    expect((await create(sim, { amount: 5e-324 })).statusCode).toBe(400);
    expect([...sim.app.sim.ctx.store.all('intents')]).toHaveLength(0);
  });
});

describe('an amount as the pages show it', () => {
  it.each([
    [1500, 'KES', '1,500.00'],
    [1234.5, 'KES', '1,234.50'],
    [1500, 'UGX', '1,500'],
    [1_250_000, 'TZS', '1,250,000.00'],
    [1.235, 'BHD', '1.235'],
    [0.01, 'USD', '0.01'],
  ])('%d %s is written %s', (amount, currency, text) => {
    expect(formatAmount(amount, currency)).toBe(text);
    expect(formatMoney(amount, currency)).toBe(`${text} ${currency}`);
  });

  it('the checkout shows a UGX amount without decimals and a BHD amount with all three of its own', async () => {
    const sim = await startTestSim();
    const merchant = await newMerchant(sim, { name: 'Kampala and Manama', currencies: ['UGX', 'BHD'] });
    const ugx = await createIntent(sim, merchant, { key: 'UGX1', currency: 'UGX', amount: 25_000 });
    const bhd = await createIntent(sim, merchant, { key: 'BHD1', currency: 'BHD', amount: 12.345 });
    const ugxPage = (await sim.inject({ method: 'GET', url: `/checkout/${ugx.reference}` })).body;
    const bhdPage = (await sim.inject({ method: 'GET', url: `/checkout/${bhd.reference}` })).body;
    expect(ugxPage).toContain('UGX 25,000<');
    expect(ugxPage).not.toContain('25,000.00');
    // Rounded to two places it was 12.35: a different amount from the one the merchant asked for.
    expect(bhdPage).toContain('BHD 12.345<');
  });
});

describe('the amount of a refund', () => {
  it('refuses 1e-300 on a card payment (it was stored as a COMPLETED refund of 0)', async () => {
    const sim = await startTestSim();
    await paidByCard(sim, 'CARD1', 100);
    const before = storeSnapshot(sim);
    const res = await refund(sim, sim.sandbox, 'CARD1', { amount: 1e-300 });
    expect(res.statusCode).toBe(400);
    expect(res.json().data.errors[0]).toMatchObject({ field: 'body.amount', rule: 'minorUnit' });
    expect(storeSnapshot(sim)).toEqual(before);
  });

  it('takes cents back to a card, whole units only to a wallet', async () => {
    const sim = await startTestSim();
    await paidByCard(sim, 'CARD2', 100);
    expect((await refund(sim, sim.sandbox, 'CARD2', { amount: 0.5 })).statusCode).toBe(200);
    expect(sim.app.sim.ctx.store.intentByKey(sim.sandbox.id, 'CARD2')!.refunds[0]!.amount).toBe(0.5);
    await paidIntent(sim, sim.sandbox, { key: 'MOB1', amount: 100 });
    const mobile = await refund(sim, sim.sandbox, 'MOB1', { amount: 0.5 });
    expect(mobile.statusCode).toBe(400);
    expect(mobile.json().data.errors[0]).toMatchObject({ field: 'body.amount', rule: 'wholeUnits' });
    expect((await refund(sim, sim.sandbox, 'MOB1', { amount: 1e-300 })).statusCode).toBe(400);
    expect((await refund(sim, sim.sandbox, 'MOB1', { amount: 40 })).statusCode).toBe(200);
  });
});
