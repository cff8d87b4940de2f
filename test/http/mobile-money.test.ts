// Mobile money, driven by the catalogue of test numbers: every entry's outcome as the shopper, the
// merchant's callback and status see it; the long-poll window; rounding; retries and the states that
// refuse a new attempt; expiry; and a seeded run that repeats exactly.
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../simulator/src/domain/catalogue.js';
import { createIntent, processMobile, startTestSim, status, storeSnapshot, untilPendingAttempt, type TestSim } from '../helpers/sim.js';

const PIN_MS = 3000;
const LONG_POLL_MS = 30_000;
const entries = catalogue()
  .filter((e) => e.trigger.kind === 'mobile')
  .map((e) => ({ ...e, provider: e.trigger.provider!, mobile: e.trigger.mobile! }));

/** The callbacks sent for one intent, oldest first. */
const callbacksOf = (sim: TestSim, reference: string) =>
  sim.sent.filter((s) => (s.body as { reference?: string }).reference === reference).map((s) => s.body as Record<string, unknown>);

/**
 * Starts a long-polled process and waits until the request has reached its PENDING attempt. The held
 * answer comes back wrapped: awaiting a bare promise here would wait for the answer itself.
 */
async function longPolled(sim: TestSim, reference: string, provider: string, mobile: string) {
  const answer = processMobile(sim, reference, provider, mobile, true);
  await untilPendingAttempt(sim, reference);
  return { answer };
}

describe('the catalogue of test numbers', () => {
  it('is what GET /_sim/scenarios serves, one entry per provider and outcome', async () => {
    const sim = await startTestSim();
    const served = (await sim.inject({ method: 'GET', url: '/_sim/scenarios' })).json().scenarios;
    expect(served).toEqual(catalogue());
    expect(new Set(entries.map((e) => `${e.provider}:${e.mobile}`)).size).toBe(entries.length);
    expect(new Set(entries.map((e) => e.provider))).toEqual(new Set(['MPESA', 'AIRTEL', 'MTN', 'TIGOPESA']));
  });

  it.each(entries)('$provider $mobile ($outcome) ends $status', async (e) => {
    const sim = await startTestSim();
    const intent = await createIntent(sim, sim.sandbox, { key: 'CAT1', amount: 250 });
    const { answer } = await longPolled(sim, intent.reference, e.provider, e.mobile);
    const slow = e.outcome === 'slow_success';

    await sim.advance(slow ? LONG_POLL_MS : PIN_MS);
    const held = (await answer).json().data;
    if (slow) {
      // The long-poll window closed first: the answer is PENDING and the payment goes on.
      expect(held).toMatchObject({ status: 'PENDING', meta: { providerReference: '' } });
      expect(held.meta.mpesaResponse).toBeUndefined();
      expect(callbacksOf(sim, intent.reference)).toEqual([]);
      await sim.advance(PIN_MS + 1000);
    } else {
      expect(held).toMatchObject({ status: e.status, message: e.message, meta: { provider: e.provider, amount: 250, reference: intent.reference } });
      if (e.provider === 'MPESA') {
        expect(held.meta.mpesaResponse).toEqual({
          MobileNumber: e.mobile,
          TrxID: e.status === 'COMPLETED' ? expect.stringMatching(/^[A-Z0-9]{10}$/) : '',
          ResultCode: e.resultCode,
          ResultDesc: e.message,
        });
        expect(held.meta.providerReference).toBe(held.meta.mpesaResponse.TrxID);
      } else {
        expect(held.meta.mpesaResponse).toBeUndefined();
      }
    }

    const final = (await status(sim, sim.sandbox, 'CAT1')).json().data;
    expect(final.status).toBe(e.status);
    expect(final.attempts).toEqual([expect.objectContaining({ provider: e.provider, status: e.status, message: e.message })]);
    expect(final.attempts[0].providerReference).toMatch(e.status === 'COMPLETED' ? /^[A-Z0-9]{10}$/ : /^$/);
    expect(callbacksOf(sim, intent.reference)).toEqual([expect.objectContaining({ status: e.status, provider: e.provider, amount: 250, key: 'CAT1' })]);
  });
});

