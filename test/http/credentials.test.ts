// Credentials on every merchant endpoint: create intent takes Basic clientId:clientSecret plus a Token ID
// of the same merchant; status and refund take the merchant's secret key as X-API-KEY. A merchant never
// sees (or learns of) another merchant's payments, and nothing changes on a refused call.
import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import {
  basicAuth,
  createIntent,
  intentBody,
  paidIntent,
  processMobile,
  sharedTestSim,
  startTestSim,
  status,
  storeSnapshot,
  type Merchant,
  type TestSim,
} from '../helpers/sim.js';
import { newMerchant } from '../helpers/control.js';

/** Merchant A (sandbox) has a paid intent PAID1 (1000 KES); merchant B (sandbox2) has none. */
async function world(sim: TestSim) {
  const paid = await paidIntent(sim, sim.sandbox, { key: 'PAID1', amount: 1000 });
  return { sim, a: sim.sandbox, b: sim.sandbox2, paid };
}
type World = Awaited<ReturnType<typeof world>>;

const b64 = (s: string) => Buffer.from(s).toString('base64');
const UNKNOWN_TOKEN_ID = '6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f';

type Headers = Record<string, string>;
const createWith =
  (auth: (w: World) => Headers, tokenId: (w: World) => string = (w) => w.a.tokenId, body = intentBody({ key: 'NEW1' })) =>
  (w: World): InjectOptions => ({
    method: 'POST',
    url: `/api/payments/${tokenId(w)}/pay`,
    headers: { 'content-type': 'application/json', ...auth(w) },
    payload: JSON.stringify(body),
  });
const statusWith =
  (auth: (w: World) => Headers, key: (w: World) => string = () => 'PAID1') =>
  (w: World): InjectOptions => ({
    method: 'GET',
    url: `/api/payments-v2/${key(w)}`,
    headers: auth(w),
  });
const refundWith =
  (auth: (w: World) => Headers, key: (w: World) => string = () => 'PAID1') =>
  (w: World): InjectOptions => ({
    method: 'POST',
    url: `/api/refund/${key(w)}`,
    headers: { 'content-type': 'application/json', ...auth(w) },
    payload: JSON.stringify({ amount: 100, reason: 'test' }),
  });

const basic = (m: (w: World) => Merchant) => (w: World) => ({ authorization: basicAuth(m(w)) });
const apiKey = (m: (w: World) => Merchant) => (w: World) => ({ 'x-api-key': m(w).apiKey });

interface Row {
  endpoint: string;
  credentials: string;
  request: (w: World) => InjectOptions;
  status: number;
  code: string;
}
const row = (endpoint: string, credentials: string, request: Row['request'], status: number, code: string): Row => ({
  endpoint,
  credentials,
  request,
  status,
  code,
});

const basicRows: Row[] = [
  row(
    'createIntent',
    'none',
    createWith(() => ({})),
    401,
    'UNAUTHORIZED',
  ),
  row(
    'createIntent',
    'an empty Authorization header',
    createWith(() => ({ authorization: '' })),
    401,
    'UNAUTHORIZED',
  ),
  row(
    'createIntent',
    'the wrong secret',
    createWith((w) => ({ authorization: `Basic ${b64(`${w.a.clientId}:${w.b.clientSecret}`)}` })),
    401,
    'UNAUTHORIZED',
  ),
  row(
    'createIntent',
    'the secret with one more character',
    createWith((w) => ({ authorization: `Basic ${b64(`${w.a.clientId}:${w.a.clientSecret}x`)}` })),
    401,
    'UNAUTHORIZED',
  ),
  row(
    'createIntent',
    'an unknown Client ID',
    createWith((w) => ({ authorization: `Basic ${b64(`0000000000000000:${w.a.clientSecret}`)}` })),
    401,
    'UNAUTHORIZED',
  ),
  row(
    'createIntent',
    'the Client ID only (no colon)',
    createWith((w) => ({ authorization: `Basic ${b64(w.a.clientId)}` })),
    401,
    'UNAUTHORIZED',
  ),
  row(
    'createIntent',
    'the secret only (empty Client ID)',
    createWith((w) => ({ authorization: `Basic ${b64(`:${w.a.clientSecret}`)}` })),
    401,
    'UNAUTHORIZED',
  ),
  row(
    'createIntent',
    "malformed: 'Basic !!!'",
    createWith(() => ({ authorization: 'Basic !!!' })),
    401,
    'UNAUTHORIZED',
  ),
  row(
    'createIntent',
    "malformed: 'Basic' alone",
    createWith(() => ({ authorization: 'Basic' })),
    401,
    'UNAUTHORIZED',
  ),
  row(
    'createIntent',
    "malformed: 'Bearer x'",
    createWith(() => ({ authorization: 'Bearer x' })),
    401,
    'UNAUTHORIZED',
  ),
  row(
    'createIntent',
    'the credentials unencoded',
    createWith((w) => ({ authorization: `Basic ${w.a.clientId}:${w.a.clientSecret}` })),
    401,
    'UNAUTHORIZED',
  ),
  row('createIntent', 'the X-API-KEY instead of Basic', createWith(apiKey((w) => w.a)), 401, 'UNAUTHORIZED'),
  row('createIntent', "merchant B's credentials with A's Token ID", createWith(basic((w) => w.b)), 401, 'TOKEN_ID_MISMATCH'),
  row(
    'createIntent',
    "merchant A's credentials with B's Token ID",
    createWith(
      basic((w) => w.a),
      (w) => w.b.tokenId,
    ),
    401,
    'TOKEN_ID_MISMATCH',
  ),
  row(
    'createIntent',
    "merchant A's credentials with an unknown Token ID",
    createWith(
      basic((w) => w.a),
      () => UNKNOWN_TOKEN_ID,
    ),
    404,
    'TOKEN_ID_NOT_FOUND',
  ),
  row(
    'createIntent',
    'none, with a body that is also invalid (credentials come first)',
    createWith(() => ({}), undefined, intentBody({ key: 'NEW1', amount: 'x' })),
    401,
    'UNAUTHORIZED',
  ),
  row(
    'createIntent',
    'wrong, with a body that is also invalid',
    createWith(() => ({ authorization: 'Bearer x' }), undefined, intentBody({ key: 'NEW1', amount: -1 })),
    401,
    'UNAUTHORIZED',
  ),
];

