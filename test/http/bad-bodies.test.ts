// Bad input, endpoint by endpoint: each row is answered with its status and error code, the message
// names the field at fault, and nothing at all changes in the store. Then the idempotency of the merchant
// key, and a table of hostile inputs that must never produce a 5xx.
import type { InjectOptions } from 'fastify';
import { describe, expect, it } from 'vitest';
import { isSameCreateRequest } from '../../simulator/src/domain/intents.js';
import { MAX_JSON_DEPTH } from '../../simulator/src/http/errors.js';
import { intent } from '../helpers/store-fixtures.js';
import {
  basicAuth,
  createIntent,
  intentBody,
  paidIntent,
  processMobile,
  sharedTestSim,
  startTestSim,
  storeSnapshot,
  type Merchant,
  type TestSim,
} from '../helpers/sim.js';

/** A sim with one paid intent (1000 KES), one with an attempt pending, and one never processed. */
async function world(sim: TestSim) {
  const paid = await paidIntent(sim, sim.sandbox, { key: 'PAID1', amount: 1000 });
  const pending = await createIntent(sim, sim.sandbox, { key: 'PEND1' });
  await processMobile(sim, pending.reference, 'MPESA', '254712345678');
  const fresh = await createIntent(sim, sim.sandbox, { key: 'FRESH1' });
  return { sim, paid, pending: pending.reference, fresh: fresh.reference };
}
type World = Awaited<ReturnType<typeof world>>;

type Body = Record<string, unknown> | string | undefined;
interface Send {
  merchant?: (w: World) => Merchant;
  contentType?: string | null; // null: no Content-Type header
  query?: string;
}

function payload(body: Body, contentType: string | null | undefined): Pick<InjectOptions, 'payload' | 'headers'> {
  if (body === undefined) return { headers: {} };
  const ct = contentType === undefined ? 'application/json' : contentType;
  return { payload: typeof body === 'string' ? body : JSON.stringify(body), headers: ct === null ? {} : { 'content-type': ct } };
}

const create =
  (body: Body, opts: Send = {}) =>
  (w: World): InjectOptions => {
    const m = opts.merchant?.(w) ?? w.sim.sandbox;
    const p = payload(body, opts.contentType);
    return { method: 'POST', url: `/api/payments/${m.tokenId}/pay`, payload: p.payload, headers: { ...p.headers, authorization: basicAuth(m) } };
  };
const pay =
  (body: Body, opts: Send & { ref?: (w: World) => string } = {}) =>
  (w: World): InjectOptions => {
    const p = payload(body, opts.contentType);
    return { method: 'POST', url: `/pay/${opts.ref?.(w) ?? w.fresh}/process${opts.query ?? ''}`, ...p };
  };
const getStatus =
  (key: (w: World) => string) =>
  (w: World): InjectOptions => ({
    method: 'GET',
    url: `/api/payments-v2/${encodeURIComponent(key(w))}`,
    headers: { 'x-api-key': w.sim.sandbox.apiKey },
  });
const refund =
  (body: Body, opts: Send & { key?: (w: World) => string } = {}) =>
  (w: World): InjectOptions => {
    const p = payload(body, opts.contentType);
    return { method: 'POST', url: `/api/refund/${opts.key?.(w) ?? 'PAID1'}`, payload: p.payload, headers: { ...p.headers, 'x-api-key': w.sim.sandbox.apiKey } };
  };
const newMerchant =
  (body: Body, opts: Send = {}) =>
  (): InjectOptions => ({ method: 'POST', url: '/_sim/merchants', ...payload(body, opts.contentType) });

const omit = (obj: Record<string, unknown>, key: string) => Object.fromEntries(Object.entries(obj).filter(([k]) => k !== key));
const body = (overrides: Record<string, unknown> = {}) => intentBody({ key: 'NEW1', ...overrides });
const mobile = (m: unknown, extra: Record<string, unknown> = {}) => ({ type: 'MPESA', payment: { mobile: m }, ...extra });

