// Outcomes on demand: a queue of outcomes per merchant, by provider or for any, taken by each new attempt
// before the test number, and the precedence rule itself as a table.
import { describe, expect, it } from 'vitest';
import type { CatalogueEntry } from '../../simulator/src/domain/catalogue.js';
import { checkQueueable, chooseOutcome, indexCatalogue, queueableOutcomes, triggeredOutcome } from '../../simulator/src/domain/outcomes.js';
import { advanceClock, intents, newMerchant, queueOutcomes } from '../helpers/control.js';
import { createIntent, processMobile, startTestSim, status, storeSnapshot, untilPendingAttempt, type TestSim } from '../helpers/sim.js';

const ORDINARY = '254712345678';

/** Pays the intent once (no long poll), moves the merchant's clock past the PIN delay, returns the attempt's status. */
async function attempt(sim: TestSim, m: { id: string; apiKey: string }, reference: string, provider = 'MPESA', mobile = ORDINARY) {
  const started = await processMobile(sim, reference, provider, mobile);
  expect(started.statusCode).toBe(200);
  expect(started.json().data.status).toBe('PENDING');
  await advanceClock(sim, m, '3s');
  const attempts = (await status(sim, m as never, reference)).json().data.attempts as Array<{ status: string; message: string }>;
  return attempts.at(-1)!;
}

