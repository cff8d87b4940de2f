// Logs: one line per request (readable on a terminal, JSON otherwise), and no full card number or CVV in
// any line, whoever wrote it (simulator/src/runtime/logging.ts, runtime/card-masking.ts).
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../../simulator/src/app.js';
import { defaultConfig, type Config } from '../../simulator/src/config.js';
import { maskCardText as maskCardData, maskCardNumber } from '../../simulator/src/runtime/card-masking.js';
import { formatLogLine, resolveLogFormat } from '../../simulator/src/runtime/logging.js';
import { testKeys } from '../helpers/sim.js';

describe('maskCardData', () => {
  it.each([
    ['a JSON field', '{"payment":{"cc_number":"4111111111111111","cc_cvv":"123"}}', '{"payment":{"cc_number":"411111******1111","cc_cvv":"***"}}'],
    ['a JSON number (the line stays JSON)', '{"cc_number":4111111111111111,"cvv":123}', '{"cc_number":"411111******1111","cvv":"***"}'],
    [
      'a body echoed in a message',
      '{"msg":"bad JSON: {\\"cc_number\\": \\"5200000000002151\\", \\"cc_cvv\\": \\"000\\""}',
      '{"msg":"bad JSON: {\\"cc_number\\": \\"520000******2151\\", \\"cc_cvv\\": \\"***\\""}',
    ],
    [
      'a query string',
      '{"url":"/pay/r/process?cc_number=4000000000002701&cc_cvv=999&x=1"}',
      '{"url":"/pay/r/process?cc_number=400000******2701&cc_cvv=***&x=1"}',
    ],
    [
      'other spellings',
      '{"cardNumber":"4111 1111 1111 1111","securityCode":"1234","CVC":"12"}',
      '{"cardNumber":"411111******1111","securityCode":"***","CVC":"***"}',
    ],
    [
      'a bare number passing the Luhn check',
      '{"msg":"card 4111 1111 1111 1111 or 4111-1111-1111-1111"}',
      '{"msg":"card 411111******1111 or 411111******1111"}',
    ],
  ])('masks %s', (_what, line, masked) => {
    expect(maskCardData(line)).toBe(masked);
  });

  it.each([
    ['pino time and other JSON numbers', '{"level":30,"time":1795584000000,"responseTime":4111111111111111}'],
    ['a mobile number (12 digits)', '{"mobile":"254712345678"}'],
    ['digits that fail the Luhn check', '{"msg":"order 4111111111111112"}'],
    ['names that only contain a key', '{"company":"pan","xpan":"4111111111111112","cc_cvv_hint":"x"}'],
  ])('leaves %s alone', (_what, line) => {
    expect(maskCardData(line)).toBe(line);
  });

  it('keeps first six and last four only from 13 digits on', () => {
    expect(maskCardNumber('4222222222222')).toBe('422222***2222');
    expect(maskCardNumber('411111111111')).toBe('************');
  });
});

describe('formatLogLine (a terminal)', () => {
  const time = new Date(2026, 0, 2, 3, 4, 5, 67).getTime();

  it('writes a request as one line: time, method, URL, status, duration', () => {
    const line = JSON.stringify({
      level: 30,
      time,
      reqId: 'req-1',
      method: 'POST',
      url: '/pay/r/process',
      statusCode: 409,
      responseTime: 1.5,
      msg: 'POST /pay/r/process 409',
    });
    expect(formatLogLine(line)).toBe('03:04:05.067 POST /pay/r/process 409 1.5 ms');
    expect(formatLogLine(line, true)).toBe('\u001b[90m03:04:05.067\u001b[39m POST /pay/r/process \u001b[33m409\u001b[39m \u001b[90m1.5 ms\u001b[39m');
  });

  it('writes other lines with their level and fields, and the stack of an error', () => {
    expect(formatLogLine(JSON.stringify({ level: 40, time, pid: 1, hostname: 'h', msg: 'callback delivery failed', tries: 2, url: 'http://x' }))).toBe(
      '03:04:05.067 WARN  callback delivery failed tries=2 url=http://x',
    );
    const error = formatLogLine(
      JSON.stringify({ level: 50, time, msg: 'unexpected error', err: { message: 'boom', stack: 'Error: boom\n    at f (a.ts:1:1)' } }),
    );
    expect(error).toBe('03:04:05.067 ERROR unexpected error (boom)\n    at f (a.ts:1:1)');
  });

  it('keeps a line that is not JSON', () => {
    expect(formatLogLine('plain text\n')).toBe('plain text');
  });

  it('is chosen on a terminal, JSON otherwise, unless LOG_FORMAT says', () => {
    expect([resolveLogFormat('auto', true), resolveLogFormat('auto', false), resolveLogFormat('json', true), resolveLogFormat('pretty', false)]).toEqual([
      'pretty',
      'json',
      'json',
      'pretty',
    ]);
  });
});

describe('the simulator log', () => {
  let app: FastifyInstance | undefined;
  afterEach(() => app?.close());

  async function logged(logLevel: Config['logLevel'], requests: InjectOptions[]): Promise<Array<Record<string, unknown>>> {
    const lines: string[] = [];
    app = await buildApp({ config: defaultConfig({ logLevel }), keys: testKeys(), logStream: { write: (l: string) => lines.push(l) } });
    await app.ready();
    for (const r of requests) await app.inject(r);
    // A handler that logs a body it should not (the mask is the last line of defence).
    app.log.warn({ body: { type: 'CARDS', payment: { cc_number: '4111111111111111', cc_cvv: '123' } } }, 'echo 4111 1111 1111 1111');
    const all = lines.join('');
    expect(all).not.toMatch(/4111111111111111|4111 1111 1111 1111|"cc_cvv":"123"|5200000000002151/);
    return lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  }

  const card = (cc_number: string) => ({ type: 'CARDS', payment: { cc_number, cc_cvv: '123', cc_exp: '01/29', cc_name: 'Jane Doe' } });
  const requests: InjectOptions[] = [
    { method: 'POST', url: '/pay/nope/process', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(card('4111111111111111')) },
    {
      method: 'POST',
      url: '/pay/nope/process',
      headers: { 'content-type': 'application/json' },
      payload: `${JSON.stringify(card('5200000000002151')).slice(0, -2)},`,
    },
    { method: 'GET', url: '/_sim/health?cc_number=4111111111111111' },
    { method: 'GET', url: '/_sim/health' },
  ];

  it('has one JSON line per request with method, URL, status and time, and masks card data everywhere', async () => {
    const lines = await logged('debug', requests);
    const perRequest = lines.filter((l) => 'statusCode' in l);
    expect(perRequest.map((l) => [l.method, l.url, l.statusCode])).toEqual([
      ['POST', '/pay/nope/process', 404],
      ['POST', '/pay/nope/process', 400],
      ['GET', '/_sim/health?cc_number=411111******1111', 200],
      ['GET', '/_sim/health', 200],
    ]);
    for (const l of perRequest)
      expect(l).toMatchObject({
        reqId: expect.any(String),
        responseTime: expect.any(Number),
        msg: `${String(l.method)} ${String(l.url)} ${String(l.statusCode)}`,
      });
    expect(lines.at(-1)).toMatchObject({ msg: 'echo 411111******1111', body: { payment: { cc_number: '411111******1111', cc_cvv: '***' } } });
  });

  it('leaves a healthy /_sim/health out at info, where Docker polls it', async () => {
    const lines = await logged('info', requests);
    expect(lines.filter((l) => 'statusCode' in l).map((l) => l.url)).toEqual(['/pay/nope/process', '/pay/nope/process']);
  });
});