interface Row {
  endpoint: string;
  input: string;
  request: (w: World) => InjectOptions;
  status: number;
  code: string;
  /** What data.message must contain: the field (or the reference, key or header) at fault. */
  names: string | ((w: World) => string);
}

const row = (endpoint: string, input: string, request: Row['request'], status: number, code: string, names: Row['names']): Row => ({
  endpoint,
  input,
  request,
  status,
  code,
  names,
});
const V = 'VALIDATION_ERROR';

const rows: Row[] = [
  // createIntent
  row('createIntent', 'amount "1000" as a string (never coerced)', create(body({ amount: '1000' })), 400, V, 'body.amount'),
  row('createIntent', 'amount 0', create(body({ amount: 0 })), 400, V, 'body.amount'),
  row('createIntent', 'amount negative', create(body({ amount: -5 })), 400, V, 'body.amount'),
  row('createIntent', 'amount above the maximum', create(body({ amount: 1e10 })), 400, V, 'body.amount'),
  row('createIntent', 'amount null', create(body({ amount: null })), 400, V, 'body.amount'),
  row('createIntent', 'amount missing', create(omit(body(), 'amount')), 400, V, 'body.amount'),
  row('createIntent', 'description missing', create(omit(body(), 'description')), 400, V, 'body.description'),
  row('createIntent', 'description over 500 characters', create(body({ description: 'x'.repeat(501) })), 400, V, 'body.description'),
  row('createIntent', 'callbackUrl missing', create(omit(body(), 'callbackUrl')), 400, V, 'body.callbackUrl'),
  row('createIntent', 'key missing', create(omit(body(), 'key')), 400, V, 'body.key'),
  row('createIntent', 'an unknown top-level field', create(body({ currencyCode: 'KES' })), 400, V, 'body.currencyCode'),
  row(
    'createIntent',
    'an unknown billing field',
    create(body({ payload: { billingAddress: { email: 'a@b.co', middleName: 'X' } } })),
    400,
    V,
    'body.payload.billingAddress.middleName',
  ),
  row('createIntent', 'an unknown metadata field', create(body({ metadata: { createCustomer: true, saveCard: true } })), 400, V, 'body.metadata.saveCard'),
  row('createIntent', "key with '-'", create(body({ key: 'ORDER-1042' })), 400, V, 'body.key'),
  row('createIntent', "key with '/'", create(body({ key: 'ORDER/1042' })), 400, V, 'body.key'),
  row('createIntent', "key with '*'", create(body({ key: 'ORDER*1042' })), 400, V, 'body.key'),
  row('createIntent', "key with '+'", create(body({ key: 'ORDER+1042' })), 400, V, 'body.key'),
  row('createIntent', 'key with a space', create(body({ key: 'ORDER 1042' })), 400, V, 'body.key'),
  row('createIntent', 'key empty', create(body({ key: '' })), 400, V, 'body.key'),
  row('createIntent', 'key of 65 characters', create(body({ key: 'K'.repeat(65) })), 400, V, 'body.key'),
  row('createIntent', 'key as a number', create(body({ key: 1042 })), 400, V, 'body.key'),
  row('createIntent', 'currency in lower case', create(body({ currency: 'kes' })), 400, V, 'body.currency'),
  row('createIntent', 'currency of four letters', create(body({ currency: 'KESH' })), 400, V, 'body.currency'),
  row(
    'createIntent',
    'currency not enabled for the merchant',
    create(body({ currency: 'USD' }), { merchant: (w) => w.sim.production }),
    400,
    'CURRENCY_NOT_ENABLED',
    'body.currency',
  ),
  row(
    'createIntent',
    'billingAddress without email and phoneNumber',
    create(body({ payload: { billingAddress: { firstName: 'Jane' } } })),
    400,
    'MISSING_CONTACT',
    'body.payload.billingAddress',
  ),
  row(
    'createIntent',
    'billingAddress with empty email and phoneNumber',
    create(body({ payload: { billingAddress: { email: '', phoneNumber: '' } } })),
    400,
    'MISSING_CONTACT',
    'body.payload.billingAddress',
  ),
  row(
    'createIntent',
    'billing email not an address',
    create(body({ payload: { billingAddress: { email: 'jane.example.com' } } })),
    400,
    V,
    'body.payload.billingAddress.email',
  ),
  row('createIntent', 'callbackUrl not a URL', create(body({ callbackUrl: 'not a url' })), 400, V, 'body.callbackUrl'),
  row('createIntent', 'callbackUrl relative', create(body({ callbackUrl: '/littlepay/callback' })), 400, V, 'body.callbackUrl'),
  row('createIntent', 'callbackUrl not http(s)', create(body({ callbackUrl: 'ftp://merchant.example/cb' })), 400, V, 'body.callbackUrl'),
  row('createIntent', 'returnUrl javascript:', create(body({ returnUrl: 'javascript:alert(1)' })), 400, V, 'body.returnUrl'),
  row('createIntent', 'expiresAt 0', create(body({ expiresAt: 0 })), 400, V, 'body.expiresAt'),
  row('createIntent', 'expiresAt 1.5', create(body({ expiresAt: 1.5 })), 400, V, 'body.expiresAt'),
  row('createIntent', 'expiresAt "30" as a string', create(body({ expiresAt: '30' })), 400, V, 'body.expiresAt'),
  row('createIntent', 'expiresAt over 30 days', create(body({ expiresAt: 43_201 })), 400, V, 'body.expiresAt'),
  row('createIntent', 'metadata.createCustomer "yes"', create(body({ metadata: { createCustomer: 'yes' } })), 400, V, 'body.metadata.createCustomer'),
  row('createIntent', 'invalid JSON', create('{"amount": 1500,'), 400, 'INVALID_JSON', 'body'),
  row('createIntent', 'JSON with __proto__', create('{"__proto__": {"admin": true}}'), 400, 'INVALID_JSON', 'body'),
  row('createIntent', 'empty body (application/json)', create(''), 400, 'INVALID_JSON', 'body'),
  row('createIntent', 'no body at all', create(undefined), 400, V, 'body'),
  row('createIntent', 'body is an array', create('[]'), 400, V, 'body'),
  row('createIntent', 'body is null', create('null'), 400, V, 'body'),
  row(
    'createIntent',
    'form-encoded body (415)',
    create('amount=1500', { contentType: 'application/x-www-form-urlencoded' }),
    415,
    'UNSUPPORTED_MEDIA_TYPE',
    'Content-Type',
  ),
  row('createIntent', 'JSON sent as text/plain (415)', create(body(), { contentType: 'text/plain' }), 415, 'UNSUPPORTED_MEDIA_TYPE', 'Content-Type'),

  // processPayment
  row(
    'processPayment',
    'unknown reference',
    pay(mobile('254712345678'), { ref: () => '0f0e0d0c-0b0a-4908-8706-050403020100' }),
    404,
    'INTENT_NOT_FOUND',
    '0f0e0d0c-0b0a-4908-8706-050403020100',
  ),
  row('processPayment', 'reference of 65 characters', pay(mobile('254712345678'), { ref: () => 'r'.repeat(65) }), 400, V, 'params.reference'),
  row('processPayment', "mobile with '+'", pay(mobile('+254712345678')), 400, V, 'body.payment.mobile'),
  row('processPayment', 'mobile with a leading 0', pay(mobile('0712345678')), 400, V, 'body.payment.mobile'),
  row('processPayment', 'mobile with letters', pay(mobile('2547ABC45678')), 400, V, 'body.payment.mobile'),
  row('processPayment', 'mobile with spaces', pay(mobile('254 712 345 678')), 400, V, 'body.payment.mobile'),
  row('processPayment', 'mobile too short', pay(mobile('2547')), 400, V, 'body.payment.mobile'),
  row('processPayment', 'mobile as a number', pay(mobile(254712345678)), 400, V, 'body.payment.mobile'),
  row('processPayment', 'mobile missing', pay({ type: 'AIRTEL', payment: {} }), 400, V, 'body.payment.mobile'),
  row('processPayment', 'unknown payment type', pay({ type: 'PAYPAL', payment: { mobile: '254712345678' } }), 400, V, 'body.type'),
  row('processPayment', 'payment type in lower case', pay({ type: 'mpesa', payment: { mobile: '254712345678' } }), 400, V, 'body.type'),
  row('processPayment', 'payment type missing', pay({ payment: { mobile: '254712345678' } }), 400, V, 'body.type'),
  row('processPayment', 'payment missing', pay({ type: 'MPESA' }), 400, V, 'body.payment'),
  row('processPayment', 'an unknown top-level field', pay(mobile('254712345678', { amount: 1 })), 400, V, 'body.amount'),
  row('processPayment', 'an unknown payment field', pay({ type: 'MPESA', payment: { mobile: '254712345678', pin: '1234' } }), 400, V, 'body.payment.pin'),
  row('processPayment', 'longPoll not a boolean', pay(mobile('254712345678'), { query: '?longPoll=maybe' }), 400, V, 'querystring.longPoll'),
  row('processPayment', 'invalid JSON', pay('{"type": "MPESA"'), 400, 'INVALID_JSON', 'body'),
  row('processPayment', 'empty body (application/json)', pay(''), 400, 'INVALID_JSON', 'body'),
  row(
    'processPayment',
    'form-encoded body (415)',
    pay('type=MPESA', { contentType: 'application/x-www-form-urlencoded' }),
    415,
    'UNSUPPORTED_MEDIA_TYPE',
    'Content-Type',
  ),
  row('processPayment', 'an attempt still pending', pay(mobile('254712345678'), { ref: (w) => w.pending }), 409, 'PAYMENT_IN_PROGRESS', (w) => w.pending),
  row('processPayment', 'an intent already paid', pay(mobile('254712345678'), { ref: (w) => w.paid }), 409, 'INTENT_COMPLETED', (w) => w.paid),

  // getPaymentStatus
  row(
    'getPaymentStatus',
    'unknown key',
    getStatus(() => 'NOSUCHORDER'),
    404,
    'PAYMENT_NOT_FOUND',
    'NOSUCHORDER',
  ),
  row(
    'getPaymentStatus',
    'unknown reference',
    getStatus(() => '0f0e0d0c-0b0a-4908-8706-050403020100'),
    404,
    'PAYMENT_NOT_FOUND',
    '0f0e0d0c-0b0a-4908-8706-050403020100',
  ),
  row(
    'getPaymentStatus',
    'a key that differs by case',
    getStatus(() => 'paid1'),
    404,
    'PAYMENT_NOT_FOUND',
    'paid1',
  ),
  row(
    'getPaymentStatus',
    'key of 65 characters',
    getStatus(() => 'K'.repeat(65)),
    400,
    V,
    'params.key',
  ),

  // refundPayment
  row('refundPayment', 'amount 0', refund({ amount: 0 }), 400, V, 'body.amount'),
  row('refundPayment', 'amount negative', refund({ amount: -1 }), 400, V, 'body.amount'),
  row('refundPayment', 'amount "100" as a string', refund({ amount: '100' }), 400, V, 'body.amount'),
  row('refundPayment', 'amount missing', refund({ reason: 'damaged' }), 400, V, 'body.amount'),
  row('refundPayment', 'an unknown field', refund({ amount: 100, currency: 'KES' }), 400, V, 'body.currency'),
  row('refundPayment', 'callbackUrl not a URL', refund({ amount: 100, callbackUrl: 'merchant.example/refunds' }), 400, V, 'body.callbackUrl'),
  row('refundPayment', 'reason over 500 characters', refund({ amount: 100, reason: 'r'.repeat(501) }), 400, V, 'body.reason'),
  row('refundPayment', 'amount over the balance', refund({ amount: 1000.01 }), 409, 'REFUND_EXCEEDS_BALANCE', 'body.amount'),
  row('refundPayment', 'a PENDING payment', refund({ amount: 100 }, { key: () => 'PEND1' }), 409, 'PAYMENT_NOT_COMPLETED', (w) => w.pending),
  row('refundPayment', 'a payment never processed', refund({ amount: 100 }, { key: (w) => w.fresh }), 409, 'PAYMENT_NOT_COMPLETED', (w) => w.fresh),
  row('refundPayment', 'unknown key', refund({ amount: 100 }, { key: () => 'NOSUCHORDER' }), 404, 'PAYMENT_NOT_FOUND', 'NOSUCHORDER'),
  row('refundPayment', 'invalid JSON', refund('{"amount": }'), 400, 'INVALID_JSON', 'body'),
  row('refundPayment', 'empty body (application/json)', refund(''), 400, 'INVALID_JSON', 'body'),
  row(
    'refundPayment',
    'form-encoded body (415)',
    refund('amount=100', { contentType: 'application/x-www-form-urlencoded' }),
    415,
    'UNSUPPORTED_MEDIA_TYPE',
    'Content-Type',
  ),

  // createMerchant (POST /_sim/merchants)
  row('createMerchant', 'environment missing', newMerchant({ name: 'Shop' }), 400, V, 'body.environment'),
  row('createMerchant', 'unknown environment', newMerchant({ environment: 'staging' }), 400, V, 'body.environment'),
  row('createMerchant', 'name empty', newMerchant({ environment: 'sandbox', name: '' }), 400, V, 'body.name'),
  row('createMerchant', 'name over 100 characters', newMerchant({ environment: 'sandbox', name: 'n'.repeat(101) }), 400, V, 'body.name'),
  row('createMerchant', 'name as a number', newMerchant({ environment: 'sandbox', name: 5 }), 400, V, 'body.name'),
  row('createMerchant', 'currencies empty', newMerchant({ environment: 'sandbox', currencies: [] }), 400, V, 'body.currencies'),
  row('createMerchant', 'currencies as a string', newMerchant({ environment: 'sandbox', currencies: 'KES' }), 400, V, 'body.currencies'),
  row('createMerchant', 'a currency in lower case', newMerchant({ environment: 'sandbox', currencies: ['KES', 'usd'] }), 400, V, 'body.currencies.1'),
  row('createMerchant', 'a currency twice', newMerchant({ environment: 'sandbox', currencies: ['KES', 'KES'] }), 400, V, 'body.currencies'),
  row('createMerchant', 'own credentials (unknown field)', newMerchant({ environment: 'sandbox', apiKey: 'sk_mine' }), 400, V, 'body.apiKey'),
  row('createMerchant', 'invalid JSON', newMerchant('{environment: sandbox}'), 400, 'INVALID_JSON', 'body'),
  row(
    'createMerchant',
    'form-encoded body (415)',
    newMerchant('environment=sandbox', { contentType: 'application/x-www-form-urlencoded' }),
    415,
    'UNSUPPORTED_MEDIA_TYPE',
    'Content-Type',
  ),
];