function apiKeyRows(endpoint: string, make: typeof statusWith): Row[] {
  return [
    row(
      endpoint,
      'none',
      make(() => ({})),
      401,
      'UNAUTHORIZED',
    ),
    row(
      endpoint,
      'an empty X-API-KEY',
      make(() => ({ 'x-api-key': '' })),
      401,
      'UNAUTHORIZED',
    ),
    row(
      endpoint,
      'a wrong X-API-KEY',
      make(() => ({ 'x-api-key': 'sk_sandbox_0000' })),
      401,
      'UNAUTHORIZED',
    ),
    row(
      endpoint,
      'the secret key with one more character',
      make((w) => ({ 'x-api-key': `${w.a.apiKey}0` })),
      401,
      'UNAUTHORIZED',
    ),
    row(
      endpoint,
      'the secret key in another case',
      make((w) => ({ 'x-api-key': w.a.apiKey.toUpperCase() })),
      401,
      'UNAUTHORIZED',
    ),
    row(
      endpoint,
      "malformed: 'Bearer <secret key>' in Authorization",
      make((w) => ({ authorization: `Bearer ${w.a.apiKey}` })),
      401,
      'UNAUTHORIZED',
    ),
    row(endpoint, 'Basic credentials instead of X-API-KEY', make(basic((w) => w.a)), 401, 'UNAUTHORIZED'),
    row(
      endpoint,
      'the Client Secret as X-API-KEY',
      make((w) => ({ 'x-api-key': w.a.clientSecret })),
      401,
      'UNAUTHORIZED',
    ),
    row(endpoint, "merchant B's key, A's merchant key", make(apiKey((w) => w.b)), 404, 'PAYMENT_NOT_FOUND'),
    row(
      endpoint,
      "merchant B's key, A's reference",
      make(
        apiKey((w) => w.b),
        (w) => w.paid,
      ),
      404,
      'PAYMENT_NOT_FOUND',
    ),
    row(
      endpoint,
      "the production merchant's key, A's reference",
      make(
        apiKey((w) => w.sim.production),
        (w) => w.paid,
      ),
      404,
      'PAYMENT_NOT_FOUND',
    ),
  ];
}

const rows = [...basicRows, ...apiKeyRows('getPaymentStatus', statusWith), ...apiKeyRows('refundPayment', refundWith)];

describe('credentials on the merchant endpoints', () => {
  const shared = sharedTestSim(world);

  it.each(rows)('$endpoint with $credentials → $status $code, nothing changed', async (r) => {
    const w = shared();
    const before = storeSnapshot(w.sim);
    const res = await w.sim.inject(r.request(w));
    expect(res.statusCode).toBe(r.status);
    expect(res.json().data.code).toBe(r.code);
    await w.sim.advance(0);
    expect(storeSnapshot(w.sim)).toEqual(before);
  });

  it.each([
    ['createIntent', createWith(basic((w) => w.a)), 200],
    [
      'createIntent (scheme in lower case)',
      createWith((w) => ({ authorization: basicAuth(w.a).replace('Basic', 'basic') }), undefined, intentBody({ key: 'LOWER1' })),
      200,
    ],
    ['getPaymentStatus', statusWith(apiKey((w) => w.a)), 200],
    ['refundPayment', refundWith(apiKey((w) => w.a)), 200],
  ] as const)('%s with the right credentials answers %i (the rows above fail on the credentials only)', async (_name, request, code) => {
    const w = shared();
    const res = await w.sim.inject(request(w));
    expect(res.statusCode).toBe(code);
  });
});

