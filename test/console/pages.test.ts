// The console's pages as the server renders them (what a browser with JavaScript off gets): the payments
// list with its search and filters and pages, the timeline, the merchant page, hostile values escaped,
// a strict Content-Security-Policy with no inline script or style, and forms that call /_sim operations.
import { describe, expect, it } from 'vitest';
import { createIntent, processMobile, startTestSim, status, type TestSim } from '../helpers/sim.js';

const form = { 'content-type': 'application/x-www-form-urlencoded' };
const get = (sim: TestSim, url: string) => sim.inject({ method: 'GET', url });
const rowsOf = (html: string) => [...html.matchAll(/<tr data-reference="([^"]+)"/g)].map((m) => m[1]);

describe('the payments page', () => {
  it('lists payments newest first, server-rendered, under a strict CSP with no inline code', async () => {
    const sim = await startTestSim();
    const a = await createIntent(sim, sim.sandbox, { key: 'FIRST' });
    const b = await createIntent(sim, sim.sandbox2, { key: 'SECOND' });
    const res = await get(sim, '/_sim/console');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(rowsOf(res.body)).toEqual([b.reference, a.reference]);
    expect(res.body).not.toMatch(/<script>|<script(?![^>]*\bsrc=)[^>]*>|<style|\sstyle=/);
    expect(res.body).toContain('<script src="/_sim/console/assets/console.js" defer></script>');
    expect((await get(sim, '/_sim/console/assets/console.js')).headers['content-type']).toMatch(/^text\/javascript/);
    expect((await get(sim, '/_sim/console/assets/console.css')).headers['content-type']).toMatch(/^text\/css/);
  });

  it('finds a payment by reference, key, phone number in any format, or the start of one', async () => {
    const sim = await startTestSim();
    const paid = await createIntent(sim, sim.sandbox, { key: 'Order_42' });
    await createIntent(sim, sim.sandbox, { key: 'OTHER' });
    await processMobile(sim, paid.reference, 'MPESA', '254712345678');
    for (const q of [paid.reference, 'order_42', '254712345678', '+254 712 345 678', '0712345678', 'Order_4']) {
      expect(rowsOf((await get(sim, `/_sim/console?q=${encodeURIComponent(q)}`)).body), q).toEqual([paid.reference]);
    }
    expect((await get(sim, '/_sim/console?q=nothing-like-it')).body).toContain('No payment matches these filters.');
  });

  it('filters by status, provider, environment, merchant and date, and pages 25 at a time', async () => {
    const sim = await startTestSim();
    const refs: string[] = [];
    for (let i = 0; i < 27; i++) refs.push((await createIntent(sim, sim.sandbox, { key: `P${i}` })).reference);
    const live = await createIntent(sim, sim.production, { key: 'LIVE1', currency: 'KES' });
    await processMobile(sim, refs[0]!, 'AIRTEL', '254733000000');

    const first = await get(sim, '/_sim/console');
    expect(rowsOf(first.body)).toEqual([live.reference, ...refs.slice(3).reverse()]);
    const older = /href="(\/_sim\/console\?before=[^"]+)" rel="next"/.exec(first.body)![1]!.replace(/&amp;/g, '&');
    expect(rowsOf((await get(sim, older)).body)).toEqual(refs.slice(0, 3).reverse());

    expect(rowsOf((await get(sim, '/_sim/console?environment=production')).body)).toEqual([live.reference]);
    expect(rowsOf((await get(sim, `/_sim/console?merchant=${sim.production.id}`)).body)).toEqual([live.reference]);
    expect(rowsOf((await get(sim, '/_sim/console?provider=AIRTEL')).body)).toEqual([refs[0]]);
    expect(rowsOf((await get(sim, '/_sim/console?status=PENDING&provider=AIRTEL')).body)).toEqual([refs[0]]);
    expect(rowsOf((await get(sim, '/_sim/console?from=2030-01-01')).body)).toEqual([]);
    expect(rowsOf((await get(sim, '/_sim/console?to=2025-12-31')).body)).toEqual([]);
    // Both ends of the date range are whole days, included.
    expect(rowsOf((await get(sim, '/_sim/console?from=2026-01-01&to=2026-01-01&environment=production')).body)).toEqual([live.reference]);
    // A malformed filter is left out, not refused.
    expect((await get(sim, '/_sim/console?status=maybe&from=yesterday')).statusCode).toBe(200);
  });

  it('escapes whatever came from an integrator', async () => {
    const sim = await startTestSim();
    const xss = '<img src=x onerror=alert(1)>';
    const intent = await createIntent(sim, sim.sandbox, { key: 'XSS1', description: xss });
    for (const url of ['/_sim/console', `/_sim/console/payments/${intent.reference}`, `/_sim/console?q=${encodeURIComponent(xss)}`]) {
      const body = (await get(sim, url)).body;
      expect(body, url).not.toContain('<img');
    }
  });
});