describe('queued outcomes', () => {
  it('fail, fail, succeed: three attempts from an ordinary number take the queue in order', async () => {
    const sim = await startTestSim();
    const m = sim.sandbox;
    const queued = await queueOutcomes(sim, m, { outcomes: ['insufficient_funds', 'insufficient_funds', 'success'] });
    expect(queued.statusCode).toBe(200);
    expect(queued.json()).toEqual({ merchantId: m.id, queues: { any: ['insufficient_funds', 'insufficient_funds', 'success'] } });
    const { reference } = await createIntent(sim, m);

    expect(await attempt(sim, m, reference)).toMatchObject({ status: 'FAILED', message: 'The balance is insufficient for the transaction.' });
    expect(await attempt(sim, m, reference)).toMatchObject({ status: 'FAILED', message: 'The balance is insufficient for the transaction.' });
    expect(await attempt(sim, m, reference)).toMatchObject({ status: 'COMPLETED' });

    expect((await status(sim, m, reference)).json().data.status).toBe('COMPLETED');
    expect(sim.sent.map((s) => (s.body as { status: string }).status)).toEqual(['FAILED', 'FAILED', 'COMPLETED']);
    expect((await intents(sim, m))[0]!.attempts.map((a) => [a.outcome, a.outcomeSource])).toEqual([
      ['insufficient_funds', 'override'],
      ['insufficient_funds', 'override'],
      ['success', 'override'],
    ]);
    // The queue is used up: the next merchant call sees an empty one.
    expect((await sim.inject({ method: 'GET', url: `/_sim/merchants/${m.id}/outcomes` })).json()).toEqual({ merchantId: m.id, queues: {} });
  });

  it("takes the provider's queue, then any, then the test number, then success", async () => {
    const sim = await startTestSim();
    const m = sim.sandbox;
    await queueOutcomes(sim, m, { provider: 'any', outcomes: ['insufficient_funds'] });
    await queueOutcomes(sim, m, { provider: 'MPESA', outcomes: ['cancelled_by_user'] });
    const { reference } = await createIntent(sim, m);

    expect((await attempt(sim, m, reference, 'MPESA')).message).toBe('Request cancelled by user.'); // MPESA's own queue
    expect((await attempt(sim, m, reference, 'AIRTEL')).message).toBe('The balance is insufficient for the transaction.'); // any
    expect((await attempt(sim, m, reference, 'MPESA', '254700000020')).message).toBe('The initiator information is invalid.'); // test number
    expect((await attempt(sim, m, reference, 'MPESA')).status).toBe('COMPLETED'); // nothing left: success
    expect((await intents(sim, m))[0]!.attempts.map((a) => a.outcomeSource)).toEqual(['override', 'override', 'trigger', 'default']);
  });

  it('lets an override beat a test number, so a test forces an outcome without changing the request', async () => {
    const sim = await startTestSim();
    await queueOutcomes(sim, sim.sandbox, { provider: 'MPESA', outcomes: ['success'] });
    const { reference } = await createIntent(sim, sim.sandbox);
    expect(await attempt(sim, sim.sandbox, reference, 'MPESA', '254700000001')).toMatchObject({ status: 'COMPLETED' });
  });

  it('queues slow_success: a long-polled answer is PENDING when its window closes, and the payment completes later', async () => {
    const sim = await startTestSim();
    await queueOutcomes(sim, sim.sandbox, { provider: 'MPESA', outcomes: ['slow_success'] });
    const { reference } = await createIntent(sim, sim.sandbox);
    const held = processMobile(sim, reference, 'MPESA', ORDINARY, true);
    await untilPendingAttempt(sim, reference);
    await advanceClock(sim, sim.sandbox, '30s');
    expect((await held).json().data.status).toBe('PENDING');
    await advanceClock(sim, sim.sandbox, '4s');
    expect((await status(sim, sim.sandbox, reference)).json().data.status).toBe('COMPLETED');
  });

  it("is the merchant's own: another merchant's attempts ignore it", async () => {
    const sim = await startTestSim();
    await queueOutcomes(sim, sim.sandbox, { outcomes: ['insufficient_funds'] });
    const theirs = await createIntent(sim, sim.sandbox2, { key: 'OTHER1' });
    expect(await attempt(sim, sim.sandbox2, theirs.reference)).toMatchObject({ status: 'COMPLETED' });
    expect((await sim.inject({ method: 'GET', url: `/_sim/merchants/${sim.sandbox.id}/outcomes` })).json().queues).toEqual({ any: ['insufficient_funds'] });
  });

  it('appends to a queue, and DELETE empties every queue', async () => {
    const sim = await startTestSim();
    const m = await newMerchant(sim);
    await queueOutcomes(sim, m, { outcomes: ['insufficient_funds'] });
    await queueOutcomes(sim, m, { outcomes: ['success'] });
    const both = await queueOutcomes(sim, m, { provider: 'TIGOPESA', outcomes: ['no_pin_entered'] });
    expect(both.json().queues).toEqual({ any: ['insufficient_funds', 'success'], TIGOPESA: ['no_pin_entered'] });
    const cleared = await sim.inject({ method: 'DELETE', url: `/_sim/merchants/${m.id}/outcomes` });
    expect(cleared.json()).toEqual({ merchantId: m.id, queues: {} });
  });

  it.each([
    [{ outcomes: ['success', 'not_an_outcome'] }, 400, 'UNKNOWN_OUTCOME', 'body.outcomes.1'],
    [{ provider: 'VODAFONE', outcomes: ['success'] }, 400, 'VALIDATION_ERROR', 'body.provider'],
    [{ outcomes: [] }, 400, 'VALIDATION_ERROR', 'body.outcomes'],
    [{ outcomes: ['Success!'] }, 400, 'VALIDATION_ERROR', 'body.outcomes.0'],
    [{ outcomes: ['success'], extra: 1 }, 400, 'VALIDATION_ERROR', 'body.extra'],
  ])('refuses %j with %i %s naming %s, and changes nothing', async (body, code, errorCode, field) => {
    const sim = await startTestSim();
    const before = storeSnapshot(sim);
    const res = await queueOutcomes(sim, sim.sandbox, body);
    expect(res.statusCode).toBe(code);
    expect(res.json().data).toMatchObject({ code: errorCode, errors: [expect.objectContaining({ field })] });
    expect(res.json().data.message).toContain(field);
    expect(storeSnapshot(sim)).toEqual(before);
  });

  it('answers 404 MERCHANT_NOT_FOUND for a merchant that does not exist', async () => {
    const sim = await startTestSim();
    const res = await queueOutcomes(sim, { id: 'mer_000000000000' }, { outcomes: ['success'] });
    expect(res.statusCode).toBe(404);
    expect(res.json().data.code).toBe('MERCHANT_NOT_FOUND');
  });

  it('accepts CARDS once the catalogue has card outcomes, and says so until then', async () => {
    const sim = await startTestSim();
    const cards = queueableOutcomes('CARDS');
    const res = await queueOutcomes(sim, sim.sandbox, { provider: 'CARDS', outcomes: [cards[0] ?? 'success'] });
    if (cards.length === 0) {
      expect(res.statusCode).toBe(400);
      expect(res.json().data).toMatchObject({ code: 'UNKNOWN_OUTCOME', errors: [{ field: 'body.provider' }] });
    } else {
      expect(res.json().queues).toEqual({ CARDS: [cards[0]] });
    }
  });
});