describe('a merchant never learns of another merchant’s payments', () => {
  it.each([
    ['status', 'key'],
    ['status', 'reference'],
    ['refund', 'key'],
    ['refund', 'reference'],
  ] as const)("%s by %s: B asking for A's payment gets the very answer of a payment that does not exist", async (endpoint, by) => {
    const sim = await startTestSim();
    const w = await world(sim);
    const before = storeSnapshot(sim);
    const make = endpoint === 'status' ? statusWith : refundWith;
    const asked = by === 'key' ? 'PAID1' : w.paid;

    const theirs = await sim.inject(
      make(
        apiKey((x) => x.b),
        () => asked,
      )(w),
    );
    const missing = await sim.inject(
      make(
        apiKey((x) => x.b),
        () => 'NOSUCH1',
      )(w),
    );
    expect(theirs.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    const expected = missing.json().data;
    expect(theirs.json().data).toEqual({ ...expected, message: expected.message.replace('NOSUCH1', asked) });
    for (const secret of [w.a.id, w.a.name, '1000', 'MPESA', 'COMPLETED']) expect(theirs.body).not.toContain(secret);

    // A's intent is untouched, and A still sees it whole.
    await sim.advance(sim.config.refundDelayMs);
    expect(storeSnapshot(sim)).toEqual(before);
    const mine = (await status(sim, w.a, 'PAID1')).json().data;
    expect(mine).toMatchObject({ reference: w.paid, status: 'COMPLETED', refunds: [] });
  });

  it('the same key used by two merchants makes two separate intents, each seen only by its owner', async () => {
    const sim = await startTestSim();
    const count = sim.app.sim.ctx.store.count('intents');
    const a = await createIntent(sim, sim.sandbox, { key: 'SHARED1', amount: 100 });
    const b = await createIntent(sim, sim.sandbox2, { key: 'SHARED1', amount: 100 });
    expect(b.reference).not.toBe(a.reference);
    expect(sim.app.sim.ctx.store.count('intents')).toBe(count + 2);

    expect((await status(sim, sim.sandbox, 'SHARED1')).json().data.reference).toBe(a.reference);
    expect((await status(sim, sim.sandbox2, 'SHARED1')).json().data.reference).toBe(b.reference);
    expect((await status(sim, sim.sandbox, b.reference)).statusCode).toBe(404);
    expect((await status(sim, sim.sandbox2, a.reference)).statusCode).toBe(404);

    // Paying B's intent leaves A's as it was.
    await processMobile(sim, b.reference, 'MPESA', '254712345678');
    await sim.advance(sim.config.pinDelayMs);
    expect((await status(sim, sim.sandbox2, 'SHARED1')).json().data.status).toBe('COMPLETED');
    expect((await status(sim, sim.sandbox, 'SHARED1')).json().data).toMatchObject({ status: 'PENDING', attempts: [] });
  });
});

describe('credentials come before the body', () => {
  it.each([
    ['invalid JSON', '{"amount":', 'application/json'],
    ['a text body', 'amount=1', 'text/plain'],
  ])('answers 401, not a body error, for %s sent without credentials', async (_label, payload, contentType) => {
    const sim = await startTestSim();
    const create = await sim.inject({ method: 'POST', url: `/api/payments/${sim.sandbox.tokenId}/pay`, headers: { 'content-type': contentType }, payload });
    expect(create.statusCode).toBe(401);
    expect(create.json().data.code).toBe('UNAUTHORIZED');
    const refundRes = await sim.inject({ method: 'POST', url: '/api/refund/ORDER1042', headers: { 'content-type': contentType }, payload });
    expect(refundRes.statusCode).toBe(401);
  });
});

describe('a retry with the defaults spelled out is the same request', () => {
  it('treats a left-out currency as KES and a left-out expiresAt as 30', async () => {
    const sim = await startTestSim();
    const first = await createIntent(sim, sim.sandbox, { key: 'SAMEREQ1', currency: undefined });
    const again = await createIntent(sim, sim.sandbox, { key: 'SAMEREQ1', currency: 'KES', expiresAt: 30 });
    expect(again.reference).toBe(first.reference);
    expect(sim.app.sim.ctx.store.count('intents')).toBe(1);
  });
});

describe('a checked credential is only good while its merchant is', () => {
  it('refuses a header that worked once its merchant is gone (a full reset forgets merchants made through /_sim)', async () => {
    const sim = await startTestSim();
    const m = await newMerchant(sim);
    const create = (key: string) =>
      sim.inject({
        method: 'POST',
        url: `/api/payments/${m.tokenId}/pay`,
        headers: { authorization: basicAuth(m), 'content-type': 'application/json' },
        payload: intentBody({ key }),
      });
    expect((await create('BEFORE1')).statusCode).toBe(200);
    expect((await create('BEFORE2')).statusCode).toBe(200); // the second time from what was checked the first time
    expect((await sim.inject({ method: 'POST', url: '/_sim/reset' })).statusCode).toBe(200);
    const after = await create('AFTER1');
    expect(after.statusCode).toBe(401);
    expect(after.json().data.code).toBe('UNAUTHORIZED');
  });
});
