// Card payments with 3-D Secure, driven by the catalogue of test cards: every card through both orderings
// of the official client (littlepay-api.md §4.7, §11.1), as process, status and the callback see it; a
// production merchant; what needs a card first; retries and refunds. The challenge itself: three-ds.test.ts.
import { describe, expect, it } from 'vitest';
import { cardEventOutcomes } from '../../simulator/src/domain/catalogue.js';
import {
  answerChallenge,
  bodyOf,
  callbacksOf,
  card,
  cardFor,
  catalogueCards,
  cspaToken,
  dataOf,
  enroll,
  heldProcess,
  masked,
  OTHER_AMEX,
  OTHER_VISA,
  processCard,
} from '../helpers/cards.js';
import { createIntent, refund, startTestSim, status, storeSnapshot, type Merchant, type TestSim } from '../helpers/sim.js';

type Ordering = 'waitForStepUp' | 'default' | 'default, enroll first';
const ORDERINGS: Ordering[] = ['waitForStepUp', 'default', 'default, enroll first'];

/**
 * One card payment as the official client makes it, after cspaToken. waitForStepUp: enroll, the
 * challenge (answered "authenticate") if enroll asks for one, then process. default: process long-polled
 * and held (still pending), then enroll and the challenge; the held answer is the result. The client
 * sends that process and enroll together, so they may also arrive the other way round (§11.1).
 */
async function pay(sim: TestSim, m: Merchant, key: string, number: string, ordering: Ordering) {
  const intent = await createIntent(sim, m, { key, amount: 1500 });
  const { reference } = intent;
  const c = card(sim, number);
  dataOf(await cspaToken(sim, reference, c));
  const stillPending = async (held: { settled(): boolean }) => {
    await sim.advance(0);
    expect(held.settled()).toBe(false);
    expect(dataOf(await status(sim, m, key)).status).toBe('PENDING');
  };
  const authenticate = async () => {
    const result = bodyOf(await answerChallenge(sim, reference, 'authenticate'));
    expect(result.status).toEqual(ordering === 'waitForStepUp' ? 'PENDING' : expect.stringMatching(/^(COMPLETED|FAILED)$/));
  };
  let enrolled: { action: string };
  let answer;
  if (ordering === 'default') {
    const held = await heldProcess(sim, reference, c);
    await stillPending(held);
    enrolled = dataOf(await enroll(sim, reference, c));
    if (enrolled.action === 'AUTHENTICATE') await stillPending(held).then(authenticate);
    answer = dataOf(await held.answer);
  } else {
    enrolled = dataOf(await enroll(sim, reference, c));
    if (enrolled.action === 'AUTHENTICATE' && ordering === 'default, enroll first') {
      const held = await heldProcess(sim, reference, c);
      await stillPending(held).then(authenticate);
      answer = dataOf(await held.answer);
    } else {
      if (enrolled.action === 'AUTHENTICATE') await authenticate();
      answer = dataOf(await processCard(sim, reference, c, true));
    }
  }
  await sim.advance(0); // lets the callback out
  return { reference, card: c, enrolled, answer };
}

/** What process, status and the callback must say of a finished card payment. */
async function expectFinal(
  sim: TestSim,
  m: Merchant,
  key: string,
  paid: Awaited<ReturnType<typeof pay>>,
  want: { status: string; message: string; brand: string },
) {
  const details = masked(paid.card, want.brand);
  expect(paid.answer).toMatchObject({
    status: want.status,
    message: want.message,
    meta: { provider: 'CARDS', amount: 1500, reference: paid.reference, stepUpUrl: null, accessToken: null },
  });
  expect(paid.answer.meta.providerReference).toMatch(want.status === 'COMPLETED' ? /^[0-9]{22}$/ : /^$/);
  const seen = dataOf(await status(sim, m, key));
  expect(seen.status).toBe(want.status);
  expect(seen.payment).toEqual({ provider: 'CARDS', details });
  expect(seen.attempts).toEqual([expect.objectContaining({ provider: 'CARDS', status: want.status, message: want.message })]);
  expect(callbacksOf(sim, paid.reference)).toEqual([
    expect.objectContaining({ status: want.status, provider: 'CARDS', key, payment: { provider: 'CARDS', details } }),
  ]);
  // The hosted checkout's own view of it (no credentials) says as much, and no more.
  const state = await sim.inject({ method: 'GET', url: `/checkout/${paid.reference}/state` });
  expect(state.json()).toMatchObject({ status: want.status, attempt: { provider: 'CARDS', status: want.status, message: want.message } });
  for (const body of [JSON.stringify(seen), JSON.stringify(sim.sent), state.body]) expect(body).not.toContain(paid.card.cc_number);
}

