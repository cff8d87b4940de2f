// The console's buttons with JavaScript off: each is a plain form post that calls the /_sim operation of the
// same name and comes back (303) to the page with a notice. Covers the buttons pages.test.ts does not: answer a
// 3-D Secure challenge, refund in full, expire, freeze and resume the clock, faults, the outcome queue, delete a
// saved card, and the two that cannot be undone (reset, Rotate Key), which need their box ticked.
import { describe, expect, it } from 'vitest';
import { atChallenge } from '../helpers/cards.js';
import { createIntent, processMobile, startTestSim, status, type TestSim } from '../helpers/sim.js';

const form = { 'content-type': 'application/x-www-form-urlencoded' };
const submit = async (sim: TestSim, url: string, payload = '') => {
  const res = await sim.inject({ method: 'POST', url, headers: form, payload });
  expect(res.statusCode, url).toBe(303);
  const location = String(res.headers.location);
  const notice = new URL(location, 'http://x').searchParams;
  return { location, notice: notice.get('notice') ?? '', kind: notice.get('kind') };
};
const page = (sim: TestSim, url: string) => sim.inject({ url }).then((r) => r.body);

describe('the payment page forms', () => {
  it('offers the challenge outcomes for a card waiting at 3-D Secure, and answers it', async () => {
    const sim = await startTestSim();
    const { reference } = await atChallenge(sim, 'CH_FORM');
    const url = `/_sim/console/payments/${reference}`;
    const before = await page(sim, url);
    expect(before).toContain('The shopper has a 3-D Secure challenge open.');
    for (const outcome of ['challenge_passed', 'challenge_rejected', 'challenge_cancelled']) expect(before).toContain(`value="${outcome}"`);
    expect(before).not.toContain('value="wrong_pin"');
    const answered = await submit(sim, `${url}/resolve`, 'outcome=challenge_rejected');
    expect(answered).toMatchObject({ kind: 'ok', location: expect.stringMatching(new RegExp(`^${url}\\?`)) });
    expect(sim.app.sim.ctx.store.get('intents', reference)?.card3ds).toMatchObject({ stage: 'failed', failure: 'challenge_rejected' });
    expect(await page(sim, url)).not.toContain('name="outcome"');
  });

  it('refunds in full, then offers no refund; expires an unpaid intent, then offers no expiry', async () => {
    const sim = await startTestSim();
    const paid = await createIntent(sim, sim.sandbox, { key: 'FULL1', amount: 700 });
    await processMobile(sim, paid.reference, 'MPESA', '254712345678');
    await sim.advance(3000);
    const paidUrl = `/_sim/console/payments/${paid.reference}`;
    expect(await page(sim, paidUrl)).toMatch(/name="amount"[^>]*value="700"/);
    expect((await submit(sim, `${paidUrl}/refund`, 'amount=700&reason=Cancelled+order')).notice).toMatch(/^Refund rf_\w+ of 700\.00 KES is PENDING\.$/);
    expect(await page(sim, paidUrl)).not.toContain(`action="${paidUrl}/refund"`);
    expect((await submit(sim, `${paidUrl}/refund`, 'amount=1')).kind).toBe('error');

    const unpaid = await createIntent(sim, sim.sandbox, { key: 'EXPF' });
    const unpaidUrl = `/_sim/console/payments/${unpaid.reference}`;
    expect(await submit(sim, `${unpaidUrl}/expire`)).toMatchObject({ kind: 'ok', notice: 'The intent expired.' });
    expect((await status(sim, sim.sandbox, 'EXPF')).json().data).toMatchObject({ status: 'FAILED', expired: true });
    const after = await page(sim, unpaidUrl);
    expect(after).toContain('Intent expired');
    expect(after).not.toContain(`action="${unpaidUrl}/expire"`);
  });

  it('says so for an unknown action or payment', async () => {
    const sim = await startTestSim();
    const intent = await createIntent(sim, sim.sandbox, { key: 'UNK' });
    expect(await submit(sim, `/_sim/console/payments/${intent.reference}/explode`)).toMatchObject({ kind: 'error', notice: 'No action "explode".' });
    expect((await submit(sim, '/_sim/console/payments/nope/refund', 'amount=1')).location).toMatch(/^\/_sim\/console\?/);
  });
});

