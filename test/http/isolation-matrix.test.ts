// Merchant and environment isolation, as a matrix: three merchants in one simulator (A and B sandbox, C
// production), each with a saved card, a pending intent under the same key, a paid intent and an intent
// under a key only it has. Every endpoint is called with each merchant's credentials, intents and tokens
// against each other merchant's; every cell asserts the status, the code and that nothing changed (the
// whole store for a refusal; the other merchants' records for a call that is allowed).
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { card, cardFor, cspaToken, enroll, OTHER_VISA } from '../helpers/cards.js';
import { basicAuth, createIntent, intentBody, processMobile, sharedTestSim, startTestSim, storeSnapshot, type Merchant, type TestSim } from '../helpers/sim.js';
import { payByCard, payWithToken, queueOutcomes, saveCard } from '../helpers/tokens.js';

type Name = 'A' | 'B' | 'C';
const NAMES: Name[] = ['A', 'B', 'C'];
const merchantOf = (sim: TestSim, n: Name): Merchant => ({ A: sim.sandbox, B: sim.sandbox2, C: sim.production })[n];
const PAIRS: Array<[Name, Name]> = NAMES.flatMap((x) => NAMES.filter((y) => y !== x).map((y): [Name, Name] => [x, y]));
const sameEnvironment = (x: Name, y: Name) => (x === 'C') === (y === 'C');

interface Own {
  merchant: Merchant;
  token: string;
  /** Pending, under the key SHARED that every merchant uses. */
  pending: string;
  /** Paid by card under the key PAID (refundable). */
  paid: string;
}
interface World {
  sim: TestSim;
  of: Record<Name, Own>;
}

/** A card that pays in both environments (test cards are declined in production). */
const PAYING_CARD = OTHER_VISA;

async function build(sim: TestSim): Promise<World> {
  const of = {} as Record<Name, Own>;
  for (const n of NAMES) {
    const merchant = merchantOf(sim, n);
    const token = await saveCard(sim, merchant, 'SAVED', PAYING_CARD);
    const pending = (await createIntent(sim, merchant, { key: 'SHARED' })).reference;
    const paid = (await createIntent(sim, merchant, { key: 'PAID' })).reference;
    await payByCard(sim, paid, PAYING_CARD);
    await createIntent(sim, merchant, { key: `ONLY_${n}` });
    of[n] = { merchant, token, pending, paid };
  }
  await sim.advance(0);
  return { sim, of };
}

const json = { 'content-type': 'application/json' };
const createAs = (w: World, creds: Merchant, tokenId: string, body = intentBody({ key: 'NEW1' })) =>
  w.sim.inject({ method: 'POST', url: `/api/payments/${tokenId}/pay`, headers: { authorization: basicAuth(creds), ...json }, payload: body });
const statusAs = (w: World, m: Merchant, key: string) => w.sim.inject({ method: 'GET', url: `/api/payments-v2/${key}`, headers: { 'x-api-key': m.apiKey } });
const refundAs = (w: World, m: Merchant, key: string) =>
  w.sim.inject({ method: 'POST', url: `/api/refund/${key}`, headers: { 'x-api-key': m.apiKey, ...json }, payload: { amount: 1 } });

interface Refusal {
  cell: string;
  send: (w: World) => Promise<LightMyRequestResponse>;
  status: number;
  code: string;
}

