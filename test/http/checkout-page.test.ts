// The hosted checkout page as HTML: a clear page for an unknown, expired or completed intent, the
// interactive page otherwise, every value escaped, and the state endpoint its script polls.
import { describe, expect, it } from 'vitest';
import { createIntent, paidIntent, startTestSim } from '../helpers/sim.js';

const page = async (sim: Awaited<ReturnType<typeof startTestSim>>, reference: string) => sim.inject({ method: 'GET', url: `/checkout/${reference}` });

describe('the hosted checkout page', () => {
  it('offers mobile money and card for an open intent, with the merchant, amount and description', async () => {
    const sim = await startTestSim();
    const intent = await createIntent(sim, sim.sandbox, { key: 'PAGE1', amount: 1234.5, description: 'Two coffees' });
    const res = await page(sim, intent.reference);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain(sim.sandbox.name);
    expect(res.body).toContain('KES 1,234.50');
    expect(res.body).toContain('Two coffees');
    expect(res.body).toContain('id="mobile-form"');
    expect(res.body).toContain('id="card-form"');
    // No external assets: every script and style is inline.
    expect(res.body).not.toMatch(/<(script|link|img)[^>]+(src|href)=/);
  });

  it('says so for an unknown reference (404)', async () => {
    const sim = await startTestSim();
    const res = await page(sim, 'no-such-intent');
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Payment not found');
    expect(res.body).toContain('no-such-intent');
  });

  it('says a paid intent is complete and links back to returnUrl with the reference and status', async () => {
    const sim = await startTestSim();
    const reference = await paidIntent(sim, sim.sandbox, { key: 'PAGE2', returnUrl: 'https://shop.example/return?order=7' });
    const res = await page(sim, reference);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('This payment is complete');
    expect(res.body).toContain(`https://shop.example/return?order=7&#38;reference=${reference}&#38;status=COMPLETED`);
    expect(res.body).not.toContain('id="card-form"');
  });

  it('says an expired intent has expired (410), without a way to pay', async () => {
    const sim = await startTestSim();
    const intent = await createIntent(sim, sim.sandbox, { key: 'PAGE3', expiresAt: 1 });
    await sim.advance(61_000);
    const res = await page(sim, intent.reference);
    expect(res.statusCode).toBe(410);
    expect(res.body).toContain('This payment link has expired');
    expect(res.body).not.toContain('id="mobile-form"');
  });

  it('tells the shopper the last attempt failed and lets them try again', async () => {
    const sim = await startTestSim();
    const intent = await createIntent(sim, sim.sandbox, { key: 'PAGE4' });
    await sim.inject({
      method: 'POST',
      url: `/pay/${intent.reference}/process`,
      headers: { 'content-type': 'application/json' },
      payload: { type: 'MPESA', payment: { mobile: '254700000001' } },
    });
    await sim.advance(sim.config.pinDelayMs);
    const res = await page(sim, intent.reference);
    expect(res.body).toContain('The last attempt failed: The balance is insufficient for the transaction.');
    expect(res.body).toContain('id="mobile-form"');
  });

  it('escapes what the merchant sent, so a description cannot inject markup', async () => {
    const sim = await startTestSim();
    const intent = await createIntent(sim, sim.sandbox, { key: 'PAGE5', description: '<script>alert(1)</script></script>' });
    const res = await page(sim, intent.reference);
    expect(res.body).not.toContain('<script>alert(1)');
    expect(res.body).toContain('&#60;script&#62;alert(1)');
  });

  it('serves the state its script polls, with nothing secret in it', async () => {
    const sim = await startTestSim();
    const intent = await createIntent(sim, sim.sandbox, { key: 'PAGE6', returnUrl: 'https://shop.example/r' });
    const state = (await sim.inject({ method: 'GET', url: `/checkout/${intent.reference}/state` })).json();
    expect(state).toMatchObject({
      reference: intent.reference,
      merchant: sim.sandbox.name,
      environment: 'sandbox',
      status: 'PENDING',
      expired: false,
      attempt: null,
      returnUrl: 'https://shop.example/r',
    });
    expect(JSON.stringify(state)).not.toContain(sim.sandbox.apiKey);
    const missing = await sim.inject({ method: 'GET', url: '/checkout/nope/state' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().data.code).toBe('INTENT_NOT_FOUND');
  });

  it('takes form posts only on its own pages: the API still answers 415 to a form body', async () => {
    const sim = await startTestSim();
    const intent = await createIntent(sim, sim.sandbox, { key: 'PAGE7' });
    const res = await sim.inject({
      method: 'POST',
      url: `/pay/${intent.reference}/process`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'type=MPESA',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().data.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});