describe('the payment page', () => {
  it('shows the timeline and answers the PIN prompt from a plain form, through the /_sim operation', async () => {
    const sim = await startTestSim();
    const intent = await createIntent(sim, sim.sandbox, { key: 'T1', amount: 100 });
    await processMobile(sim, intent.reference, 'MPESA', '254712345678');
    const page = `/_sim/console/payments/${intent.reference}`;
    const before = (await get(sim, page)).body;
    expect(before).toContain('Intent created');
    expect(before).toContain('Payment attempt: MPESA to 254712345678');
    expect(before).toContain('name="outcome"');

    const res = await sim.inject({ method: 'POST', url: `${page}/resolve`, headers: form, payload: 'outcome=wrong_pin' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(new RegExp(`^${page}\\?notice=`));
    expect((await status(sim, sim.sandbox, 'T1')).json().data.status).toBe('FAILED');
    await sim.advance(0);
    const after = (await get(sim, res.headers.location as string)).body;
    expect(after).toContain('Answered as wrong_pin: the payment is FAILED.');
    expect(after).toMatch(/Callback delivered[\s\S]*HTTP 200 in \d+ ms/);
    expect(after).toContain('X-LittlePay-Signature');
    expect(after).toContain('Status read → 200');
    // A refused action comes back as the operation's own message.
    const again = await sim.inject({ method: 'POST', url: `${page}/resolve`, headers: form, payload: 'outcome=success' });
    expect(decodeURIComponent(String(again.headers.location))).toContain('kind=error');
  });

  it("replays a callback and checks the receiver at the payment's callbackUrl from its forms", async () => {
    const sim = await startTestSim();
    const intent = await createIntent(sim, sim.sandbox, { key: 'T2', amount: 100, callbackUrl: 'http://receiver.test/littlepay' });
    await processMobile(sim, intent.reference, 'MPESA', '254712345678');
    await sim.advance(3000);
    const page = `/_sim/console/payments/${intent.reference}`;
    const callback = /name="callback" value="([^"]+)"/.exec((await get(sim, page)).body)![1]!;
    const replay = await sim.inject({ method: 'POST', url: `${page}/replay`, headers: form, payload: `callback=${callback}` });
    expect(decodeURIComponent(String(replay.headers.location)).replace(/\+/g, ' ')).toMatch(/Callback queued again as cb_\w+\./);
    await sim.advance(0);
    expect(sim.sent.filter((s) => s.url === 'http://receiver.test/littlepay')).toHaveLength(2);

    // The test sim's receiver answers 200 to everything, forgeries too: unsafe.
    const check = await sim.inject({ method: 'POST', url: `${page}/check`, headers: form, payload: '' });
    expect(decodeURIComponent(String(check.headers.location)).replace(/\+/g, ' ')).toContain('Receiver check: unsafe.');
    const report = (await sim.inject({ url: `/_sim/merchants/${sim.sandbox.id}/callback-check` })).json();
    expect(report).toMatchObject({ url: 'http://receiver.test/littlepay', safe: false });
    expect((await get(sim, page)).body).toMatch(/Last check \([^)]+\): <strong>unsafe<\/strong>/);
  });

  it('answers 404 with the list for an unknown reference', async () => {
    const sim = await startTestSim();
    const res = await get(sim, '/_sim/console/payments/nope');
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('No payment has the reference nope.');
  });
});

describe('the merchant page', () => {
  it('hides credentials until revealed and rotates the key on a confirmed form, showing the new ones once', async () => {
    const sim = await startTestSim();
    const m = sim.sandbox;
    const page = (await get(sim, `/_sim/console/merchants/${m.id}`)).body;
    expect(page).toMatch(
      new RegExp(`<details class="secret"><summary>Reveal <span class="visually-hidden">API key</span></summary><code[^>]*>${m.apiKey}</code>`),
    );
    const res = await sim.inject({ method: 'POST', url: `/_sim/console/merchants/${m.id}/rotate-key`, headers: form, payload: 'confirm=yes' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const rotated = sim.app.sim.ctx.store.get('merchants', m.id)!;
    expect(res.body).toContain(rotated.apiKey);
    expect(rotated.apiKey).not.toBe(m.apiKey);
    expect((await status(sim, m, 'ANY')).statusCode).toBe(401);
  });

  it('advances the clock and queues outcomes from forms', async () => {
    const sim = await startTestSim();
    const m = sim.sandbox;
    const clock = await sim.inject({ method: 'POST', url: `/_sim/console/merchants/${m.id}/clock`, headers: form, payload: 'action=advance&by=31m' });
    expect(decodeURIComponent(String(clock.headers.location)).replace(/\+/g, ' ')).toContain('Clock frozen at 2026-01-01T00:31:00.000Z');
    await sim.inject({
      method: 'POST',
      url: `/_sim/console/merchants/${m.id}/outcomes`,
      headers: form,
      payload: 'provider=MPESA&outcomes=wrong_pin%2C+success',
    });
    expect((await sim.inject({ url: `/_sim/merchants/${m.id}/outcomes` })).json().queues).toEqual({ MPESA: ['wrong_pin', 'success'] });
    const bad = await sim.inject({ method: 'POST', url: `/_sim/console/merchants/${m.id}/clock`, headers: form, payload: 'action=advance&by=soon' });
    expect(decodeURIComponent(String(bad.headers.location))).toContain('kind=error');
  });
});
