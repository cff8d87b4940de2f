// Signing in to the console when SIM_ADMIN_TOKEN is set: a form posts the token once and gets an HttpOnly,
// SameSite=Strict cookie for /_sim that the console and the /_sim operations accept. The token itself is
// never in a URL or the cookie.
import { describe, expect, it } from 'vitest';
import { startTestSim } from '../helpers/sim.js';

const TOKEN = 'console-admin-token-7';
const form = { 'content-type': 'application/x-www-form-urlencoded' };

async function signedIn() {
  const sim = await startTestSim({ adminToken: TOKEN });
  const res = await sim.inject({
    method: 'POST',
    url: '/_sim/console/sign-in',
    headers: form,
    payload: `token=${TOKEN}&next=${encodeURIComponent('/_sim/console/merchants')}`,
  });
  const setCookie = String(res.headers['set-cookie']);
  return { sim, res, setCookie, cookie: setCookie.split(';')[0]! };
}

describe('the console behind SIM_ADMIN_TOKEN', () => {
  it('sends a visitor without a session to the sign-in form, keeping where they were going', async () => {
    const sim = await startTestSim({ adminToken: TOKEN });
    const res = await sim.inject({ url: '/_sim/console/merchants?x=1' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/_sim/console/sign-in?next=${encodeURIComponent('/_sim/console/merchants?x=1')}`);
    const page = await sim.inject({ url: String(res.headers.location) });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('type="password"');
    expect((await sim.inject({ url: '/_sim/console/events' })).statusCode).toBe(303);
    expect((await sim.inject({ method: 'POST', url: '/_sim/console/merchants/x/reset', headers: form, payload: 'confirm=yes' })).statusCode).toBe(401);
    // The sign-in page's stylesheet needs no session.
    expect((await sim.inject({ url: '/_sim/console/assets/console.css' })).statusCode).toBe(200);
  });

  it('refuses a wrong token', async () => {
    const sim = await startTestSim({ adminToken: TOKEN });
    const res = await sim.inject({ method: 'POST', url: '/_sim/console/sign-in', headers: form, payload: 'token=nope' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('sets an HttpOnly, SameSite=Strict cookie for /_sim that is not the token, accepted by the console and by /_sim', async () => {
    const { sim, res, setCookie, cookie } = await signedIn();
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/_sim/console/merchants');
    expect(setCookie).toMatch(/; Path=\/_sim; HttpOnly; SameSite=Strict$/);
    expect(setCookie).not.toContain(TOKEN);
    expect((await sim.inject({ url: '/_sim/console', headers: { cookie } })).statusCode).toBe(200);
    expect((await sim.inject({ url: '/_sim/merchants', headers: { cookie } })).statusCode).toBe(200);
    expect((await sim.inject({ url: '/_sim/merchants' })).statusCode).toBe(401);
    expect((await sim.inject({ url: '/_sim/merchants', headers: { cookie: 'littlepay_sim_session=forged' } })).statusCode).toBe(401);
    // The Little Pay API never takes it.
    expect((await sim.inject({ url: '/api/payments-v2/K1', headers: { cookie } })).statusCode).toBe(401);
  });

  it('goes back only to a console page, and signs out', async () => {
    const sim = await startTestSim({ adminToken: TOKEN });
    for (const next of ['https://evil.example/', '//evil.example/_sim/console', '/_sim/merchants']) {
      const res = await sim.inject({ method: 'POST', url: '/_sim/console/sign-in', headers: form, payload: `token=${TOKEN}&next=${encodeURIComponent(next)}` });
      expect(res.headers.location, next).toBe('/_sim/console');
    }
    const cookie = String(
      (await sim.inject({ method: 'POST', url: '/_sim/console/sign-in', headers: form, payload: `token=${TOKEN}` })).headers['set-cookie'],
    ).split(';')[0]!;
    const out = await sim.inject({ method: 'POST', url: '/_sim/console/sign-out', headers: { cookie } });
    expect(out.headers['set-cookie']).toMatch(/^littlepay_sim_session=; Path=\/_sim; HttpOnly; SameSite=Strict; Max-Age=0/);
  });

  it('needs no sign-in without SIM_ADMIN_TOKEN', async () => {
    const sim = await startTestSim();
    expect((await sim.inject({ url: '/_sim/console' })).statusCode).toBe(200);
    expect((await sim.inject({ url: '/_sim/console/sign-in' })).headers.location).toBe('/_sim/console');
  });
});