const refusals: Refusal[] = [
  ...PAIRS.flatMap(([x, y]): Refusal[] => [
    {
      cell: `createIntent: ${x}'s Basic credentials with ${y}'s Token ID`,
      send: (w) => createAs(w, w.of[x].merchant, w.of[y].merchant.tokenId),
      status: 401,
      code: 'TOKEN_ID_MISMATCH',
    },
    {
      cell: `createIntent: ${x}'s Client ID with ${y}'s Client Secret`,
      send: (w) => createAs(w, { ...w.of[x].merchant, clientSecret: w.of[y].merchant.clientSecret }, w.of[x].merchant.tokenId),
      status: 401,
      code: 'UNAUTHORIZED',
    },
    {
      cell: `getPaymentStatus: ${x}'s key for ${y}'s reference`,
      send: (w) => statusAs(w, w.of[x].merchant, w.of[y].paid),
      status: 404,
      code: 'PAYMENT_NOT_FOUND',
    },
    {
      cell: `getPaymentStatus: ${x}'s key for a key only ${y} has`,
      send: (w) => statusAs(w, w.of[x].merchant, `ONLY_${y}`),
      status: 404,
      code: 'PAYMENT_NOT_FOUND',
    },
    {
      cell: `refundPayment: ${x}'s key for ${y}'s reference`,
      send: (w) => refundAs(w, w.of[x].merchant, w.of[y].paid),
      status: 404,
      code: 'PAYMENT_NOT_FOUND',
    },
    {
      cell: `refundPayment: ${x}'s key for a key only ${y} has`,
      send: (w) => refundAs(w, w.of[x].merchant, `ONLY_${y}`),
      status: 404,
      code: 'PAYMENT_NOT_FOUND',
    },
    {
      cell: `processPayment: ${x}'s saved card on ${y}'s intent`,
      send: (w) => payWithToken(w.sim, w.of[y].pending, w.of[x].token),
      status: 403,
      code: sameEnvironment(x, y) ? 'TOKEN_OTHER_MERCHANT' : 'TOKEN_WRONG_ENVIRONMENT',
    },
    {
      cell: `processPayment: ${x}'s saved card on ${y}'s paid intent`,
      send: (w) => payWithToken(w.sim, w.of[y].paid, w.of[x].token),
      status: 403,
      code: sameEnvironment(x, y) ? 'TOKEN_OTHER_MERCHANT' : 'TOKEN_WRONG_ENVIRONMENT',
    },
  ]),
  ...NAMES.flatMap((n): Refusal[] => [
    {
      cell: `processPayment: an unknown token on ${n}'s intent`,
      send: (w) => payWithToken(w.sim, w.of[n].pending, '0123456789ABCDEF0123456789ABCDEF'),
      status: 404,
      code: 'TOKEN_NOT_FOUND',
    },
    {
      cell: `processPayment: ${n}'s token with card fields`,
      send: (w) => payWithToken(w.sim, w.of[n].pending, w.of[n].token, card(w.sim, PAYING_CARD)),
      status: 400,
      code: 'TOKEN_WITH_CARD_DETAILS',
    },
    {
      cell: `processPayment: ${n}'s own token on its paid intent`,
      send: (w) => payWithToken(w.sim, w.of[n].paid, w.of[n].token),
      status: 409,
      code: 'INTENT_COMPLETED',
    },
    {
      cell: `createPaToken: ${n}'s token instead of a card`,
      send: (w) =>
        w.sim.inject({
          method: 'POST',
          url: `/pay/${w.of[n].pending}/cspaToken`,
          headers: json,
          payload: { type: 'CARDS', payment: { customer: { id: w.of[n].token } } },
        }),
      status: 400,
      code: 'VALIDATION_ERROR',
    },
    {
      cell: `createIntent: ${n}'s Token ID without credentials`,
      send: (w) => w.sim.inject({ method: 'POST', url: `/api/payments/${w.of[n].merchant.tokenId}/pay`, headers: json, payload: intentBody({ key: 'NEW2' }) }),
      status: 401,
      code: 'UNAUTHORIZED',
    },
    {
      cell: `getPaymentStatus: ${n}'s reference without a key`,
      send: (w) => w.sim.inject({ method: 'GET', url: `/api/payments-v2/${w.of[n].paid}` }),
      status: 401,
      code: 'UNAUTHORIZED',
    },
    {
      cell: `refundPayment: ${n}'s reference with a wrong key`,
      send: (w) =>
        w.sim.inject({
          method: 'POST',
          url: `/api/refund/${w.of[n].paid}`,
          headers: { 'x-api-key': `${w.of[n].merchant.apiKey}x`, ...json },
          payload: { amount: 1 },
        }),
      status: 401,
      code: 'UNAUTHORIZED',
    },
  ]),
];

describe('isolation matrix: every refusal answers its status and code and changes nothing', () => {
  const world = sharedTestSim(build);

  it.each(refusals)('$cell → $status $code', async ({ send, status, code }) => {
    const w = world();
    const before = storeSnapshot(w.sim);
    const res = await send(w);
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().data.code).toBe(code);
    await w.sim.advance(0);
    expect(storeSnapshot(w.sim)).toEqual(before);
  });

  it('has a cell for every ordered pair of merchants and every rule', () => {
    expect(refusals).toHaveLength(PAIRS.length * 8 + NAMES.length * 7);
  });
});