describe('the long-poll window', () => {
  it.each(['MPESA', 'AIRTEL', 'MTN', 'TIGOPESA'])('%s slow_success: PENDING when the window closes, COMPLETED later', async (provider) => {
    const sim = await startTestSim();
    const mobile = entries.find((e) => e.provider === provider && e.outcome === 'slow_success')!.mobile;
    const intent = await createIntent(sim, sim.sandbox, { key: 'SLOW1' });
    let settled = false;
    const { answer } = await longPolled(sim, intent.reference, provider, mobile);
    const held = processHeld(answer, () => (settled = true));

    await sim.advance(LONG_POLL_MS - 1);
    expect(settled).toBe(false);
    await sim.advance(1);
    expect(settled).toBe(true);
    expect((await held).json().data.status).toBe('PENDING');
    expect((await status(sim, sim.sandbox, 'SLOW1')).json().data.status).toBe('PENDING');

    await sim.advance(PIN_MS + 1000 - 1);
    expect((await status(sim, sim.sandbox, 'SLOW1')).json().data.status).toBe('PENDING');
    await sim.advance(1);
    expect((await status(sim, sim.sandbox, 'SLOW1')).json().data.status).toBe('COMPLETED');
    expect(callbacksOf(sim, intent.reference)).toEqual([expect.objectContaining({ status: 'COMPLETED' })]);
  });

  it.each([
    ['MPESA', '254712345678'],
    ['MPESA', '254700000002'], // the catalogue's prefix with a suffix it does not list
    ['MPESA', '254733000001'], // AIRTEL's insufficient-funds number is nothing special for MPESA
    ['AIRTEL', '254733123456'],
    ['AIRTEL', '256752000001'],
    ['MTN', '233241234567'],
    ['TIGOPESA', '255712345678'],
  ])('any other valid number succeeds: %s %s', async (provider, mobile) => {
    const sim = await startTestSim();
    const intent = await createIntent(sim, sim.sandbox, { key: 'ANY1' });
    const { answer } = await longPolled(sim, intent.reference, provider, mobile);
    await sim.advance(PIN_MS);
    expect((await answer).json().data.status).toBe('COMPLETED');
    expect(callbacksOf(sim, intent.reference)).toEqual([expect.objectContaining({ status: 'COMPLETED', provider })]);
  });
});

/** Marks when a held answer settles, without awaiting it. */
function processHeld<T>(answer: Promise<T>, onSettled: () => void): Promise<T> {
  void answer.then(onSettled, onSettled);
  return answer;
}

describe('amounts per provider', () => {
  it.each([
    ['MPESA', 150.4, 150],
    ['MPESA', 150.5, 151],
    ['MPESA', 0.5, 1],
    ['AIRTEL', 150.4, 150],
    ['MTN', 0.6, 1],
    ['TIGOPESA', 99.99, 100],
  ])('%s charges %d as %d (mobile money rounds to whole units, as MPESA is documented to; decision 0073)', async (provider, amount, charged) => {
    const sim = await startTestSim();
    const intent = await createIntent(sim, sim.sandbox, { key: 'AMT1', amount });
    const pending = (await processMobile(sim, intent.reference, provider, '254712345678')).json().data;
    expect(pending.meta.amount).toBe(charged);
    await sim.advance(PIN_MS);
    expect(callbacksOf(sim, intent.reference)).toEqual([expect.objectContaining({ status: 'COMPLETED', amount: charged })]);
    // The intent keeps the amount it was created with.
    expect((await status(sim, sim.sandbox, 'AMT1')).json().data.amount).toBe(amount);
  });

  it.each([0.4, 0.49])('mobile money refuses %d, which rounds to 0: 400 AMOUNT_TOO_SMALL, nothing changed', async (amount) => {
    const sim = await startTestSim();
    const intent = await createIntent(sim, sim.sandbox, { key: 'AMT1', amount });
    const before = storeSnapshot(sim);
    const res = await processMobile(sim, intent.reference, 'MPESA', '254712345678');
    expect(res.statusCode).toBe(400);
    expect(res.json().data.code).toBe('AMOUNT_TOO_SMALL');
    expect(res.json().data.message).toContain('amount');
    expect(storeSnapshot(sim)).toEqual(before);
    expect((await processMobile(sim, intent.reference, 'AIRTEL', '254733123456')).json().data.code).toBe('AMOUNT_TOO_SMALL');
    expect(storeSnapshot(sim)).toEqual(before);
  });
});

