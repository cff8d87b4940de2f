// Queued outcomes reach card payments too: the precedence rule (queue, then the test card, then success)
// decides a card's outcome when its 3-D Secure session starts, and the override is used up with it.
import { describe, expect, it } from 'vitest';
import { card, cardFor, enroll, OTHER_VISA, processCard } from '../helpers/cards.js';
import { createIntent, startTestSim, type TestSim } from '../helpers/sim.js';

const queue = (sim: TestSim, body: Record<string, unknown>) =>
  sim.inject({ method: 'POST', url: `/_sim/merchants/${sim.sandbox.id}/outcomes`, headers: { 'content-type': 'application/json' }, payload: body });

async function payByCard(sim: TestSim, key: string, number: string) {
  const { reference } = await createIntent(sim, sim.sandbox, { key });
  const enrolled = (await enroll(sim, reference, card(sim, number))).json().data;
  const processed = (await processCard(sim, reference, undefined, true)).json().data;
  return { action: enrolled.action, status: processed.status, message: processed.message };
}

describe('queued outcomes for cards', () => {
  it('a CARDS queue beats the test card; then the card decides; then success', async () => {
    const sim = await startTestSim();
    expect((await queue(sim, { provider: 'CARDS', outcomes: ['insufficient_funds', 'authentication_failed'] })).statusCode).toBe(200);
    expect(await payByCard(sim, 'Q1', OTHER_VISA)).toEqual({ action: 'MAKE_PAYMENT', status: 'FAILED', message: 'Insufficient funds in the account' });
    expect(await payByCard(sim, 'Q2', cardFor('success'))).toEqual({ action: 'FAILED', status: 'FAILED', message: 'The issuer rejected the authentication' });
    expect(await payByCard(sim, 'Q3', cardFor('declined'))).toMatchObject({ status: 'FAILED', message: 'General decline of the card' });
    expect(await payByCard(sim, 'Q4', OTHER_VISA)).toMatchObject({ status: 'COMPLETED' });
    const intents = (await sim.inject({ method: 'GET', url: `/_sim/merchants/${sim.sandbox.id}/intents` })).json().intents as Array<{
      key: string;
      attempts: Array<{ outcomeSource?: string }>;
    }>;
    const sources = Object.fromEntries(intents.map((i) => [i.key, i.attempts[0]?.outcomeSource]));
    expect(sources).toEqual({ Q1: 'override', Q2: 'override', Q3: 'trigger', Q4: 'default' });
  });

  it('an `any` queue applies to a card as to mobile money', async () => {
    const sim = await startTestSim();
    await queue(sim, { outcomes: ['insufficient_funds'] });
    expect(await payByCard(sim, 'A1', OTHER_VISA)).toMatchObject({ status: 'FAILED', message: 'Insufficient funds in the account' });
  });
});