describe('every catalogue card, in every ordering of the official client', () => {
  const rows = catalogueCards.flatMap((e) => ORDERINGS.map((ordering) => ({ ...e, ordering })));

  it.each(rows)('$ordering: $brand $number ($outcome) enrolls $enroll and ends $status', async (e) => {
    const sim = await startTestSim();
    const paid = await pay(sim, sim.sandbox, 'CARD1', e.number, e.ordering);
    expect(paid.enrolled.action).toBe(e.enroll);
    await expectFinal(sim, sim.sandbox, 'CARD1', paid, { status: e.status, message: e.message, brand: e.brand });
  });

  it.each(rows)('$ordering: a production merchant declines $number ($outcome)', async (e) => {
    const sim = await startTestSim();
    const paid = await pay(sim, sim.production, 'PROD1', e.number, e.ordering);
    await expectFinal(sim, sim.production, 'PROD1', paid, { status: 'FAILED', message: cardEventOutcomes.test_card_in_production.message, brand: e.brand });
  });

  const others = [
    { brand: 'visa', number: OTHER_VISA, cvv: 3 },
    { brand: 'amex', number: OTHER_AMEX, cvv: 4 },
  ].flatMap((c) => ORDERINGS.map((ordering) => ({ ...c, ordering })));

  it.each(others)('$ordering: any other Luhn-valid card succeeds frictionless: $brand $number', async ({ brand, number, cvv, ordering }) => {
    const sim = await startTestSim();
    const paid = await pay(sim, sim.sandbox, 'ANY1', number, ordering);
    expect(paid.card.cc_cvv).toHaveLength(cvv);
    expect(paid.enrolled.action).toBe('MAKE_PAYMENT');
    await expectFinal(sim, sim.sandbox, 'ANY1', paid, { status: 'COMPLETED', message: 'Successful transaction', brand });
  });
});

describe('what needs a card first', () => {
  it('{type: CARDS} alone with no card given before: 400 CARD_REQUIRED, nothing changed', async () => {
    const sim = await startTestSim();
    const intent = await createIntent(sim, sim.sandbox, { key: 'NC1' });
    const before = storeSnapshot(sim);
    for (const res of [
      await processCard(sim, intent.reference),
      await processCard(sim, intent.reference, undefined, true),
      await processCard(sim, intent.reference, {}),
    ]) {
      const err = dataOf(res, 400);
      expect(err).toMatchObject({ code: 'CARD_REQUIRED', errors: [{ field: 'body.payment', rule: 'required' }] });
      expect(err.message).toMatch(/^body\.payment: must carry the card .*cspaToken or enroll/);
    }
    expect(storeSnapshot(sim)).toEqual(before);
  });

  it('enroll with device information only and no cspaToken before: 400 CARD_REQUIRED, nothing changed', async () => {
    const sim = await startTestSim();
    const intent = await createIntent(sim, sim.sandbox, { key: 'NC2' });
    const before = storeSnapshot(sim);
    const err = dataOf(await enroll(sim, intent.reference), 400);
    expect(err).toMatchObject({ code: 'CARD_REQUIRED', errors: [{ field: 'body.payment', rule: 'required' }] });
    expect(err.message).toContain('cspaToken');
    expect(storeSnapshot(sim)).toEqual(before);
  });

  it('after cspaToken, enroll with device information only and {type: CARDS} alone pay with that card', async () => {
    const sim = await startTestSim();
    const intent = await createIntent(sim, sim.sandbox, { key: 'NC3', amount: 1500 });
    const c = card(sim, OTHER_VISA);
    dataOf(await cspaToken(sim, intent.reference, c));
    expect(dataOf(await enroll(sim, intent.reference)).action).toBe('MAKE_PAYMENT');
    expect(dataOf(await processCard(sim, intent.reference))).toMatchObject({ status: 'COMPLETED', message: 'Successful transaction' });
    expect(dataOf(await status(sim, sim.sandbox, 'NC3')).payment).toEqual({ provider: 'CARDS', details: masked(c, 'visa') });
  });

  it('enroll FAILED, then process (with the card or alone) answers FAILED', async () => {
    const { message } = catalogueCards.find((e) => e.outcome === 'authentication_failed')!;
    const sim = await startTestSim();
    for (const [key, withCard] of [
      ['EF1', true],
      ['EF2', false],
    ] as const) {
      const intent = await createIntent(sim, sim.sandbox, { key });
      const c = card(sim, cardFor('authentication_failed'));
      dataOf(await cspaToken(sim, intent.reference, c));
      expect(dataOf(await enroll(sim, intent.reference, c))).toEqual({ action: 'FAILED', message });
      expect(dataOf(await processCard(sim, intent.reference, withCard ? c : undefined, true))).toMatchObject({ status: 'FAILED', message });
      expect(dataOf(await status(sim, sim.sandbox, key)).status).toBe('FAILED');
    }
  });
});

