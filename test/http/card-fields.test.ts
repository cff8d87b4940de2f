// Every bad card field at every step that takes a card (cspaToken, enroll, process): a 400 that names the
// field and the rule, whose message never repeats the card number or the CVV, and after which nothing at
// all has changed, on a fresh intent and on one whose 3-D Secure has already started with a good card.
import { describe, expect, it } from 'vitest';
import { card, cardFor, cspaToken, CVV3, CVV4, dataOf, enroll, OTHER_AMEX, processCard, type Card } from '../helpers/cards.js';
import { createIntent, sharedTestSim, storeSnapshot, type TestSim } from '../helpers/sim.js';

type Step = 'cspaToken' | 'enroll' | 'process';
const STEPS: Step[] = ['cspaToken', 'enroll', 'process'];

function send(sim: TestSim, step: Step, reference: string, payment: Record<string, unknown>) {
  if (step === 'cspaToken') return cspaToken(sim, reference, payment);
  if (step === 'enroll') return enroll(sim, reference, payment);
  return processCard(sim, reference, payment);
}

/** A fresh intent, and one whose 3-D Secure started with a good card (cspaToken done). */
async function world(sim: TestSim) {
  const fresh = (await createIntent(sim, sim.sandbox, { key: 'FRESH1' })).reference;
  const started = (await createIntent(sim, sim.sandbox, { key: 'STARTED1' })).reference;
  dataOf(await cspaToken(sim, started, card(sim, cardFor('challenge_success'))));
  return { sim, intents: { fresh, started } };
}

const visa = (sim: TestSim, over: Partial<Card> = {}) => card(sim, cardFor('success'), over);
const amex = (sim: TestSim, over: Partial<Card> = {}) => card(sim, OTHER_AMEX, over);
const without = (c: Card, ...keys: Array<keyof Card>) => Object.fromEntries(Object.entries(c).filter(([k]) => !keys.includes(k as keyof Card)));
const LUHN_BAD = '4000000000002702'; // the success card with its check digit changed

interface Row {
  name: string;
  payment: (sim: TestSim) => Record<string, unknown>;
  code: string;
  /** The fields data.errors names, each with its rule. */
  errors: Array<[field: string, rule: string]>;
  /** Steps whose schema takes this input otherwise (the row does not apply to them). */
  only?: Step[];
}

const rows: Row[] = [
  { name: 'a number that fails the Luhn check', payment: (sim) => visa(sim, { cc_number: LUHN_BAD }), code: 'INVALID_CARD', errors: [['cc_number', 'luhn']] },
  {
    name: 'a number with spaces',
    payment: (sim) => visa(sim, { cc_number: '4000 0000 0000 2701' }),
    code: 'VALIDATION_ERROR',
    errors: [['cc_number', 'pattern']],
  },
  { name: 'a number too short', payment: (sim) => visa(sim, { cc_number: '42424242424' }), code: 'VALIDATION_ERROR', errors: [['cc_number', 'pattern']] },
  { name: 'an expiry in the past (MM/YY)', payment: (sim) => visa(sim, { cc_exp: '12/25' }), code: 'INVALID_CARD', errors: [['cc_exp', 'notExpired']] },
  { name: 'an expiry in the past (MM/YYYY)', payment: (sim) => visa(sim, { cc_exp: '06/2024' }), code: 'INVALID_CARD', errors: [['cc_exp', 'notExpired']] },
  { name: 'a month 13', payment: (sim) => visa(sim, { cc_exp: '13/28' }), code: 'VALIDATION_ERROR', errors: [['cc_exp', 'pattern']] },
  { name: 'a one-digit month', payment: (sim) => visa(sim, { cc_exp: '1/28' }), code: 'VALIDATION_ERROR', errors: [['cc_exp', 'pattern']] },
  { name: 'an expiry with a dash', payment: (sim) => visa(sim, { cc_exp: '12-28' }), code: 'VALIDATION_ERROR', errors: [['cc_exp', 'pattern']] },
  { name: 'an expiry with no separator', payment: (sim) => visa(sim, { cc_exp: '1228' }), code: 'VALIDATION_ERROR', errors: [['cc_exp', 'pattern']] },
  { name: 'a 4-digit CVV for a Visa', payment: (sim) => visa(sim, { cc_cvv: CVV4 }), code: 'INVALID_CARD', errors: [['cc_cvv', 'cvvLength']] },
  { name: 'a 3-digit CVV for an Amex', payment: (sim) => amex(sim, { cc_cvv: CVV3 }), code: 'INVALID_CARD', errors: [['cc_cvv', 'cvvLength']] },
  { name: 'a 2-digit CVV', payment: (sim) => visa(sim, { cc_cvv: '73' }), code: 'VALIDATION_ERROR', errors: [['cc_cvv', 'pattern']] },
  { name: 'a CVV with a letter', payment: (sim) => visa(sim, { cc_cvv: '7a7' }), code: 'VALIDATION_ERROR', errors: [['cc_cvv', 'pattern']] },
  { name: 'a 5-digit CVV', payment: (sim) => visa(sim, { cc_cvv: '73737' }), code: 'VALIDATION_ERROR', errors: [['cc_cvv', 'pattern']] },
  { name: 'a CVV as a number', payment: (sim) => ({ ...visa(sim), cc_cvv: 737 }), code: 'VALIDATION_ERROR', errors: [['cc_cvv', 'type']] },
  { name: 'a blank name', payment: (sim) => visa(sim, { cc_name: '   ' }), code: 'INVALID_CARD', errors: [['cc_name', 'notBlank']] },
  { name: 'an empty name', payment: (sim) => visa(sim, { cc_name: '' }), code: 'VALIDATION_ERROR', errors: [['cc_name', 'minLength']] },
  {
    name: 'every rule broken at once',
    payment: (sim) => visa(sim, { cc_number: LUHN_BAD, cc_exp: '01/20', cc_cvv: CVV4, cc_name: ' ' }),
    code: 'INVALID_CARD',
    errors: [
      ['cc_number', 'luhn'],
      ['cc_exp', 'notExpired'],
      ['cc_cvv', 'cvvLength'],
      ['cc_name', 'notBlank'],
    ],
  },
  {
    name: 'no expiry and no name',
    payment: (sim) => without(visa(sim), 'cc_exp', 'cc_name'),
    code: 'VALIDATION_ERROR',
    errors: [
      ['cc_exp', 'required'],
      ['cc_name', 'required'],
    ],
  },
  {
    name: 'the number only',
    payment: (sim) => without(visa(sim), 'cc_cvv', 'cc_exp', 'cc_name'),
    code: 'VALIDATION_ERROR',
    errors: [
      ['cc_cvv', 'required'],
      ['cc_exp', 'required'],
      ['cc_name', 'required'],
    ],
  },
  { name: 'no number', payment: (sim) => without(visa(sim), 'cc_number'), code: 'VALIDATION_ERROR', errors: [['cc_number', 'required']] },
  {
    name: 'an unknown card field',
    payment: (sim) => ({ ...visa(sim), cc_pin: '1234' }),
    code: 'VALIDATION_ERROR',
    errors: [['cc_pin', 'additionalProperties']],
  },
  {
    name: 'a saved-card token with the card fields',
    payment: (sim) => ({ ...visa(sim), customer: { id: '1FCA46377B709D13E0631E588D0AC763' } }),
    code: 'TOKEN_WITH_CARD_DETAILS',
    errors: [['', 'oneOf']],
    only: ['process'],
  },
  {
    name: 'a saved-card token with the card fields',
    payment: (sim) => ({ ...visa(sim), customer: { id: '1FCA46377B709D13E0631E588D0AC763' } }),
    code: 'VALIDATION_ERROR',
    errors: [['customer', 'additionalProperties']],
    only: ['cspaToken', 'enroll'],
  },
];

