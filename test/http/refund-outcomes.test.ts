// Refunds that fail or wait (docs/decisions/0080): each of the answers the docs give a refund (§4.9) is
// reachable by a catalogue amount and by a queued REFUNDS outcome, on mobile-money and card payments alike,
// and a failed refund, at once or later, leaves the amount refundable. The clock is manual: nothing sleeps.
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../simulator/src/domain/catalogue.js';
import { REFUND_HOLD_MS } from '../../simulator/src/domain/refund-outcomes.js';
import { card, cspaToken, enroll, processCard } from '../helpers/cards.js';
import { intents, newMerchant, queueOutcomes } from '../helpers/control.js';
import { createIntent, paidIntent, refund, startTestSim, status, type Merchant, type TestSim } from '../helpers/sim.js';

const amountOf = (outcome: string) => catalogue().find((e) => e.trigger.kind === 'refund' && e.outcome === outcome)!.trigger.amount!;
const DECLINED = amountOf('refund_declined');
const FAILS_LATER = amountOf('refund_failed_later');
const HELD = amountOf('refund_pending');

/** An intent of 1500 KES paid by a frictionless card (card refunds are otherwise final in the answer). */
async function cardPaidIntent(sim: TestSim, m: Merchant, key: string): Promise<string> {
  const { reference } = await createIntent(sim, m, { key });
  const c = card(sim, '4000000000002701');
  await cspaToken(sim, reference, c);
  await enroll(sim, reference, c);
  expect((await processCard(sim, reference, c)).json().data.status).toBe('COMPLETED');
  return reference;
}

/** A payment of 1500 KES with this key, by M-Pesa or by card. */
async function paid(sim: TestSim, m: Merchant, kind: string, key: string): Promise<void> {
  if (kind === 'card') await cardPaidIntent(sim, m, key);
  else await paidIntent(sim, m, { key });
}

const refundsOf = async (sim: TestSim, m: Merchant, key: string) =>
  (await status(sim, m, key)).json().data.refunds as Array<{ amount: number; status: string }>;
const refundCallbacks = (sim: TestSim) => sim.sent.filter((s) => s.url === 'https://merchant.example/refunds');

describe('refund outcomes chosen by amount', () => {
  it('lists each trigger amount in the catalogue, with what the refund answers and how it ends', () => {
    const refunds = catalogue().filter((e) => e.trigger.kind === 'refund');
    expect(refunds.map((e) => [e.outcome, e.trigger.amount, e.answer, e.status])).toEqual([
      ['success', undefined, undefined, 'COMPLETED'],
      ['refund_declined', DECLINED, 'FAILED', 'FAILED'],
      ['refund_failed_later', FAILS_LATER, 'PENDING', 'FAILED'],
      ['refund_pending', HELD, 'PENDING', 'COMPLETED'],
    ]);
  });

  it.each(['mobile money', 'card'])('%s: a declined refund is FAILED in the answer, sends no callback and leaves the balance whole', async (kind) => {
    const sim = await startTestSim();
    const key = 'RFD1';
    await paid(sim, sim.sandbox, kind, key);
    const res = await refund(sim, sim.sandbox, key, { amount: DECLINED, callbackUrl: 'https://merchant.example/refunds' });
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toEqual({ status: 'FAILED', message: 'Refund declined by the provider: the payment cannot be refunded at the moment' });
    await sim.advance(sim.config.refundDelayMs);
    expect(refundCallbacks(sim)).toHaveLength(0);
    expect(await refundsOf(sim, sim.sandbox, key)).toEqual([expect.objectContaining({ amount: DECLINED, status: 'FAILED' })]);
    // The whole 1500 is still refundable.
    expect((await refund(sim, sim.sandbox, key, { amount: 1500 })).statusCode).toBe(200);
  });

  it.each(['mobile money', 'card'])(
    '%s: a refund that fails later answers PENDING, holds the amount, then is called back FAILED and frees it',
    async (kind) => {
      const sim = await startTestSim();
      const key = 'RFL1';
      await paid(sim, sim.sandbox, kind, key);
      const res = await refund(sim, sim.sandbox, key, { amount: FAILS_LATER, reason: 'Returned', callbackUrl: 'https://merchant.example/refunds' });
      expect(res.json().data).toMatchObject({ status: 'PENDING' });
      // While it is pending the amount counts against the balance.
      expect((await refund(sim, sim.sandbox, key, { amount: 1500 - FAILS_LATER + 1 })).json().data.code).toBe('REFUND_EXCEEDS_BALANCE');
      await sim.advance(sim.config.refundDelayMs);
      expect(refundCallbacks(sim).map((c) => c.body)).toEqual([
        expect.objectContaining({
          status: 'FAILED',
          message: "Refund failed: the provider could not return the money to the payer's account",
          amount: FAILS_LATER,
          reason: 'Returned',
          key,
        }),
      ]);
      expect(await refundsOf(sim, sim.sandbox, key)).toEqual([expect.objectContaining({ amount: FAILS_LATER, status: 'FAILED' })]);
      expect((await refund(sim, sim.sandbox, key, { amount: 1500 })).statusCode).toBe(200);
    },
  );

  it.each(['mobile money', 'card'])('%s: a held refund stays PENDING until the clock has moved a day, then completes and is called back', async (kind) => {
    const sim = await startTestSim();
    const key = 'RHD1';
    await paid(sim, sim.sandbox, kind, key);
    expect((await refund(sim, sim.sandbox, key, { amount: HELD, callbackUrl: 'https://merchant.example/refunds' })).json().data.status).toBe('PENDING');
    await sim.advance(REFUND_HOLD_MS - 1);
    expect(await refundsOf(sim, sim.sandbox, key)).toEqual([expect.objectContaining({ status: 'PENDING' })]);
    expect(refundCallbacks(sim)).toHaveLength(0);
    await sim.advance(1);
    expect(await refundsOf(sim, sim.sandbox, key)).toEqual([expect.objectContaining({ amount: HELD, status: 'COMPLETED' })]);
    expect(refundCallbacks(sim).map((c) => c.body)).toEqual([expect.objectContaining({ status: 'COMPLETED', message: 'Success', amount: HELD })]);
  });

  it('a trigger amount is an ordinary refund once it is more than the balance: 409, nothing recorded', async () => {
    const sim = await startTestSim();
    await paidIntent(sim, sim.sandbox, { key: 'SMALL1', amount: 500 });
    expect((await refund(sim, sim.sandbox, 'SMALL1', { amount: DECLINED })).json().data.code).toBe('REFUND_EXCEEDS_BALANCE');
    expect(await refundsOf(sim, sim.sandbox, 'SMALL1')).toEqual([]);
  });
});