describe('bad input changes nothing and says what is wrong', () => {
  // Every row must change nothing, so all rows share one world (a row that changes something fails).
  const shared = sharedTestSim(world);

  it.each(rows)('$endpoint: $input → $status $code', async (r) => {
    const w = shared();
    const sim = w.sim;
    const before = storeSnapshot(sim);
    const sentBefore = sim.sent.length;
    const counts = { intents: sim.app.sim.ctx.store.count('intents'), merchants: sim.app.sim.ctx.store.count('merchants') };

    const res = await sim.inject(r.request(w));

    expect(res.statusCode).toBe(r.status);
    const data = res.json().data;
    expect(data.code).toBe(r.code);
    expect(data.message).toContain(typeof r.names === 'string' ? r.names : r.names(w));
    if (r.code === V) expect(data.errors?.[0]?.field).toContain(typeof r.names === 'string' ? r.names : r.names(w));

    // Nothing changed: no record, attempt, refund, callback or id was added or altered.
    await sim.advance(0);
    expect(sim.app.sim.ctx.store.count('intents')).toBe(counts.intents);
    expect(sim.app.sim.ctx.store.count('merchants')).toBe(counts.merchants);
    expect(storeSnapshot(sim)).toEqual(before);
    expect(sim.sent).toHaveLength(sentBefore);
  });

  it('accepts the underscore in a key (the Tokenization Guide uses SAVE_CARD_123)', async () => {
    const sim = await startTestSim();
    const res = await sim.inject(create(body({ key: 'SAVE_CARD_123' }))({ sim } as World));
    expect(res.statusCode).toBe(200);
    expect(sim.app.sim.ctx.store.intentByKey(sim.sandbox.id, 'SAVE_CARD_123')?.id).toBe(res.json().data.reference);
  });

  it.each([
    ['MPESA', '254712345678'],
    ['AIRTEL', '254733123456'],
  ])('the same process body is accepted when valid (%s %s), so the rows above fail on their fault only', async (type, m) => {
    const sim = await startTestSim();
    const w = await world(sim);
    const res = await sim.inject(pay({ type, payment: { mobile: m } })(w));
    expect(res.statusCode).toBe(200);
    expect(sim.app.sim.ctx.store.get('intents', w.fresh)?.attempts).toHaveLength(1);
  });
});

