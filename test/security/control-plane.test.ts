// /_sim is fenced off from web pages (simulator/src/http/control-plane-guard.ts, decisions 0070 and 0071):
// no CORS unless SIM_CORS_ORIGINS lists the page's origin, no answer to a Host this simulator is not
// known by (DNS rebinding), and no state change asked by a page of another site (a form POST). The
// Little Pay API keeps its CORS for the official browser client (test/http/cors.test.ts).
import { describe, expect, it } from 'vitest';
import { CONTRACT_FILES } from '../../simulator/src/app.js';
import { ContractSet } from '../../simulator/src/http/contract.js';
import { sharedTestSim, startTestSim, storeSnapshot } from '../helpers/sim.js';

const EVIL = 'https://evil.example';
const simOperations = CONTRACT_FILES.flatMap((f) => new ContractSet().operations(f)).filter((op) => op.path.startsWith('/_sim'));

describe('CORS on /_sim', () => {
  it('gives a page of another site no CORS header, so it cannot read the merchants and their secrets', async () => {
    const sim = await startTestSim();
    const res = await sim.inject({ method: 'GET', url: '/_sim/merchants', headers: { origin: EVIL } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('does not allow the preflight of POST /_sim/reset from another site', async () => {
    const sim = await startTestSim();
    const res = await sim.inject({
      method: 'OPTIONS',
      url: '/_sim/reset',
      headers: { origin: EVIL, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['access-control-allow-methods']).toBeUndefined();
  });

  it('is given to the origins listed in SIM_CORS_ORIGINS, by name (never *)', async () => {
    const console = 'https://console.qa.example';
    const sim = await startTestSim({ corsOrigins: [console] });
    const preflight = await sim.inject({ method: 'OPTIONS', url: '/_sim/reset', headers: { origin: console, 'access-control-request-method': 'POST' } });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(console);
    expect(String(preflight.headers['access-control-allow-methods'])).toContain('POST');
    const reset = await sim.inject({ method: 'POST', url: '/_sim/reset', headers: { origin: console, 'sec-fetch-site': 'cross-site' } });
    expect(reset.statusCode).toBe(200);
    expect(reset.headers['access-control-allow-origin']).toBe(console);
    expect(reset.headers.vary).toContain('Origin');
    const other = await sim.inject({ method: 'GET', url: '/_sim/merchants', headers: { origin: EVIL } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('the Host /_sim answers to', () => {
  // Nothing below changes the store: one sim for the whole table.
  const shared = sharedTestSim(async (sim) => sim);
  it.each(simOperations.map((op) => [`${op.method} ${op.path}`, op] as const))(
    '%s: 403 naming SIM_ALLOWED_HOSTS for a host it is not known by',
    async (_name, op) => {
      const sim = shared();
      const before = storeSnapshot(sim);
      const url = op.path.replace(/\{(\w+)\}/g, (_m, p: string) => (p === 'merchantId' ? sim.sandbox.id : 'x'));
      const res = await sim.inject({
        method: op.method,
        url,
        headers: { host: 'attacker.example:3000', 'content-type': 'application/json' },
        ...(op.method === 'POST' ? { payload: '{}' } : {}),
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().data).toEqual({ code: 'FORBIDDEN', message: expect.stringContaining('SIM_ALLOWED_HOSTS') });
      expect(storeSnapshot(sim)).toEqual(before);
    },
  );

  it('guards the pages under /_sim and a percent-encoded /_sim path the same way', async () => {
    const sim = await startTestSim();
    for (const url of ['/_sim/ui', '/%5Fsim/merchants']) {
      const res = await sim.inject({ method: 'GET', url, headers: { host: 'rebind.attacker.example' } });
      expect(res.statusCode, url).toBe(403);
    }
  });

  it.each([
    ['an IPv4 literal', '127.0.0.1:3000', {}],
    ['an IPv6 literal', '[::1]:3000', {}],
    ['a LAN address', '192.168.1.20:3000', {}],
    ['localhost', 'localhost:3000', {}],
    ['a name under .localhost', 'shop.localhost', {}],
    ["PUBLIC_URL's host", 'sim.qa.example', { publicUrl: 'https://sim.qa.example' }],
    ['a listed host', 'littlepay-sim:3000', { allowedHosts: ['littlepay-sim'] }],
    ['a subdomain of a listed .domain', 'a.b.internal.example', { allowedHosts: ['.internal.example'] }],
    ['any host when SIM_ALLOWED_HOSTS is true', 'whatever.example', { allowedHosts: true as const }],
  ])('answers %s', async (_label, host, overrides) => {
    const sim = await startTestSim(overrides);
    const res = await sim.inject({ method: 'GET', url: '/_sim/merchants', headers: { host } });
    expect(res.statusCode).toBe(200);
  });

  it('leaves the Little Pay API and the checkout pages alone (their clients may use any name)', async () => {
    const sim = await startTestSim();
    const res = await sim.inject({ method: 'GET', url: '/api/payments-v2/NOPE', headers: { host: 'shop.example', 'x-api-key': sim.sandbox.apiKey } });
    expect(res.statusCode).toBe(404);
    expect(res.json().data.code).toBe('PAYMENT_NOT_FOUND');
  });
});

describe('cross-site request forgery', () => {
  it('a form POST from another site resets nothing', async () => {
    const sim = await startTestSim();
    await sim.inject({
      method: 'POST',
      url: '/_sim/merchants',
      headers: { 'content-type': 'application/json' },
      payload: { environment: 'sandbox', name: 'Kept' },
    });
    const before = storeSnapshot(sim);
    const res = await sim.inject({
      method: 'POST',
      url: '/_sim/reset',
      headers: { origin: EVIL, 'sec-fetch-site': 'cross-site', 'content-type': 'application/x-www-form-urlencoded' },
      payload: '',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().data.message).toContain('SIM_CORS_ORIGINS');
    expect(storeSnapshot(sim)).toEqual(before);
  });

  it.each([
    ['an Origin of another site (a browser without Sec-Fetch-Site)', { origin: EVIL }],
    ['a same-site page on another port', { 'sec-fetch-site': 'same-site', origin: 'http://localhost:5173' }],
    ['an opaque origin (a sandboxed frame)', { origin: 'null' }],
  ])('refuses %s', async (_label, headers) => {
    const sim = await startTestSim();
    const res = await sim.inject({ method: 'POST', url: `/_sim/merchants/${sim.sandbox.id}/reset`, headers });
    expect(res.statusCode).toBe(403);
  });

  it.each([
    ['a tool without a browser (no Origin, no Sec-Fetch-Site)', {}],
    ["the simulator's own page", { origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' }],
    ['an address typed in the browser bar', { 'sec-fetch-site': 'none' }],
    ['its own origin under the Host it was sent to', { host: '127.0.0.1:4000', origin: 'http://127.0.0.1:4000' }],
  ])('lets through %s', async (_label, headers) => {
    const sim = await startTestSim();
    const res = await sim.inject({ method: 'POST', url: `/_sim/merchants/${sim.sandbox.id}/reset`, headers });
    expect(res.statusCode).toBe(200);
  });

  it('never blocks a read: GET from another site is answered (without CORS the page cannot read it)', async () => {
    const sim = await startTestSim();
    const res = await sim.inject({ method: 'GET', url: '/_sim/health', headers: { origin: EVIL, 'sec-fetch-site': 'cross-site' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});