const table = rows.flatMap((r) =>
  STEPS.filter((step) => !r.only || r.only.includes(step)).flatMap((step) => (['fresh', 'started'] as const).map((intent) => ({ ...r, step, intent }))),
);

describe('every bad card field at every step', () => {
  const w = sharedTestSim(world);

  it.each(table)('$step on a $intent intent: $name → 400 $code', async (row) => {
    const { sim, intents } = w();
    const payment = row.payment(sim);
    const before = storeSnapshot(sim);
    const res = await send(sim, row.step, intents[row.intent], payment);
    const err = dataOf(res, 400);
    expect(err.code).toBe(row.code);
    const fields = row.errors.map(([field, rule]) => ({ field: field ? `body.payment.${field}` : 'body.payment', rule }));
    expect(err.errors.map((e: { field: string; rule: string }) => ({ field: e.field, rule: e.rule }))).toEqual(fields);
    expect(err.message).toContain(fields[0]!.field);
    // The reply never repeats the number or the CVV it was given.
    for (const secret of [payment.cc_number, payment.cc_cvv]) if (typeof secret === 'string' && secret.length > 0) expect(res.body).not.toContain(secret);
    expect(storeSnapshot(sim)).toEqual(before);
  });
});

describe('the edges of the rules', () => {
  const w = sharedTestSim(world);

  it.each(STEPS)('%s: a card is valid through the last day of its expiry month (both MM/YY and MM/YYYY)', async (step) => {
    const { sim } = w();
    const month = new Date(sim.clock.now());
    const mm = String(month.getUTCMonth() + 1).padStart(2, '0');
    for (const exp of [`${mm}/${String(month.getUTCFullYear()).slice(-2)}`, `${mm}/${month.getUTCFullYear()}`]) {
      const intent = await createIntent(sim, sim.sandbox, { key: `EDGE_${step}_${exp.length}` });
      expect((await send(sim, step, intent.reference, visa(sim, { cc_exp: exp }))).statusCode).toBe(200);
    }
  });

  it.each(STEPS)('%s: an Amex takes a 4-digit CVV', async (step) => {
    const { sim } = w();
    const intent = await createIntent(sim, sim.sandbox, { key: `AMEX_${step}` });
    expect((await send(sim, step, intent.reference, amex(sim))).statusCode).toBe(200);
  });
});