describe('the merchant key makes create intent safe to retry', () => {
  const reversed = (o: Record<string, unknown>): Record<string, unknown> =>
    Object.fromEntries(
      Object.entries(o)
        .reverse()
        .map(([k, v]) => [k, v && typeof v === 'object' && !Array.isArray(v) ? reversed(v as Record<string, unknown>) : v]),
    );
  const withData = body({
    key: 'RETRY1',
    payload: { billingAddress: { email: 'jane@example.com' }, customData: { order: 1042, lines: [{ sku: 'A', qty: 2 }] } },
  });
  const without = (field: string) => Object.fromEntries(Object.entries(body({ key: 'RETRY1' })).filter(([k]) => k !== field));

  it.each([
    ['the identical body', body({ key: 'RETRY1' }), body({ key: 'RETRY1' })],
    ['the identical body with its fields in another order, at every level', withData, reversed(withData)],
    ['currency left out, then KES sent', without('currency'), body({ key: 'RETRY1', currency: 'KES' })],
    ['expiresAt left out, then the default 30 sent', body({ key: 'RETRY1' }), body({ key: 'RETRY1', expiresAt: 30 })],
    ['no payload, then an empty one', without('payload'), { ...without('payload'), payload: {} }],
    ['no metadata, then an empty one', body({ key: 'RETRY1' }), body({ key: 'RETRY1', metadata: {} })],
  ])('answers the same reference for %s, and still holds one intent', async (_name, firstBody, againBody) => {
    const sim = await startTestSim();
    const first = await sim.inject(create(firstBody)({ sim } as World));
    expect(first.statusCode).toBe(200);
    const count = sim.app.sim.ctx.store.count('intents');
    const before = storeSnapshot(sim);

    const again = await sim.inject(create(againBody)({ sim } as World));
    expect(again.statusCode).toBe(200);
    expect(again.json().data).toEqual(first.json().data);
    expect(sim.app.sim.ctx.store.count('intents')).toBe(count);
    expect(storeSnapshot(sim)).toEqual(before);
  });

  it.each([
    ['another amount', { amount: 1501 }],
    ['another description', { description: 'Order 1043' }],
    ['another callbackUrl', { callbackUrl: 'https://merchant.example/other' }],
    ['an added returnUrl', { returnUrl: 'https://merchant.example/orders/1042' }],
    ['another expiresAt', { expiresAt: 31 }],
    ['other billing details', { payload: { billingAddress: { email: 'john@example.com' } } }],
    ['added customData', { payload: { billingAddress: { email: 'jane@example.com' }, customData: { order: 1042 } } }],
    ['added metadata', { metadata: { createCustomer: true } }],
  ])('answers 409 DUPLICATE_KEY for the same key with %s, and changes nothing', async (_name, change) => {
    const sim = await startTestSim();
    const first = (await sim.inject(create(body({ key: 'RETRY1' }))({ sim } as World))).json().data;
    const before = storeSnapshot(sim);

    const res = await sim.inject(create(body({ key: 'RETRY1', ...change }))({ sim } as World));
    expect(res.statusCode).toBe(409);
    expect(res.json().data.code).toBe('DUPLICATE_KEY');
    expect(res.json().data.message).toContain('RETRY1');
    expect(storeSnapshot(sim)).toEqual(before);
    expect(sim.app.sim.ctx.store.intentByKey(sim.sandbox.id, 'RETRY1')?.id).toBe(first.reference);
  });

  it.each([
    [
      'another value inside it',
      {
        order: 1042,
        lines: [
          { sku: 'A', qty: 3 },
          { sku: 'B', qty: 1 },
        ],
      },
    ],
    [
      'its list in another order',
      {
        order: 1042,
        lines: [
          { sku: 'B', qty: 1 },
          { sku: 'A', qty: 2 },
        ],
      },
    ],
    [
      'a field more',
      {
        order: 1042,
        lines: [
          { sku: 'A', qty: 2 },
          { sku: 'B', qty: 1 },
        ],
        note: null,
      },
    ],
  ])('compares customData as a whole JSON value: %s is another request', async (_name, customData) => {
    const sim = await startTestSim();
    const withCustomData = (data: unknown) => body({ key: 'RETRY1', payload: { billingAddress: { email: 'jane@example.com' }, customData: data } });
    const first = await sim.inject(
      create(
        withCustomData({
          order: 1042,
          lines: [
            { sku: 'A', qty: 2 },
            { sku: 'B', qty: 1 },
          ],
        }),
      )({ sim } as World),
    );
    expect(first.statusCode).toBe(200);
    expect((await sim.inject(create(withCustomData(customData))({ sim } as World))).json().data.code).toBe('DUPLICATE_KEY');
  });

  it('compares with the fields an intent stored, so one stored by an earlier version (with its requestHash) is retried as well', () => {
    const stored = { ...intent('3f0c1c64-4a5b-4c6d-8e7f-0a1b2c3d4e5f', 'mer_1', 'K1'), requestHash: 'from an earlier version' };
    const request = { amount: 100, description: 'Order K1', callbackUrl: 'https://merchant.example/cb', key: 'K1' };
    expect(isSameCreateRequest(stored, request)).toBe(true);
    expect(isSameCreateRequest(stored, { ...request, amount: 101 })).toBe(false);
  });
});

