// The API reference at /docs: both contracts rendered (every operation, every callback, the examples, the
// error codes), served under a policy that loads nothing from anywhere else, and built from the contracts
// as they are now (npm run check:generated fails CI on a stale one; this test fails npm test).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { errorCatalogue } from '../../simulator/src/domain/errors.js';
import { API_DOCS_FILE } from '../../simulator/src/pages/api-docs.js';
import { renderApiDocs } from '../../scripts/api-docs/index.js';
import { sharedTestSim } from '../helpers/sim.js';

const setup = sharedTestSim(async (sim) => sim);
const ROOT = new URL('../../', import.meta.url);
const contract = (file: string) =>
  parse(readFileSync(new URL(`contracts/${file}`, ROOT), 'utf8')) as Record<string, Record<string, Record<string, { operationId: string }>>>;
const operationIds = (file: string, key = 'paths') =>
  Object.values(contract(file)[key] ?? {}).flatMap((item) =>
    Object.values(item)
      .map((op) => op.operationId)
      .filter(Boolean),
  );

async function get(url: string) {
  return setup().inject({ method: 'GET', url });
}

describe('/docs', () => {
  it('is the generated reference of the current contracts', async () => {
    const committed = JSON.parse(readFileSync(API_DOCS_FILE, 'utf8'));
    expect(committed).toEqual(await renderApiDocs(ROOT));
  });

  it.each([
    ['/docs', 'littlepay.openapi.yaml'],
    ['/docs/simulator', 'simulator.openapi.yaml'],
  ])('%s has a section for every operation of %s, and links both references', async (url, file) => {
    const res = await get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    for (const id of operationIds(file)) expect(res.body, id).toContain(`<section class="op" id="${id}"`);
    expect(res.body).toContain('href="/docs"');
    expect(res.body).toContain('href="/docs/simulator"');
    expect(res.body).not.toMatch(/<script|style="|https?:\/\/[^"<\s]*\.(css|js)\b/);
    expect(res.body, 'a $ref left unresolved').not.toMatch(/>undefined<|undefined, </);
  });

  it('shows the callbacks with their payloads, the examples, and every error code once', async () => {
    const api = (await get('/docs')).body;
    const sim = (await get('/docs/simulator')).body;
    for (const id of operationIds('littlepay.openapi.yaml', 'webhooks')) expect(api).toContain(`<section class="op" id="${id}"`);
    expect(api).toContain('<code>tokenInformation.customer.id</code>'); // a field of the payment callback's body
    expect(api).toContain("<figcaption>Example: The Tokenization Guide's body (save the card for later)</figcaption>"); // a named request example
    expect(api).toContain('&quot;code&quot;: &quot;INTENT_COMPLETED&quot;'); // an error answer's example
    for (const code of Object.keys(errorCatalogue)) expect(`${api}${sim}`.split(`<code>${code}</code></th>`).length - 1, code).toBe(1);
  });

  it('is served under a strict Content-Security-Policy, with its stylesheet from itself', async () => {
    for (const url of ['/docs', '/docs/simulator', '/docs/reference.css']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-security-policy']).toBe(
        "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      );
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
    expect((await get('/docs/reference.css')).headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('is linked from the checkout page footer', async () => {
    const res = await get('/checkout/no-such-reference');
    expect(res.body).toContain('<a href="/docs">API reference</a>');
  });
});
