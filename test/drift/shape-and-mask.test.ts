// The two rules under every drift report: how two answers are compared by shape (formats, codes, fields,
// types, arrays), and how a recording is masked without changing what a replay compares.
import { describe, expect, it } from 'vitest';
import { maskValue } from '../../drift/mask.js';
import { runIdAt } from '../../drift/plan.js';
import { compareShape, formatOf } from '../../drift/shape.js';

describe('formats', () => {
  it.each([
    ['2026-12-06T00:12:45.223Z', 'date-time with milliseconds'],
    ['2026-12-06T00:12:45Z', 'date-time'],
    ['9e51db1f-b42a-4aa7-80e4-0f3ffa9be024', 'uuid'],
    ['https://pay.little.africa/pay/9e51db1f', 'url'],
    ['jane@example.com', 'email'],
    ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln', 'jwt'],
    ['+254712345678', 'phone with +'],
    ['254712345678', 'phone with country code'],
    ['0712345678', 'local phone'],
    ['2701', 'digits'],
    ['1FCA46377B709D13E0631E588D0AC763', 'upper-case hex'],
    ['01/29', 'MM/YY'],
    ['', 'empty'],
    ['COMPLETED', 'code COMPLETED'],
    ['MAKE_PAYMENT', 'code MAKE_PAYMENT'],
    ['QK8SD1T9XZ', 'text'],
    ['Request processed successfully', 'text'],
  ])('%s is %s', (value, format) => {
    expect(formatOf(value)).toBe(format);
  });
});

describe('compareShape', () => {
  it('compares values that legitimately differ by shape only', () => {
    const sim = {
      date: '2026-12-06T00:12:45.223Z',
      data: { reference: '9e51db1f-b42a-4aa7-80e4-0f3ffa9be024', amount: 1, message: 'Request processed successfully' },
    };
    const real = { date: '2025-01-01T08:00:00.000Z', data: { reference: '1cbfffbc-b365-45f6-9e5d-13e445c125cd', amount: 25, message: 'OK then' } };
    expect(compareShape(sim, real, 'body')).toEqual([]);
  });

  it('names a renamed field from both sides, a changed type, another code and another format', () => {
    const sim = { data: { checkoutUrl: 'https://a.example/x', amount: 1, status: 'COMPLETED', date: '2026-12-06T00:12:45.223Z', mobile: '254712345678' } };
    const real = { data: { checkoutURL: 'https://a.example/x', amount: '1', status: 'SUCCESS', date: '2026-12-06 00:12:45', mobile: '+254712345678' } };
    expect(compareShape(sim, real, 'body')).toEqual([
      { kind: 'missing', path: 'body.data.checkoutUrl', simulator: 'url', real: 'absent' },
      { kind: 'type', path: 'body.data.amount', simulator: 'number', real: 'string (digits)' },
      { kind: 'enum', path: 'body.data.status', simulator: 'code COMPLETED', real: 'code SUCCESS' },
      { kind: 'format', path: 'body.data.date', simulator: 'date-time with milliseconds', real: 'text' },
      { kind: 'format', path: 'body.data.mobile', simulator: 'phone with country code', real: 'phone with +' },
      { kind: 'extra', path: 'body.data.checkoutURL', simulator: 'absent', real: 'url' },
    ]);
  });

  it('compares array items pairwise under one path, each difference once, and says when the lengths differ', () => {
    const sim = {
      attempts: [
        { status: 'FAILED', date: '2026-12-06T00:12:45.223Z' },
        { status: 'COMPLETED', date: '2026-12-06T00:12:46.223Z' },
      ],
    };
    const real = { attempts: [{ status: 'FAILED' }] };
    expect(compareShape(sim, real, 'body')).toEqual([
      { kind: 'length', path: 'body.attempts', simulator: '2 items', real: '1 items' },
      { kind: 'missing', path: 'body.attempts[].date', simulator: 'date-time with milliseconds', real: 'absent' },
    ]);
  });

  it('treats null as a type of its own', () => {
    expect(compareShape({ stepUpUrl: null }, { stepUpUrl: 'https://acs.example' }, 'body')).toEqual([
      { kind: 'type', path: 'body.stepUpUrl', simulator: 'null', real: 'string (url)' },
    ]);
  });
});

describe('masking a recording', () => {
  const secrets = ['c0ffee0123456789', '6f1c0d55-3f7e-4d1a-9a55-0c1f2e3d4b5a'];

  it.each([
    ['a phone number', '254712345678'],
    ['a phone number with +', '+254712345678'],
    ['a card number', '4000000000002701'],
    ['an email', 'jane@example.com'],
    ['a JWT', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJKYW5lIn0.c2ln'],
    ['a saved-card token', '1FCA46377B709D13E0631E588D0AC763'],
    ['an expiry', '01/29'],
  ])('replaces %s with a stand-in of the same format', (_what, value) => {
    const masked = maskValue({ v: value }, secrets) as { v: string };
    expect(masked.v).not.toBe(value);
    expect(formatOf(masked.v)).toBe(formatOf(value));
  });

  it('masks a phone number that comes as a JSON number, keeping it a number, and leaves amounts alone', () => {
    const body = { mpesaResponse: { MobileNumber: 254712345678, ResultCode: 0 }, amount: 1500.5, payer: { PhoneNumber: 712345678 }, mobile: 2547 };
    expect(maskValue(body, secrets)).toEqual({
      mpesaResponse: { MobileNumber: 200000000000, ResultCode: 0 },
      amount: 1500.5,
      payer: { PhoneNumber: 700000000 },
      mobile: 2000,
    });
  });

  it('masks names and addresses by their field, credentials and numbers inside text and URLs, and keeps codes, dates and references', () => {
    const body = {
      date: '2026-12-06T00:12:45.223Z',
      status: 'COMPLETED',
      reference: '9e51db1f-b42a-4aa7-80e4-0f3ffa9be024',
      payload: { billingAddress: { firstName: 'Jane', lastName: 'Doe', address1: '1 Market St', country: 'US' } },
      message: 'Prompt sent to 254712345678 for merchant c0ffee0123456789',
      checkoutUrl: 'https://pay.example/6f1c0d55-3f7e-4d1a-9a55-0c1f2e3d4b5a/pay',
    };
    expect(maskValue(body, secrets)).toEqual({
      date: body.date,
      status: 'COMPLETED',
      reference: body.reference,
      payload: { billingAddress: { firstName: 'masked', lastName: 'masked', address1: 'masked', country: 'US' } },
      message: 'Prompt sent to 000000000000 for merchant masked',
      checkoutUrl: 'https://pay.example/masked/pay',
    });
  });
});

describe('run ids', () => {
  it.each([0, 1_733_450_000_000, parseInt('AAAAAA', 36) * 100, parseInt('ZZZZZZ', 36) * 100])(
    'at %i are six characters with a digit, so keys never read as codes',
    (ms) => {
      const id = runIdAt(ms);
      expect(id).toMatch(/^[0-9A-Z]{6}$/);
      expect(id).toMatch(/\d/);
      expect(formatOf(`DRIFT${id}A`)).toBe('text');
    },
  );
});
