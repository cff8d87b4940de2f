// The mobile-money journey of the Foundation issue, in-process: create, process, PIN delay, callback,
// status, refunds. The clock is manual, so nothing sleeps.
import { describe, expect, it } from 'vitest';
import { createIntent, processMobile, refund, startTestSim, status, untilPendingAttempt } from '../helpers/sim.js';

describe('mobile money journey (in-process)', () => {
  it('creates, pushes the PIN prompt, completes after the PIN delay, calls back, reports and refunds', async () => {
    const sim = await startTestSim();
    const intent = await createIntent(sim, sim.sandbox, { amount: 150.4 });
    expect(intent.reference).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(intent.checkoutUrl).toBe(`${sim.config.publicUrl}/checkout/${intent.reference}`);

    const pending = await processMobile(sim, intent.reference, 'MPESA', '254712345678');
    expect(pending.statusCode).toBe(200);
    expect(pending.json().data).toMatchObject({
      status: 'PENDING',
      message: 'You will be promoted to enter your MPESA PIN',
      meta: { provider: 'MPESA', providerReference: '', stepUpUrl: null, accessToken: null, amount: 150, currency: 'KES' },
    });
    expect((await status(sim, sim.sandbox, 'ORDER1042')).json().data.status).toBe('PENDING');
    expect(sim.sent).toHaveLength(0);

    await sim.advance(2999);
    expect((await status(sim, sim.sandbox, intent.reference)).json().data.status).toBe('PENDING');
    await sim.advance(1);
    const done = (await status(sim, sim.sandbox, 'ORDER1042')).json().data;
    expect(done).toMatchObject({
      reference: intent.reference,
      status: 'COMPLETED',
      amount: 150.4,
      key: 'ORDER1042',
      payment: { provider: 'MPESA', details: null },
    });
    expect(done.attempts).toEqual([expect.objectContaining({ reference: intent.reference, provider: 'MPESA', status: 'COMPLETED' })]);

    expect(sim.sent).toHaveLength(1);
    expect(sim.sent[0]!.url).toBe('https://merchant.example/littlepay/callback');
    expect(sim.sent[0]!.body).toMatchObject({
      reference: intent.reference,
      status: 'COMPLETED',
      amount: 150,
      key: 'ORDER1042',
      currency: 'KES',
      provider: 'MPESA',
    });
    expect((sim.sent[0]!.body as { date: string }).date).toMatch(/\.000Z$/);

    const r1 = await refund(sim, sim.sandbox, 'ORDER1042', { amount: 100, reason: 'damaged', callbackUrl: 'https://merchant.example/refunds' });
    expect(r1.json().data).toEqual({ status: 'PENDING', message: expect.any(String) });
    const over = await refund(sim, sim.sandbox, intent.reference, { amount: 51 });
    expect(over.statusCode).toBe(409);
    expect(over.json().data.code).toBe('REFUND_EXCEEDS_BALANCE');
    await sim.advance(3000);
    expect(sim.sent).toHaveLength(2);
    expect(sim.sent[1]!.body).toMatchObject({
      status: 'COMPLETED',
      message: 'Success',
      amount: 100,
      reason: 'damaged',
      reference: intent.reference,
      key: 'ORDER1042',
    });
    const r2 = await refund(sim, sim.sandbox, 'ORDER1042', { amount: 50 });
    expect(r2.statusCode).toBe(200);
    const after = (await status(sim, sim.sandbox, 'ORDER1042')).json().data;
    expect(after.refunds.map((r: { amount: number }) => r.amount)).toEqual([100, 50]);
    expect((await refund(sim, sim.sandbox, 'ORDER1042', { amount: 0.01 })).json().data.code).toBe('REFUND_EXCEEDS_BALANCE');
  });

  it('holds a long-polled process until the payment is final', async () => {
    const sim = await startTestSim();
    const intent = await createIntent(sim, sim.sandbox);
    const answer = processMobile(sim, intent.reference, 'AIRTEL', '254733123456', true);
    await untilPendingAttempt(sim, intent.reference);
    await sim.advance(3000);
    const res = await answer;
    expect(res.json().data).toMatchObject({ status: 'COMPLETED', meta: { provider: 'AIRTEL', amount: 1500 } });
    expect(res.json().data.meta.mpesaResponse).toBeUndefined();
  });
});