describe('the merchant page forms', () => {
  it('freezes and lets the clock run, adds and clears faults and queued outcomes', async () => {
    const sim = await startTestSim();
    const base = `/_sim/console/merchants/${sim.sandbox.id}`;
    // The test sim's clocks are manual (frozen) whatever is asked; the forms reach the operation either way.
    for (const action of ['resume', 'freeze'])
      expect(await submit(sim, `${base}/clock`, `action=${action}`)).toMatchObject({
        kind: 'ok',
        notice: expect.stringMatching(/^Clock (frozen|running) at /),
      });

    expect((await submit(sim, `${base}/faults`, 'type=error&operation=getPaymentStatus&value=503&count=2')).notice).toBe('Fault error added.');
    expect(await page(sim, base)).toContain('error on getPaymentStatus (HTTP 503), 2 left');
    expect((await status(sim, sim.sandbox, 'ANY')).statusCode).toBe(503);
    await submit(sim, `${base}/faults`, 'type=latency&value=250');
    expect((await sim.inject({ url: `/_sim/merchants/${sim.sandbox.id}/faults` })).json().faults).toHaveLength(2);
    expect((await submit(sim, `${base}/faults-clear`)).notice).toBe('Faults cleared.');
    expect((await sim.inject({ url: `/_sim/merchants/${sim.sandbox.id}/faults` })).json().faults).toEqual([]);

    expect((await submit(sim, `${base}/outcomes`, 'provider=MPESA&outcomes=wrong_pin')).notice).toBe('Queued: wrong_pin.');
    expect(await page(sim, base)).toContain('<li>MPESA: wrong_pin</li>');
    expect((await submit(sim, `${base}/outcomes-clear`)).notice).toBe('Queue cleared.');
    expect(await page(sim, base)).toContain('Nothing queued');
  });

  it('lists saved cards and deletes one', async () => {
    const sim = await startTestSim();
    const token = {
      id: 'B'.repeat(32),
      merchantId: sim.sandbox.id,
      environment: 'sandbox' as const,
      card: { brand: 'visa', first6: '400000', last4: '2701', expiry: '01/40' },
      cardOutcome: 'success',
      reference: 'r',
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    await sim.app.sim.ctx.store.commit([{ collection: 'tokens', value: token }]);
    const base = `/_sim/console/merchants/${sim.sandbox.id}`;
    expect(await page(sim, base)).toContain(`<code>${token.id}</code> visa •••• 2701`);
    expect((await submit(sim, `${base}/tokens-delete`, `token=${token.id}`)).notice).toBe('Saved card deleted.');
    expect(sim.app.sim.ctx.store.get('tokens', token.id)).toBeUndefined();
    expect(await page(sim, base)).toContain('No saved cards.');
  });

  it('resets and rotates keys only with the box ticked', async () => {
    const sim = await startTestSim();
    const base = `/_sim/console/merchants/${sim.sandbox.id}`;
    await createIntent(sim, sim.sandbox, { key: 'KEEP' });
    for (const action of ['reset', 'rotate-key']) {
      expect(await submit(sim, `${base}/${action}`), action).toMatchObject({ kind: 'error', notice: 'Tick the box to confirm first.' });
    }
    expect((await status(sim, sim.sandbox, 'KEEP')).statusCode).toBe(200);
    expect(await submit(sim, `${base}/reset`, 'confirm=yes')).toMatchObject({ kind: 'ok', notice: 'Merchant reset.' });
    expect((await status(sim, sim.sandbox, 'KEEP')).statusCode).toBe(404);
  });
});