describe('refund outcomes queued per merchant (REFUNDS)', () => {
  it('the queue comes before the amount, is used up in order, touches no other merchant, and `any` never serves a refund', async () => {
    const sim = await startTestSim();
    const m = await newMerchant(sim);
    const queued = await queueOutcomes(sim, m, { provider: 'REFUNDS', outcomes: ['refund_declined', 'success'] });
    expect(queued.json().queues).toEqual({ REFUNDS: ['refund_declined', 'success'] });
    await queueOutcomes(sim, m, { provider: 'any', outcomes: ['success'] });
    await paidIntent(sim, m, { key: 'Q1', amount: 2000 });
    // The MPESA attempt took `any`'s success; the REFUNDS queue is untouched by it.
    expect((await sim.inject({ method: 'GET', url: `/_sim/merchants/${m.id}/outcomes` })).json().queues).toEqual({ REFUNDS: ['refund_declined', 'success'] });

    await paidIntent(sim, sim.sandbox, { key: 'OTHER1' });
    expect((await refund(sim, sim.sandbox, 'OTHER1', { amount: 100 })).json().data.status).toBe('PENDING');

    expect((await refund(sim, m, 'Q1', { amount: 100 })).json().data.status).toBe('FAILED');
    // The queued success wins over the amount's own outcome.
    expect((await refund(sim, m, 'Q1', { amount: DECLINED })).json().data.status).toBe('PENDING');
    await sim.advance(sim.config.refundDelayMs);
    expect(await refundsOf(sim, m, 'Q1')).toEqual([
      expect.objectContaining({ amount: 100, status: 'FAILED' }),
      expect.objectContaining({ amount: DECLINED, status: 'COMPLETED' }),
    ]);
    const [view] = await intents(sim, m);
    expect((view as unknown as { refunds: unknown[] }).refunds).toEqual([
      expect.objectContaining({ outcome: 'refund_declined', outcomeSource: 'override', status: 'FAILED', resolveAt: null }),
      expect.objectContaining({ outcome: 'success', outcomeSource: 'override', status: 'COMPLETED' }),
    ]);
  });

  it('refuses a payment outcome in the REFUNDS queue and a refund outcome in a payment queue, naming the item', async () => {
    const sim = await startTestSim();
    const wrong = await queueOutcomes(sim, sim.sandbox, { provider: 'REFUNDS', outcomes: ['success', 'insufficient_funds'] });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().data).toMatchObject({ code: 'UNKNOWN_OUTCOME', errors: [{ field: 'body.outcomes.1' }] });
    const other = await queueOutcomes(sim, sim.sandbox, { provider: 'any', outcomes: ['refund_declined'] });
    expect(other.json().data).toMatchObject({ code: 'UNKNOWN_OUTCOME', errors: [{ field: 'body.outcomes.0' }] });
  });
});