describe('the precedence rule (chooseOutcome)', () => {
  it.each([
    [
      'provider queue first',
      { MPESA: ['wrong_pin'], any: ['success'] },
      'insufficient_funds',
      { outcome: 'wrong_pin', source: 'override', queues: { any: ['success'] } },
    ],
    [
      'then any',
      { AIRTEL: ['wrong_pin'], any: ['no_pin_entered', 'success'] },
      'insufficient_funds',
      { outcome: 'no_pin_entered', source: 'override', queues: { AIRTEL: ['wrong_pin'], any: ['success'] } },
    ],
    [
      'then the trigger',
      { AIRTEL: ['wrong_pin'] },
      'insufficient_funds',
      { outcome: 'insufficient_funds', source: 'trigger', queues: { AIRTEL: ['wrong_pin'] } },
    ],
    ['then success', {}, undefined, { outcome: 'success', source: 'default', queues: {} }],
  ])('%s', (_name, queues, triggered, expected) => {
    expect(chooseOutcome(queues, 'MPESA', triggered)).toEqual(expected);
  });

  it('takes outcome names from the catalogue, whatever providers it has: `any` is what every provider shares', () => {
    const entry = (provider: string | undefined, outcome: string, trigger: Partial<CatalogueEntry['trigger']>): CatalogueEntry => ({
      outcome,
      status: 'FAILED',
      description: '',
      message: '',
      trigger: { kind: provider ? 'mobile' : 'card', ...(provider ? { provider } : {}), ...trigger },
    });
    const index = indexCatalogue([
      entry('MPESA', 'success', { mobile: '1' }),
      entry('MPESA', 'wrong_pin', { mobile: '2' }),
      entry(undefined, 'success', { card: '4000000000002701' }),
      entry(undefined, 'card_declined', { card: '4000000000000002' }),
    ]);
    expect(queueableOutcomes('CARDS', index).sort()).toEqual(['card_declined', 'success']);
    expect(queueableOutcomes('any', index)).toEqual(['success']);
    expect(() => checkQueueable('any', ['wrong_pin'], index)).toThrow(/"wrong_pin" is not an outcome every payment provider has; one of success/);
    expect(() => checkQueueable('CARDS', ['card_declined'], index)).not.toThrow();
  });

  it('keeps refund outcomes to the REFUNDS queue: `any` neither offers nor serves them, and an amount triggers them', () => {
    const index = indexCatalogue([
      { outcome: 'success', status: 'COMPLETED', description: '', message: '', trigger: { kind: 'mobile', provider: 'MPESA', mobile: '1' } },
      { outcome: 'insufficient_funds', status: 'FAILED', description: '', message: '', trigger: { kind: 'mobile', provider: 'MPESA', mobile: '2' } },
      { outcome: 'success', status: 'COMPLETED', description: '', message: '', trigger: { kind: 'refund', how: 'any other amount' } },
      { outcome: 'refund_declined', status: 'FAILED', description: '', message: '', trigger: { kind: 'refund', amount: 901 } },
    ]);
    expect(queueableOutcomes('REFUNDS', index).sort()).toEqual(['refund_declined', 'success']);
    // Refunds have no insufficient_funds, yet `any` still offers it: refunds are not among "every provider".
    expect(queueableOutcomes('any', index).sort()).toEqual(['insufficient_funds', 'success']);
    expect(triggeredOutcome('REFUNDS', '901', index)).toBe('refund_declined');
    expect(triggeredOutcome('REFUNDS', '900', index)).toBeUndefined();
    expect(chooseOutcome({ any: ['insufficient_funds'] }, 'REFUNDS', undefined)).toEqual({
      outcome: 'success',
      source: 'default',
      queues: { any: ['insufficient_funds'] },
    });
    expect(chooseOutcome({ REFUNDS: ['refund_declined'], any: ['success'] }, 'REFUNDS', 'refund_pending')).toEqual({
      outcome: 'refund_declined',
      source: 'override',
      queues: { any: ['success'] },
    });
  });
});
