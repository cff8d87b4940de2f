// Card numbers however a client sends them (simulator/src/runtime/card-masking.ts, the one masker): a JSON
// number, a path, a query string, a header, free text next to other digits, a longer run of digits. None may
// reach a log line, the request journal, the store or a /_sim answer whole. Seen before: maskCardData("card
// 4000000000002701 123") returned its input, and a status read by a card number logged it in "msg" and kept
// it in the journal's path and answer.
import { describe, expect, it } from 'vitest';
import { maskCardData, maskCardText } from '../../simulator/src/runtime/card-masking.js';
import { journal } from '../helpers/control.js';
import { basicAuth, createIntent, intentBody, startTestSim } from '../helpers/sim.js';

const PAN = '4000000000002701';

describe('maskCardText', () => {
  it.each([
    ['digits after the number', 'card 4000000000002701 123', 'card 400000******2701 123'],
    ['digits before it', 'ref 12 4000000000002701', 'ref 12 400000******2701'],
    ['a path in a log message', '{"msg":"GET /api/payments-v2/4000000000002701 404"}', '{"msg":"GET /api/payments-v2/400000******2701 404"}'],
    ['a query parameter of any name', '/api/payments-v2/K?card=4000000000002701&x=1', '/api/payments-v2/K?card=400000******2701&x=1'],
    ['a grouped number followed by a CVV', 'pay 4111 1111 1111 1111 737', 'pay 411111******1111 737'],
  ])('masks %s', (_label, text, masked) => {
    expect(maskCardText(text)).toBe(masked);
  });

  it('finds a card number inside a longer run of digits', () => {
    for (const text of [`99${PAN}`, `${PAN}99`, `7${PAN}12345`]) {
      const masked = maskCardText(`id ${text} end`);
      expect(masked, text).not.toContain(PAN);
      expect(masked, text).not.toMatch(/\d{11}/);
    }
  });

  it('leaves pino times, mobile numbers and short digits alone', () => {
    const line = '{"level":30,"time":1795584000000,"mobile":"254712345678","msg":"order 1234567890123 and 254712345678"}';
    expect(maskCardText(line)).toBe(line);
  });
});

describe('maskCardData', () => {
  it('masks a cc_number sent as a JSON number, and a CVV sent as one', () => {
    expect(maskCardData({ payment: { cc_number: 4000000000002701, cc_cvv: 737 } })).toEqual({ payment: { cc_number: '400000******2701', cc_cvv: '***' } });
  });

  it('masks a card number in free text next to other digits', () => {
    expect(maskCardData({ description: 'card 4000000000002701 123' })).toEqual({ description: 'card 400000******2701 123' });
  });
});

describe('card numbers sent every way, end to end', () => {
  it('never reach a log line, the journal, the store or a /_sim answer', async () => {
    const lines: string[] = [];
    const sim = await startTestSim({ logLevel: 'trace' }, { logStream: { write: (line) => void lines.push(line) } });
    const status = (path: string, headers: Record<string, string> = {}) =>
      sim.inject({ method: 'GET', url: path, headers: { 'x-api-key': sim.sandbox.apiKey, ...headers } });
    // A path, a query string, a header.
    expect((await status(`/api/payments-v2/${PAN}`)).statusCode).toBe(404);
    expect((await status(`/api/payments-v2/ORDER1?card=${PAN}`)).statusCode).toBe(404);
    expect((await status('/api/payments-v2/ORDER1', { 'x-card': PAN })).statusCode).toBe(404);
    expect((await sim.inject({ method: 'GET', url: '/api/payments-v2/ORDER1', headers: { 'x-api-key': PAN } })).statusCode).toBe(401);
    // Free text next to other digits, and a JSON number.
    await createIntent(sim, sim.sandbox, { key: 'FREE1', description: `card ${PAN} 123` });
    const intent = await createIntent(sim, sim.sandbox, { key: 'NUM1' });
    const asNumber = await sim.inject({
      method: 'POST',
      url: `/pay/${intent.reference}/cspaToken`,
      headers: { 'content-type': 'application/json' },
      payload: `{"type":"CARDS","payment":{"cc_number":${PAN},"cc_cvv":737,"cc_exp":"01/30","cc_name":"J"}}`,
    });
    expect(asNumber.statusCode).toBe(400);
    // A key is looked up as it is: one that holds a card number is refused rather than stored.
    const byKey = await sim.inject({
      method: 'POST',
      url: `/api/payments/${sim.sandbox.tokenId}/pay`,
      headers: { authorization: basicAuth(sim.sandbox), 'content-type': 'application/json' },
      payload: intentBody({ key: `K${PAN}1` }),
    });
    expect(byKey.statusCode).toBe(400);
    expect(byKey.json().data.errors[0]).toMatchObject({ field: 'body.key', rule: 'notCardNumber' });
    const stored = (await status('/api/payments-v2/FREE1')).json().data;
    expect(stored.description).toBe('card 400000******2701 123');

    const kept = JSON.stringify(await journal(sim, sim.sandbox));
    const store = JSON.stringify(sim.app.sim.ctx.store.collections.map((c) => [...sim.app.sim.ctx.store.all(c)]));
    const answers = await Promise.all(
      ['/_sim/merchants', `/_sim/merchants/${sim.sandbox.id}/requests`, `/_sim/merchants/${sim.sandbox.id}/intents`, '/_sim/callbacks'].map(
        async (url) => (await sim.inject({ method: 'GET', url })).body,
      ),
    );
    expect(kept).toContain('400000******2701');
    for (const [where, text] of [
      ['the logs', lines.join('')],
      ['the journal', kept],
      ['the /_sim answers', answers.join('')],
      ['the store', store],
    ] as const) {
      expect(text.includes(PAN), `${PAN} in ${where}`).toBe(false);
      expect(text, `CVV in ${where}`).not.toMatch(/"cc_cvv":\s*"?737/);
    }
  });
});
