// Messages a person reads, word for word: the CVV rule names the card in plain English, and the checkout
// page does not double the full stop of a provider's message.
import { describe, expect, it } from 'vitest';
import { card, cspaToken, OTHER_AMEX } from '../helpers/cards.js';
import { createIntent, processMobile, startTestSim } from '../helpers/sim.js';

describe('the CVV length message', () => {
  it.each([
    ['a card of no known brand', '9999999999999995', '1234', 'must be 3 digits for this card'],
    ['an American Express card', OTHER_AMEX, '123', 'must be 4 digits for an American Express card'],
    ['a Visa card', '4242424242424242', '1234', 'must be 3 digits for a Visa card'],
  ])('reads well for %s', async (_label, number, cvv, message) => {
    const sim = await startTestSim();
    const intent = await createIntent(sim, sim.sandbox, { key: 'CVV1' });
    const res = await cspaToken(sim, intent.reference, card(sim, number, { cc_cvv: cvv }));
    expect(res.statusCode).toBe(400);
    expect(res.json().data.errors).toContainEqual(expect.objectContaining({ field: 'body.payment.cc_cvv', message }));
  });
});

describe('the checkout page after a failed attempt', () => {
  it('shows "Request cancelled by user. You can try again." with one full stop', async () => {
    const sim = await startTestSim();
    const intent = await createIntent(sim, sim.sandbox, { key: 'PAGE2' });
    await processMobile(sim, intent.reference, 'MPESA', '254700000032');
    await sim.advance(sim.config.pinDelayMs);
    const page = await sim.inject({ method: 'GET', url: `/checkout/${intent.reference}` });
    expect(page.body).toContain('Request cancelled by user. You can try again.');
    expect(page.body).not.toContain('..');
  });
});
