// The console follows the control plane's protections (issue 20): it answers only to allowed hosts, refuses a
// form posted from another site's page, and every page, the sign-in form and the Rotate Key answer included,
// carries the strict Content-Security-Policy. The old inspector's address leads to the console.
import { describe, expect, it } from 'vitest';
import { createIntent, startTestSim, status } from '../helpers/sim.js';

const form = { 'content-type': 'application/x-www-form-urlencoded' };

describe("the console behind the control plane's protections", () => {
  it('sends the old inspector, /_sim/ui, to the console', async () => {
    const sim = await startTestSim();
    const res = await sim.inject({ url: '/_sim/ui' });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/_sim/console');
  });

  it('answers only to allowed hosts, like every /_sim page', async () => {
    const sim = await startTestSim();
    for (const url of ['/_sim/console', `/_sim/console/merchants/${sim.sandbox.id}`, '/_sim/console/events', '/_sim/ui']) {
      const res = await sim.inject({ url, headers: { host: 'rebind.attacker.example' } });
      expect(res.statusCode, url).toBe(403);
      expect(res.json().data.message).toContain('SIM_ALLOWED_HOSTS');
    }
  });

  it("refuses a form posted from another site's page, and takes one from its own", async () => {
    const sim = await startTestSim();
    const url = `/_sim/console/merchants/${sim.sandbox.id}/rotate-key`;
    const forged = [{ 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }, { origin: 'https://evil.example' }];
    for (const headers of forged) {
      const res = await sim.inject({ method: 'POST', url, headers: { ...form, ...headers }, payload: 'confirm=yes' });
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
    }
    await createIntent(sim, sim.sandbox, { key: 'STILL' });
    expect((await status(sim, sim.sandbox, 'STILL')).statusCode).toBe(200);

    const own = await sim.inject({
      method: 'POST',
      url: `/_sim/console/payments/nope/expire`,
      headers: { ...form, 'sec-fetch-site': 'same-origin', origin: 'http://localhost:3000', host: 'localhost:3000' },
      payload: '',
    });
    expect(own.statusCode).toBe(303);
  });

  it('serves every page under a strict Content-Security-Policy with no inline code', async () => {
    const sim = await startTestSim({ adminToken: 'csp-token' });
    const signIn = await sim.inject({ method: 'POST', url: '/_sim/console/sign-in', headers: form, payload: 'token=csp-token' });
    const cookie = String(signIn.headers['set-cookie']).split(';')[0]!;
    const intent = await createIntent(sim, sim.sandbox, { key: 'CSP1' });
    const pages = [
      { url: '/_sim/console/sign-in?next=%2F_sim%2Fconsole' },
      { url: '/_sim/console' },
      { url: `/_sim/console/payments/${intent.reference}` },
      { url: '/_sim/console/merchants' },
      { url: `/_sim/console/merchants/${sim.sandbox.id}` },
      { url: `/_sim/console/merchants/${sim.sandbox.id}/rotate-key`, method: 'POST' as const, payload: 'confirm=yes' },
    ];
    for (const { url, method, payload } of pages) {
      const res = await sim.inject({ url, method: method ?? 'GET', headers: { cookie, ...(method ? form : {}) }, ...(payload ? { payload } : {}) });
      expect(res.statusCode, url).toBe(200);
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toMatch(/default-src 'self'; script-src 'self'; style-src 'self';/);
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).not.toMatch(/unsafe-|https?:/);
      expect(res.body, url).not.toMatch(/<script(?![^>]*\bsrc="\/_sim\/console\/assets\/console\.js")[^>]*>|<style|\sstyle=|\son\w+=/);
      expect(res.body, url).not.toMatch(/(src|href)="(https?:)?\/\//);
      expect(res.body, url).not.toContain('csp-token');
    }
  });
});
