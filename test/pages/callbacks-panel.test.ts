// The inspector's callback fragments (simulator/src/pages/callbacks-panel.ts): every attempt of the
// delivery log, the receiver-check report and an inbox, with whatever came from outside escaped.
import { describe, expect, it } from 'vitest';
import type { SimSchemas } from '../../client/src/index.js';
import { describeAnswer, escapeHtml, renderCallbackCheck, renderCallbackLog, renderInbox } from '../../simulator/src/pages/callbacks-panel.js';

const XSS = '<script>alert("x")</script>';

const callback: SimSchemas['Callback'] = {
  id: 'cb_0d6d1ff2a0c54f9e7b31',
  kind: 'payment',
  origin: 'replay',
  originalId: 'cb_aaaaaaaaaaaaaaaaaaaa',
  merchantId: 'mer_4f1c2a9b7d3e',
  reference: '1cbfffbc-b365-45f6-9e5d-13e445c125cd',
  url: `https://merchant.example/cb?x="${XSS}`,
  state: 'pending',
  body: { key: XSS, status: 'COMPLETED' },
  createdAt: '2026-01-01T00:00:03.000Z',
  nextAttemptAt: '2026-01-01T00:00:43.000Z',
  deliveries: [
    { at: '2026-01-01T00:00:03.000Z', ok: false, statusCode: 503, latencyMs: 4, responseSnippet: XSS },
    { at: '2026-01-01T00:00:13.000Z', ok: false, error: 'ECONNREFUSED', latencyMs: 1 },
    { at: '2026-01-01T00:00:23.000Z', ok: false, error: 'timeout', latencyMs: 10_000 },
  ],
};

describe('escapeHtml', () => {
  it('escapes the five HTML metacharacters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#60;/a&#62;');
  });
});

describe('describeAnswer', () => {
  it.each([
    [{ statusCode: 200, latencyMs: 12 }, '200 in 12 ms'],
    [{ error: 'ECONNREFUSED', latencyMs: 3 }, 'ECONNREFUSED after 3 ms'],
    [{ error: 'timeout' }, 'timeout'],
    [{}, 'no answer'],
  ])('%j reads "%s"', (answer, text) => {
    expect(describeAnswer(answer)).toBe(text);
  });
});

describe('renderCallbackLog', () => {
  it('shows each callback with every attempt, its state, next attempt and a replay button, escaping all', () => {
    const html = renderCallbackLog([callback]);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;');
    expect(html).toContain('payment · replay of <code>cb_aaaaaaaaaaaaaaaaaaaa</code> · <strong>pending</strong>');
    expect(html).toContain('Next attempt: <time datetime="2026-01-01T00:00:43.000Z">');
    const rows = html.match(/<tr class="(ok|failed)">.*?<\/tr>/g) ?? [];
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('<td>503 in 4 ms</td>');
    expect(rows[1]).toContain('<td>ECONNREFUSED after 1 ms</td>');
    expect(rows[2]).toContain('<td>timeout after 10000 ms</td>');
    expect(html).toContain('data-replay-url="/_sim/callbacks/cb_0d6d1ff2a0c54f9e7b31/replay"');
  });

  it('says when there is nothing yet, and when a callback has had no attempt', () => {
    expect(renderCallbackLog([])).toContain('No callbacks yet.');
    const fresh = renderCallbackLog([{ ...callback, deliveries: [], nextAttemptAt: null }]);
    expect(fresh).toContain('No attempt yet.');
    expect(fresh).not.toContain('Next attempt');
  });
});

describe('renderCallbackCheck', () => {
  const report: SimSchemas['CallbackCheck'] = {
    id: 'chk_1',
    merchantId: 'mer_4f1c2a9b7d3e',
    url: 'http://localhost:4000/cb',
    checkedAt: '2026-01-01T00:00:00.000Z',
    timeoutMs: 10_000,
    safe: false,
    summary: 'Unsafe: 4 of 5 cases passed (failed: tampered_body).',
    cases: [
      {
        name: 'tampered_body',
        description: 'd',
        expected: 'reject',
        ok: true,
        statusCode: 200,
        latencyMs: 2,
        passed: false,
        explanation: `Answered 200: ${XSS}`,
      },
      { name: 'valid', description: 'd', expected: 'accept', ok: true, statusCode: 200, latencyMs: 2, passed: true, explanation: 'Answered 200 in 2 ms.' },
    ],
  };

  it('shows the verdict, the summary and each case with its result and why', () => {
    const html = renderCallbackCheck(report, report.merchantId);
    expect(html).toContain('<h3>Receiver check: UNSAFE</h3>');
    expect(html).toContain('Unsafe: 4 of 5 cases passed (failed: tampered_body).');
    expect(html).not.toContain('<script>');
    expect(html.match(/<tr class="failed">/g)).toHaveLength(1);
    expect(html.match(/<tr class="passed">/g)).toHaveLength(1);
    expect(html).toContain('<td>tampered_body</td><td>reject</td><td>200 in 2 ms</td><td>FAIL</td>');
    expect(renderCallbackCheck({ ...report, safe: true }, report.merchantId)).toContain('Receiver check: safe');
  });

  it('tells how to run one when there is none', () => {
    expect(renderCallbackCheck(undefined, 'mer_x')).toContain('POST <code>/_sim/merchants/mer_x/callback-check</code>');
  });
});

describe('renderInbox', () => {
  it('lists the messages with their signature verdict and receiver-check case, escaped', () => {
    const html = renderInbox('shop-1', [
      { receivedAt: '2026-01-01T00:00:00.000Z', signatureValid: true, headers: {}, body: { status: 'COMPLETED' } },
      { receivedAt: '2026-01-01T00:00:01.000Z', signatureValid: false, headers: { 'x-littlepay-sim-check': 'tampered_body' }, body: { key: XSS } },
    ]);
    expect(html).toContain('<h3>Inbox <code>shop-1</code></h3>');
    expect(html).toContain('signature valid');
    expect(html).toContain('signature <strong>INVALID</strong> · receiver-check case <code>tampered_body</code>');
    expect(html).not.toContain('<script>');
    expect(renderInbox('empty', [])).toContain('Nothing received yet.');
  });
});