describe('no input produces a 5xx', () => {
  const shared = sharedTestSim(world);
  const deep = `{"amount":1,"payload":{"customData":${'['.repeat(2000)}${']'.repeat(2000)}}}`;
  const hostile: Array<[string, (w: World) => InjectOptions]> = [
    ['create: a JSON string', create('"hello"')],
    ['create: a JSON number', create('42')],
    ['create: true', create('true')],
    ['create: an empty object', create({})],
    ['create: 2000 nested arrays', create(deep)],
    ['create: amount 1e400 (Infinity)', create('{"amount":1e400,"description":"x","callbackUrl":"https://a.example","key":"K1"}')],
    ['create: a NUL in the key', create(body({ key: 'K\u00001' }))],
    ['create: emoji and RTL text everywhere', create(body({ description: '💸\u202e', payload: { customData: { '🙂': '\ud83d' } } }))],
    [
      'create: customData with every JSON type',
      create(body({ payload: { billingAddress: { phoneNumber: '+254' }, customData: [null, 1, 'a', true, { x: [] }] } })),
    ],
    ['create: 2 MiB body', create(body({ description: 'x'.repeat(2 * 1024 * 1024) }))],
    ['create: a tokenId that is not a UUID', (w) => ({ ...create(body())(w), url: '/api/payments/not-a-uuid/pay' })],
    ['create: Content-Type with a charset', create(body({ key: 'CHARSET1' }), { contentType: 'application/json; charset=utf-8' })],
    ['create: a Content-Type header and no body', create(undefined, { contentType: 'application/json' })],
    ['process: payment as an array', pay({ type: 'MPESA', payment: ['254712345678'] })],
    ['process: payment null', pay({ type: 'MPESA', payment: null })],
    [
      'process: CARDS with both card and customer',
      pay({
        type: 'CARDS',
        payment: { cc_number: '4000000000002701', cc_cvv: '123', cc_exp: '01/29', cc_name: 'J', customer: { id: '1FCA46377B709D13E0631E588D0AC763' } },
      }),
    ],
    ['process: type as an array', pay({ type: ['MPESA'], payment: { mobile: '254712345678' } })],
    [
      'process: a malformed percent-encoding in the path',
      () => ({ method: 'POST', url: '/pay/%E0%A4%A/process', payload: '{}', headers: { 'content-type': 'application/json' } }),
    ],
    [
      'process: a reference with a dot segment',
      () => ({ method: 'POST', url: '/pay/../process', payload: '{}', headers: { 'content-type': 'application/json' } }),
    ],
    ['process: longPoll given twice', pay(mobile('254712345678'), { query: '?longPoll=true&longPoll=false' })],
    ['status: a key with a percent-encoded NUL', () => ({ method: 'GET', url: '/api/payments-v2/a%00b', headers: { 'x-api-key': 'x' } })],
    ['status: X-API-KEY sent twice', (w) => ({ method: 'GET', url: '/api/payments-v2/PAID1', headers: { 'x-api-key': [w.sim.sandbox.apiKey, 'x'] } })],
    ['refund: amount with many decimals', refund({ amount: 0.000000001 })],
    ['refund: amount NaN-like string', refund('{"amount": NaN}')],
    [
      'merchant: currencies with 21 entries',
      newMerchant({ environment: 'sandbox', currencies: Array.from({ length: 21 }, (_, i) => `A${String.fromCharCode(65 + i)}A`) }),
    ],
    ['an unknown route', () => ({ method: 'POST', url: '/api/payments', payload: '{}', headers: { 'content-type': 'application/json' } })],
    ['a method the route does not take', () => ({ method: 'DELETE', url: '/api/refund/PAID1' })],
  ];

  it.each(hostile)('%s', async (_name, request) => {
    const w = shared();
    const sim = w.sim;
    const res = await sim.inject(request(w));
    expect(res.statusCode).toBeGreaterThanOrEqual(200);
    expect(res.statusCode).toBeLessThan(500);
    if (res.statusCode >= 400) {
      const data = res.json().data;
      expect(typeof data.code).toBe('string');
      expect(typeof data.message).toBe('string');
    }
  });
});

describe('the nesting limit', () => {
  const shared = sharedTestSim(world);
  // The root object is level 1, payload level 2, customData's value level 3: n arrays make n + 2 levels.
  const nested = (arrays: number) => `{"amount":1,"payload":{"customData":${'['.repeat(arrays)}${']'.repeat(arrays)}}}`;

  it(`takes a body nested ${MAX_JSON_DEPTH} levels deep to validation, and refuses one level more as maxDepth`, async () => {
    const w = shared();
    const atLimit = (await w.sim.inject(create(nested(MAX_JSON_DEPTH - 2))(w))).json().data;
    expect(atLimit.code).toBe('VALIDATION_ERROR');
    expect(atLimit.errors.map((e: { rule: string }) => e.rule)).not.toContain('maxDepth');
    const over = (await w.sim.inject(create(nested(MAX_JSON_DEPTH - 1))(w))).json().data;
    expect(over.errors).toEqual([{ field: 'body', rule: 'maxDepth', message: `must not nest deeper than ${MAX_JSON_DEPTH} levels` }]);
  });
});
