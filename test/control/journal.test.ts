// The request journal: per merchant, bounded (oldest dropped first), with method, path, status, duration
// and both bodies, card data masked.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mayHoldCardData, maskCardData } from '../../simulator/src/runtime/card-masking.js';
import { journal, newMerchant } from '../helpers/control.js';
import { basicAuth, createIntent, processMobile, startTestSim, status } from '../helpers/sim.js';

describe('the request journal', () => {
  it('records each call of the merchant with both bodies, and masks card data', async () => {
    const sim = await startTestSim();
    const m = sim.sandbox;
    const { reference } = await createIntent(sim, m, { key: 'J1' });
    const card = { type: 'CARDS', payment: { cc_number: '4000000000002701', cc_cvv: '123', cc_exp: '01/29', cc_name: 'Jane Doe' } };
    const cardRes = await sim.inject({ method: 'POST', url: `/pay/${reference}/process`, headers: { 'content-type': 'application/json' }, payload: card });
    await status(sim, m, 'J1');

    const { requests, dropped, limit } = await journal(sim, m);
    expect({ dropped, limit }).toEqual({ dropped: 0, limit: 200 });
    expect(requests.map((r) => [r.seq, r.method, r.path, r.operationId, r.status])).toEqual([
      [1, 'POST', `/api/payments/${m.tokenId}/pay`, 'createIntent', 200],
      [2, 'POST', `/pay/${reference}/process`, 'processPayment', cardRes.statusCode],
      [3, 'GET', '/api/payments-v2/J1', 'getPaymentStatus', 200],
    ]);
    expect(requests[0]).toMatchObject({ requestBody: { key: 'J1', amount: 1500 }, responseBody: { data: { reference } }, fault: null });
    expect(requests[0]!.durationMs).toBeGreaterThanOrEqual(0);
    expect(requests[1]!.requestBody).toEqual({
      type: 'CARDS',
      payment: { cc_number: '400000******2701', cc_cvv: '***', cc_exp: '01/29', cc_name: 'Jane Doe' },
    });
    expect(JSON.stringify(requests)).not.toContain('4000000000002701');
    expect(requests[2]!.requestBody).toBeNull();
  });

  it('is per merchant, and attributes a refused call to the owner of the Token ID it names', async () => {
    const sim = await startTestSim();
    const other = await newMerchant(sim);
    await createIntent(sim, other, { key: 'THEIRS' });
    const refused = await sim.inject({
      method: 'POST',
      url: `/api/payments/${sim.sandbox.tokenId}/pay`,
      headers: { authorization: basicAuth({ clientId: sim.sandbox.clientId, clientSecret: 'AAAAAAAAAAAAAAAAAAAAAA==' }), 'content-type': 'application/json' },
      payload: {},
    });
    expect(refused.statusCode).toBe(401);
    const mine = await journal(sim, sim.sandbox);
    expect(mine.requests).toEqual([
      expect.objectContaining({
        operationId: 'createIntent',
        status: 401,
        responseBody: expect.objectContaining({ data: expect.objectContaining({ code: 'UNAUTHORIZED' }) }),
      }),
    ]);
    expect((await journal(sim, other)).requests.map((r) => r.requestBody)).toEqual([expect.objectContaining({ key: 'THEIRS' })]);
    // /_sim calls are not the merchant's API traffic.
    expect(JSON.stringify(mine)).not.toContain('/_sim');
  });

  it('keeps at most JOURNAL_SIZE entries, dropping the oldest first', async () => {
    const sim = await startTestSim({ journalSize: 3 });
    for (let i = 1; i <= 5; i++) await status(sim, sim.sandbox, `K${i}`);
    const j = await journal(sim, sim.sandbox);
    expect(j).toMatchObject({ limit: 3, dropped: 2 });
    expect(j.requests.map((r) => [r.seq, r.path])).toEqual([
      [3, '/api/payments-v2/K3'],
      [4, '/api/payments-v2/K4'],
      [5, '/api/payments-v2/K5'],
    ]);
  });

  it('keeps a note of the size instead of a body over 64 KiB', async () => {
    const sim = await startTestSim();
    const big = 'x'.repeat(70_000);
    await createIntent(sim, sim.sandbox, {
      key: 'BIG1',
      payload: { billingAddress: { firstName: 'J', lastName: 'D', email: 'j@example.com' }, customData: { note: big } },
    });
    await status(sim, sim.sandbox, 'BIG1');
    const [created, read] = (await journal(sim, sim.sandbox)).requests;
    expect(created!.requestBody).toMatch(/^\(\d+ bytes, not kept: over 65536\)$/);
    expect(read!.responseBody).toMatch(/^\(\d+ bytes, not kept: over 65536\)$/);
    expect(read!.status).toBe(200);
  });

  it('records a long poll when it is answered, with the time it was held', async () => {
    const sim = await startTestSim();
    const { reference } = await createIntent(sim, sim.sandbox);
    const held = processMobile(sim, reference, 'MPESA', '254712345678', true);
    expect((await journal(sim, sim.sandbox)).requests).toHaveLength(1);
    await sim.inject({
      method: 'POST',
      url: `/_sim/merchants/${sim.sandbox.id}/clock`,
      headers: { 'content-type': 'application/json' },
      payload: { action: 'advance', by: '3s' },
    });
    await held;
    const last = (await journal(sim, sim.sandbox)).requests.at(-1)!;
    expect(last).toMatchObject({
      operationId: 'processPayment',
      path: `/pay/${reference}/process?longPoll=true`,
      at: '2026-01-01T00:00:03.000Z',
      responseBody: { data: { status: 'COMPLETED' } },
    });
  });
});