describe('after a card payment', () => {
  it('another card completes the same intent after a failed card attempt', async () => {
    const sim = await startTestSim();
    const first = await pay(sim, sim.sandbox, 'RT1', cardFor('declined'), 'waitForStepUp');
    expect(first.answer.status).toBe('FAILED');
    const c = card(sim, cardFor('success'));
    dataOf(await cspaToken(sim, first.reference, c));
    expect(dataOf(await enroll(sim, first.reference, c)).action).toBe('MAKE_PAYMENT');
    expect(dataOf(await processCard(sim, first.reference, c, true))).toMatchObject({ status: 'COMPLETED', message: 'Successful transaction' });
    await sim.advance(0);
    const seen = dataOf(await status(sim, sim.sandbox, 'RT1'));
    expect(seen.status).toBe('COMPLETED');
    expect(seen.payment.details).toEqual(masked(c, 'visa'));
    expect(seen.attempts.map((a: { status: string }) => a.status)).toEqual(['FAILED', 'COMPLETED']);
    expect(callbacksOf(sim, first.reference).map((b) => b.status)).toEqual(['FAILED', 'COMPLETED']);
  });

  it('the same card cannot pay a paid intent again', async () => {
    const sim = await startTestSim();
    const paid = await pay(sim, sim.sandbox, 'PD1', cardFor('success'), 'waitForStepUp');
    const before = storeSnapshot(sim);
    expect(dataOf(await cspaToken(sim, paid.reference, paid.card), 409).code).toBe('INTENT_COMPLETED');
    expect(dataOf(await enroll(sim, paid.reference, paid.card), 409).code).toBe('INTENT_COMPLETED');
    expect(dataOf(await processCard(sim, paid.reference, paid.card), 409).code).toBe('INTENT_COMPLETED');
    expect(storeSnapshot(sim)).toEqual(before);
  });

  it('can be refunded, in part and then the rest', async () => {
    const sim = await startTestSim();
    await pay(sim, sim.sandbox, 'RF1', cardFor('challenge_success'), 'default');
    expect(dataOf(await refund(sim, sim.sandbox, 'RF1', { amount: 500, reason: 'one item returned' }))).toMatchObject({ status: 'COMPLETED' });
    expect(dataOf(await refund(sim, sim.sandbox, 'RF1', { amount: 1000 }))).toMatchObject({ status: 'COMPLETED' });
    expect(dataOf(await refund(sim, sim.sandbox, 'RF1', { amount: 1 }), 409).code).toBe('REFUND_EXCEEDS_BALANCE');
    const seen = dataOf(await status(sim, sim.sandbox, 'RF1'));
    expect(seen.refunds).toEqual([
      expect.objectContaining({ amount: 500, status: 'COMPLETED', reason: 'one item returned' }),
      expect.objectContaining({ amount: 1000, status: 'COMPLETED' }),
    ]);
  });
});