describe('attempts on one intent', () => {
  it.each(['insufficient_funds', 'cancelled_by_user', 'wrong_pin'])(
    'after a FAILED attempt (%s) the same intent can be paid; attempts are listed in order',
    async (outcome) => {
      const sim = await startTestSim();
      const failing = entries.find((e) => e.provider === 'MPESA' && e.outcome === outcome)!;
      const intent = await createIntent(sim, sim.sandbox, { key: 'RETRY1' });
      await processMobile(sim, intent.reference, 'MPESA', failing.mobile);
      await sim.advance(PIN_MS);
      expect((await status(sim, sim.sandbox, 'RETRY1')).json().data.status).toBe('FAILED');

      const retry = await processMobile(sim, intent.reference, 'AIRTEL', '254733123456');
      expect(retry.statusCode).toBe(200);
      expect((await status(sim, sim.sandbox, 'RETRY1')).json().data.status).toBe('PENDING');
      await sim.advance(PIN_MS);

      const final = (await status(sim, sim.sandbox, 'RETRY1')).json().data;
      expect(final.status).toBe('COMPLETED');
      expect(final.payment.provider).toBe('AIRTEL');
      expect(final.attempts).toEqual([
        expect.objectContaining({ provider: 'MPESA', status: 'FAILED', message: failing.message, providerReference: '' }),
        expect.objectContaining({ provider: 'AIRTEL', status: 'COMPLETED' }),
      ]);
      expect(callbacksOf(sim, intent.reference).map((c) => c.status)).toEqual(['FAILED', 'COMPLETED']);
    },
  );

  it.each([
    ['an attempt is PENDING', 'PAYMENT_IN_PROGRESS', async (sim: TestSim, ref: string) => void (await processMobile(sim, ref, 'MPESA', '254712345678'))],
    [
      'the intent is COMPLETED',
      'INTENT_COMPLETED',
      async (sim: TestSim, ref: string) => {
        await processMobile(sim, ref, 'MPESA', '254712345678');
        await sim.advance(PIN_MS);
      },
    ],
  ])('while %s a new process answers 409 %s and changes nothing', async (_state, code, arrange) => {
    const sim = await startTestSim();
    const intent = await createIntent(sim, sim.sandbox, { key: 'STATE1' });
    await arrange(sim, intent.reference);
    const before = storeSnapshot(sim);
    const sentBefore = sim.sent.length;
    const res = await processMobile(sim, intent.reference, 'AIRTEL', '254733123456');
    expect(res.statusCode).toBe(409);
    expect(res.json().data.code).toBe(code);
    expect(res.json().data.message).toContain(intent.reference);
    expect(storeSnapshot(sim)).toEqual(before);
    expect(sim.sent).toHaveLength(sentBefore);
  });

  it('an intent created with expiresAt: 1 is refused after 61 s (409 INTENT_EXPIRED) and reports FAILED, expired', async () => {
    const sim = await startTestSim();
    const intent = await createIntent(sim, sim.sandbox, { key: 'EXP1', expiresAt: 1 });
    await sim.advance(59_000);
    expect((await status(sim, sim.sandbox, 'EXP1')).json().data).toMatchObject({ status: 'PENDING', expired: false });
    await sim.advance(2_000);

    const before = storeSnapshot(sim);
    const res = await processMobile(sim, intent.reference, 'MPESA', '254712345678');
    expect(res.statusCode).toBe(409);
    expect(res.json().data.code).toBe('INTENT_EXPIRED');
    expect(storeSnapshot(sim)).toEqual(before);
    expect((await status(sim, sim.sandbox, 'EXP1')).json().data).toMatchObject({ status: 'FAILED', expired: true, attempts: [] });
  });
});

describe('determinism', () => {
  /** One journey; everything a user sees that is generated: references, ids, receipts and dates. */
  async function journey(seed: string) {
    const sim = await startTestSim({ seed });
    const intent = await createIntent(sim, sim.sandbox, { key: 'DET1', amount: 700 });
    const { answer } = await longPolled(sim, intent.reference, 'MPESA', '254712345678');
    await sim.advance(PIN_MS);
    const processed = (await answer).json();
    const second = await createIntent(sim, sim.sandbox, { key: 'DET2' });
    const statusAnswer = (await status(sim, sim.sandbox, 'DET1')).json();
    const out = {
      merchants: sim.merchants,
      references: [intent.reference, second.reference],
      trxId: processed.data.meta.mpesaResponse.TrxID as string,
      processed,
      status: statusAnswer,
      callbacks: sim.sent.map((s) => ({ body: s.body, timestamp: s.headers['x-littlepay-timestamp'] })),
    };
    await sim.close();
    return out;
  }

  it('two fresh sims with the same seed give the same references, TrxIDs and dates; another seed does not', async () => {
    const a = await journey('seed-one');
    const b = await journey('seed-one');
    expect(b).toEqual(a);
    expect(a.trxId).toMatch(/^[A-Z0-9]{10}$/);

    const c = await journey('seed-two');
    expect(c.references[0]).not.toBe(a.references[0]);
    expect(c.trxId).not.toBe(a.trxId);
    expect(c.merchants[0]!.clientId).not.toBe(a.merchants[0]!.clientId);
  });
});