describe('maskCardData', () => {
  it.each([
    [
      { cc_number: '5200000000002151', cc_cvv: '000' },
      { cc_number: '520000******2151', cc_cvv: '***' },
    ],
    [{ card: { number: '4000 0000 0000 2701', cvc: 123 } }, { card: { number: '400000******2701', cvc: '***' } }],
    [{ note: 'paid with 4000000000002701, thanks' }, { note: 'paid with 400000******2701, thanks' }],
    [{ note: 'order 1234567890123 ships' }, { note: 'order 1234567890123 ships' }],
    [{ anywhere: ['4000000000002701'] }, { anywhere: ['400000******2701'] }],
    [
      { mobile: '254712345678', phoneNumber: '2547123456789' },
      { mobile: '254712345678', phoneNumber: '2547123456789' },
    ],
    [
      { amount: 1500, key: 'ORDER1042', ok: true, none: null },
      { amount: 1500, key: 'ORDER1042', ok: true, none: null },
    ],
  ])('%j → %j', (input, expected) => {
    expect(maskCardData(input)).toEqual(expected);
  });
});

describe('mayHoldCardData (the journal keeps a body as text only when it says false)', () => {
  // Values built from the pieces card data is made of, so that near misses are common.
  const piece = fc.constantFrom(
    '4000000000002701',
    '4000 0000 0000 2701',
    '4000-0000-0000-2701',
    '40000000000',
    '254712345678',
    '123',
    ' ',
    '-',
    'x',
    'é',
    '\n',
    '"',
    '\u00a0',
  );
  const text = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(''));
  const key = fc.constantFrom('cvv', 'CVC2', 'cc_cvv', 'security_code', 'securityCode', 'number', 'pan', 'mobile', 'note', 'key');
  const json = fc.letrec((tie) => ({
    value: fc.oneof(
      { maxDepth: 3 },
      text,
      fc.integer(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 3 }),
      fc.dictionary(key, tie('value'), { maxKeys: 3 }),
    ),
  })).value;

  it('is true whenever masking would change the body', () => {
    fc.assert(
      fc.property(json, (value) => {
        if (!mayHoldCardData(JSON.stringify(value))) expect(maskCardData(value)).toEqual(value);
      }),
      { numRuns: 3000 },
    );
  });

  it('is false for an ordinary create-intent body, which is then kept without a copy', () => {
    const body = {
      amount: 1500,
      currency: 'KES',
      description: 'Order 1042',
      callbackUrl: 'https://shop.example/cb',
      key: 'ORDER1042',
      payload: { billingAddress: { firstName: 'Jane', email: 'jane@example.com' } },
    };
    expect(mayHoldCardData(JSON.stringify(body))).toBe(false);
    expect(mayHoldCardData(JSON.stringify({ ...body, description: 'card 4000 0000 0000 2701' }))).toBe(true);
    expect(mayHoldCardData('{"cc_number":"\\u0034000000000002701"}')).toBe(true);
  });

  it('is false for a mobile-money payment: a 12-digit mobile number is no card number', () => {
    expect(mayHoldCardData(JSON.stringify({ type: 'MPESA', payment: { mobile: '254712345678' } }))).toBe(false);
    expect(mayHoldCardData('/api/payments/status?mobile=254712345678')).toBe(false);
    // Under a card-number key 12 digits are masked whole, so the key alone says "maybe".
    expect(mayHoldCardData('{"cc_number":"254712345678"}')).toBe(true);
    expect(mayHoldCardData('{"pan":254712345678}')).toBe(true);
    expect(maskCardData({ pan: 254712345678 })).toEqual({ pan: '************' });
    // 13 digits are a card number's shortest.
    expect(mayHoldCardData('{"note":"4222222222222"}')).toBe(true);
  });
});
