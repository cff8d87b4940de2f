// Saved cards in tests: pay an intent by card through 3-D Secure, save a card on a createCustomer intent,
// pay with a token, queue an outcome.
import { guideIntent } from '../../scenarios/journeys/tokenization.js';
import { answerChallenge, card, cspaToken, dataOf, enroll, processCard } from './cards.js';
import { createIntent, type Merchant, type TestSim } from './sim.js';

const json = { 'content-type': 'application/json' };

/** The Tokenization Guide's create-intent body (JavaScript and Java samples), with its own key and callbackUrl. */
export function guideIntentBody(key = 'SAVE_CARD_123'): Record<string, unknown> {
  return { ...guideIntent(key, 'https://your-domain.com/callback') };
}

/**
 * Pays an intent with a card the way the official client does (cspaToken, enroll, "Authenticate" at a
 * challenge when there is one, process) and returns the process reply.
 */
export async function payByCard(sim: TestSim, reference: string, number: string, overrides: Parameters<typeof card>[2] = {}) {
  const c = card(sim, number, overrides);
  dataOf(await cspaToken(sim, reference, c));
  const enrolled = dataOf(await enroll(sim, reference)) as { action: string };
  if (enrolled.action === 'AUTHENTICATE') dataOf(await answerChallenge(sim, reference, 'authenticate'));
  return processCard(sim, reference);
}

/** Creates a createCustomer intent for `m`, pays it with `number` and returns the token it saved. */
export async function saveCard(sim: TestSim, m: Merchant, key: string, number: string, overrides: Parameters<typeof card>[2] = {}): Promise<string> {
  const { reference } = await createIntent(sim, m, { key, metadata: { createCustomer: true } });
  const paid = dataOf(await payByCard(sim, reference, number, overrides)) as { status: string };
  if (paid.status !== 'COMPLETED') throw new Error(`saving ${number} for ${m.id}: the payment is ${paid.status}`);
  const token = sim.app.sim.ctx.store.get('intents', reference)?.attempts.at(-1)?.token;
  if (!token) throw new Error(`saving ${number} for ${m.id}: no token was issued`);
  return token.id;
}

/** The Tokenization Guide's process body: the saved card's customer.id, nothing else. */
export function payWithToken(sim: TestSim, reference: string, id: string, extra: Record<string, unknown> = {}) {
  return sim.inject({ method: 'POST', url: `/pay/${reference}/process`, headers: json, payload: { type: 'CARDS', payment: { customer: { id }, ...extra } } });
}

export async function queueOutcomes(sim: TestSim, m: Merchant, provider: string, outcomes: string[]): Promise<void> {
  const res = await sim.inject({ method: 'POST', url: `/_sim/merchants/${m.id}/outcomes`, headers: json, payload: { provider, outcomes } });
  if (res.statusCode !== 200) throw new Error(`queueing ${outcomes.join(', ')}: ${res.statusCode} ${res.body}`);
}

export async function savedCards(sim: TestSim, m: Merchant) {
  return (await sim.inject({ method: 'GET', url: `/_sim/merchants/${m.id}/tokens` })).json().tokens as Array<Record<string, unknown>>;
}