/** Everything stored that belongs to a merchant (its record, intents, callbacks, tokens, controls, settings). */
function merchantRecords(sim: TestSim, merchantId: string): Record<string, unknown[]> {
  const snapshot = storeSnapshot(sim);
  const mine = (r: unknown) => {
    const record = r as { id?: string; merchantId?: string };
    return record.merchantId === merchantId || record.id === merchantId;
  };
  return Object.fromEntries(Object.entries(snapshot).map(([c, records]) => [c, records.filter(mine)]));
}

/** Runs an allowed call of merchant `n` in a fresh world and checks the other two merchants are untouched. */
async function allowed(n: Name, call: (w: World) => Promise<void>, setup?: (w: World) => Promise<void>): Promise<void> {
  const w = await build(await startTestSim());
  await setup?.(w);
  const others = NAMES.filter((o) => o !== n);
  const before = others.map((o) => merchantRecords(w.sim, w.of[o].merchant.id));
  await call(w);
  await w.sim.advance(0);
  expect(others.map((o) => merchantRecords(w.sim, w.of[o].merchant.id))).toEqual(before);
}

describe('isolation matrix: what each merchant may do touches only its own data', () => {
  it.each(NAMES)('%s pays its own intent with its own saved card: 200 COMPLETED', (n) =>
    allowed(n, async (w) => {
      const res = await payWithToken(w.sim, w.of[n].pending, w.of[n].token);
      expect(res.statusCode).toBe(200);
      expect(res.json().data.status).toBe('COMPLETED');
    }),
  );

  it.each(NAMES)('the key SHARED, used by all three, is %s’s own intent: 200 with its own reference', (n) =>
    allowed(n, async (w) => {
      const res = await statusAs(w, w.of[n].merchant, 'SHARED');
      expect(res.statusCode).toBe(200);
      expect(res.json().data.reference).toBe(w.of[n].pending);
      expect(new Set(NAMES.map((o) => w.of[o].pending)).size).toBe(3);
    }),
  );

  it.each(NAMES)('%s refunds its own paid intent: 200 COMPLETED', (n) =>
    allowed(n, async (w) => {
      const res = await refundAs(w, w.of[n].merchant, 'PAID');
      expect(res.statusCode).toBe(200);
      expect(res.json().data.status).toBe('COMPLETED');
    }),
  );

  it.each(NAMES)('%s pays a createCustomer intent by M-Pesa: 200, X-Sim-Notice CREATE_CUSTOMER_CARDS_ONLY, no token', (n) =>
    allowed(n, async (w) => {
      const { reference } = await createIntent(w.sim, w.of[n].merchant, { key: 'MOBILE', metadata: { createCustomer: true } });
      const tokens = storeSnapshot(w.sim).tokens;
      const res = await processMobile(w.sim, reference, 'MPESA', '254712345678');
      expect(res.statusCode).toBe(200);
      expect(String(res.headers['x-sim-notice']).split(';')[0]).toBe('CREATE_CUSTOMER_CARDS_ONLY');
      await w.sim.advance(w.sim.config.pinDelayMs);
      expect(storeSnapshot(w.sim).tokens).toEqual(tokens);
    }),
  );

  it.each(PAIRS)('/pay acts within the intent’s merchant: an outcome queued for %s does not reach %s’s card payments', (x, y) =>
    allowed(
      y,
      async (w) => {
        dataOk(await cspaToken(w.sim, w.of[y].pending, card(w.sim, PAYING_CARD)));
        dataOk(await enroll(w.sim, w.of[y].pending));
        const res = await payWithToken(w.sim, w.of[y].pending, w.of[y].token);
        expect(res.json().data.status).toBe('COMPLETED');
      },
      // Queued before the snapshot: x's queue must still hold it afterwards.
      (w) => queueOutcomes(w.sim, w.of[x].merchant, 'any', ['insufficient_funds']),
    ),
  );

  it('a sandbox test card saved with a queued success still declines in production only as production does', async () => {
    const sim = await startTestSim();
    await queueOutcomes(sim, sim.production, 'CARDS', ['success']);
    const token = await saveCard(sim, sim.production, 'TEST_CARD', cardFor('success'));
    const { reference } = await createIntent(sim, sim.production, { key: 'AGAIN' });
    expect((await payWithToken(sim, reference, token)).json().data).toMatchObject({
      status: 'FAILED',
      message: 'Declined: test cards are not accepted by a production merchant',
    });
  });
});

function dataOk(res: LightMyRequestResponse): void {
  expect(res.statusCode, res.body).toBe(200);
}
