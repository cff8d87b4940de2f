// Address verification (docs/decisions/0081): by default a card payment on an intent without any billing
// address is declined after 3-D Secure with avs_declined (Cybersource's 200); the rule is switched per
// merchant through /_sim, and AVS never turns an issuer's own decline or a failed authentication into
// anything else.
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../simulator/src/domain/catalogue.js';
import { card, cardFor, cspaToken, enroll, processCard } from '../helpers/cards.js';
import { newMerchant } from '../helpers/control.js';
import { createIntent, status, startTestSim, type Merchant, type TestSim } from '../helpers/sim.js';

const AVS = catalogue().find((e) => e.outcome === 'avs_declined')!;
const PARTIAL = { firstName: 'Jane', lastName: 'Doe', email: 'jane@example.com' };
const FULL = { ...PARTIAL, address1: '1 Kenyatta Avenue', locality: 'Nairobi', postalCode: '00100', country: 'KE' };

/** Pays a new intent (with this billing address, or none) by card; answers process's data. */
async function payByCard(sim: TestSim, m: Merchant, key: string, billingAddress: Record<string, string> | undefined, number = '4000000000002701') {
  const { reference } = await createIntent(sim, m, { key, payload: billingAddress ? { billingAddress } : undefined });
  const c = card(sim, number);
  await cspaToken(sim, reference, c);
  expect((await enroll(sim, reference, c)).statusCode).toBe(200);
  return (await processCard(sim, reference, c)).json().data as { status: string; message: string };
}

const setRule = (sim: TestSim, m: Merchant, rule: string) =>
  sim.inject({ method: 'PUT', url: `/_sim/merchants/${m.id}/avs`, headers: { 'content-type': 'application/json' }, payload: { rule } });

describe('address verification of card payments', () => {
  it('is in the catalogue as a card outcome with Cybersource reason code 200', () => {
    expect(AVS).toMatchObject({ status: 'FAILED', resultCode: 200, trigger: { kind: 'card', provider: 'CARDS' } });
  });

  it('by default (no_address) declines a card payment on an intent without a billing address, and passes any address', async () => {
    const sim = await startTestSim();
    const m = await newMerchant(sim);
    expect((await sim.inject({ method: 'GET', url: `/_sim/merchants/${m.id}/avs` })).json()).toEqual({ merchantId: m.id, rule: 'no_address' });
    // Enroll said MAKE_PAYMENT: AVS is part of authorisation, after 3-D Secure.
    expect(await payByCard(sim, m, 'BARE1', undefined)).toMatchObject({ status: 'FAILED', message: AVS.message });
    const attempt = (await status(sim, m, 'BARE1')).json().data.attempts[0];
    expect(attempt).toMatchObject({ status: 'FAILED', message: AVS.message });
    expect(await payByCard(sim, m, 'NAMED1', PARTIAL)).toMatchObject({ status: 'COMPLETED' });
  });

  it('off lets an intent without a billing address through; complete_address declines a partial address and passes a full one', async () => {
    const sim = await startTestSim();
    const m = await newMerchant(sim);
    expect((await setRule(sim, m, 'off')).json()).toEqual({ merchantId: m.id, rule: 'off' });
    expect(await payByCard(sim, m, 'OFF1', undefined)).toMatchObject({ status: 'COMPLETED' });
    expect((await setRule(sim, m, 'complete_address')).json().rule).toBe('complete_address');
    expect(await payByCard(sim, m, 'PART1', PARTIAL)).toMatchObject({ status: 'FAILED', message: AVS.message });
    expect(await payByCard(sim, m, 'BLANK1', { ...FULL, postalCode: ' ' })).toMatchObject({ status: 'FAILED' });
    expect(await payByCard(sim, m, 'FULL1', FULL)).toMatchObject({ status: 'COMPLETED' });
    // The rule is the merchant's: another merchant still has the default.
    expect(await payByCard(sim, sim.sandbox, 'OTHER1', PARTIAL)).toMatchObject({ status: 'COMPLETED' });
  });

  it("leaves an issuer's decline as it is: AVS only turns an approval into a decline", async () => {
    const sim = await startTestSim();
    const m = await newMerchant(sim);
    expect(await payByCard(sim, m, 'NSF1', undefined, cardFor('insufficient_funds'))).toMatchObject({
      status: 'FAILED',
      message: 'Insufficient funds in the account',
    });
  });

  it('is restored to the default by a merchant reset, and refuses an unknown rule with 400 naming the field', async () => {
    const sim = await startTestSim();
    const m = await newMerchant(sim);
    await setRule(sim, m, 'off');
    await sim.inject({ method: 'POST', url: `/_sim/merchants/${m.id}/reset` });
    expect((await sim.inject({ method: 'GET', url: `/_sim/merchants/${m.id}/avs` })).json().rule).toBe('no_address');
    const bad = await setRule(sim, m, 'strict');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().data).toMatchObject({ code: 'VALIDATION_ERROR', errors: [{ field: 'body.rule' }] });
  });
});
