// The QA console in headless Chromium, doing what QA does (issue 22): a payment created through the API
// appears in the list without a reload; open it; answer the PIN prompt as "cancelled" and see FAILED, the
// callback and its delivery; pay again; refund part of it; rotate the merchant's key and see the old key
// refused by the API. Every console page (the Rotate Key answer and the sign-in form included) is screenshotted
// at 1280x800 and 390x844 into test-results/console/ and checked for sideways scroll and axe-core's serious or
// critical violations. Live updates are proven to come by server-sent event, not by polling.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, launchBrowser, listeningTestSim, type TestBrowser } from '../helpers/browser.js';
import { checkConsolePage, watchProblems } from '../helpers/console-page.js';
import { createIntent, processMobile, status, type Merchant, type TestSim } from '../helpers/sim.js';

const setup = listeningTestSim();
const ADMIN_TOKEN = 'qa-console-token-41';
const guarded = listeningTestSim({ adminToken: ADMIN_TOKEN });
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

let browser: TestBrowser;
let page: Page;
let problems: string[];

const base = (sim: TestSim) => sim.app.sim.ctx.publicUrl();
const statusBadge = () => page.locator('#status-badge .badge');

/** Waits for the page's live region to show the text: it must come by server-sent event, never a reload. */
async function liveText(selector: string, text: string | RegExp): Promise<void> {
  await page.locator(selector, { hasText: text }).first().waitFor({ timeout: 10_000 });
}

describeInBrowser('the QA console, as QA uses it', () => {
  beforeAll(async () => {
    browser = await launchBrowser(DESKTOP);
    page = await browser.context.newPage();
    problems = watchProblems(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  let reference = '';
  let merchant: Merchant;
  let oldApiKey = '';
  const visited: Array<{ name: string; url: string }> = [];

  it('shows a payment created through the API without a reload, pushed by a server-sent event, and opens it', async () => {
    const sim = setup();
    merchant = sim.sandbox;
    // What the page receives on its event stream, as Chromium's DevTools protocol reports it.
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.enable');
    const events: string[] = [];
    cdp.on('Network.eventSourceMessageReceived', (m) => events.push(m.eventName));
    const streams: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'eventsource') streams.push(new URL(r.url()).pathname);
    });
    const catchUp = page.waitForRequest((r) => r.headers()['x-console-refresh'] === '1');
    await page.goto(`${base(sim)}/_sim/console`);
    await page.locator('#live-state', { hasText: 'Live' }).waitFor();
    await (await catchUp).response();
    expect(streams).toEqual(['/_sim/console/events']);

    const refreshes: number[] = [];
    page.on('request', (r) => {
      if (r.headers()['x-console-refresh'] === '1') refreshes.push(events.length);
    });
    const navigations: string[] = [];
    page.on('framenavigated', (f) => navigations.push(f.url()));
    const intent = await createIntent(sim, merchant, { key: 'QA_ORDER_1', amount: 1500, description: 'Blue kikoi' });
    reference = intent.reference;
    await page.locator(`tr[data-reference="${reference}"]`).waitFor({ timeout: 10_000 });
    expect(navigations).toEqual([]);
    // Not polling: the list was fetched again only after a change event had arrived.
    expect(events).toContain('change');
    expect(refreshes.length).toBeGreaterThan(0);
    expect(refreshes.every((seen) => seen > 0)).toBe(true);
    await cdp.detach();
    visited.push({ name: 'payments', url: page.url() });

    await page.getByRole('link', { name: 'QA_ORDER_1' }).click();
    await page.waitForURL(`**/_sim/console/payments/${reference}`);
    expect(await statusBadge().innerText()).toBe('PENDING');
  });

  it('answers the PIN prompt as cancelled: FAILED, the callback and its delivery attempt', async () => {
    const sim = setup();
    expect((await processMobile(sim, reference, 'MPESA', '254712345678')).statusCode).toBe(200);
    // The answer form appears by itself once the attempt waits on the shopper.
    await page.locator('#a-outcome').waitFor({ timeout: 10_000 });
    await page.selectOption('#a-outcome', 'cancelled_by_user');
    await page.getByRole('button', { name: 'Answer now' }).click();
    await page.locator('#notice', { hasText: 'Answered as cancelled_by_user: the payment is FAILED' }).waitFor();
    expect(await statusBadge().innerText()).toBe('FAILED');
    await liveText('#timeline li', /Callback delivered/);
    expect(await page.locator('#timeline .deliveries li').first().innerText()).toMatch(/HTTP 200 in \d+ ms/);
    expect(await page.locator('#timeline').innerText()).toContain('Outcome cancelled_by_user, chosen by an answer given by hand');
  });

  it('pays again and refunds part of it', async () => {
    const sim = setup();
    expect((await processMobile(sim, reference, 'MPESA', '254712345678')).statusCode).toBe(200);
    await page.locator('#a-outcome').waitFor({ timeout: 10_000 });
    await page.selectOption('#a-outcome', 'success');
    await page.getByRole('button', { name: 'Answer now' }).click();
    await page.locator('#notice', { hasText: 'the payment is COMPLETED' }).waitFor();
    await page.fill('#a-amount', '500');
    await page.fill('#a-reason', 'One item returned');
    await page.getByRole('button', { name: 'Refund', exact: true }).click();
    await page.locator('#notice', { hasText: /Refund rf_\w+ of 500\.00 KES is PENDING/ }).waitFor();
    expect(await page.locator('#timeline').innerText()).toMatch(/Refund rf_\w+ of 500.00 KES/);
    expect(await page.locator('#actions').innerText()).toContain('Up to 1,000.00 KES left to refund');
    visited.push({ name: 'payment-timeline', url: page.url() });
    // The picture in the README and the console guide (docs/guides/img/console-timeline.png) is this one, made smaller.
    await page.screenshot({ path: 'test-results/console/readme-timeline-1280x800.png' });
  });

  it("rotates the merchant's key: the new keys are shown once and the old API key is refused", async () => {
    const sim = setup();
    oldApiKey = merchant.apiKey;
    await page.locator('#summary a', { hasText: merchant.name }).click();
    await page.waitForURL(`**/_sim/console/merchants/${merchant.id}`);
    visited.push({ name: 'merchant', url: page.url() });
    // Hidden until revealed.
    expect(await page.getByText(oldApiKey).isVisible()).toBe(false);
    await page.getByText('Reveal API key').click();
    expect(await page.getByText(oldApiKey).isVisible()).toBe(true);

    await page.getByLabel('I understand the current keys stop working').check();
    await page.getByRole('button', { name: 'Rotate Key' }).click();
    await page.getByRole('heading', { name: 'Copy them now' }).waitFor();
    const newApiKey = await page
      .locator('dd', { has: page.locator('[data-copy-label="new API key"]') })
      .locator('code')
      .innerText();
    expect(newApiKey).toMatch(/^sk_sandbox_[0-9a-f]{40}$/);
    expect(newApiKey).not.toBe(oldApiKey);
    for (const label of ['Client ID', 'new client secret', 'new API key'])
      expect(await page.getByRole('button', { name: `Copy ${label}` }).isVisible()).toBe(true);
    // The answer to the form is the only place the new keys appear: screenshot it at both sizes now.
    await checkConsolePage(page, 'rotated-key');
    await page.setViewportSize(PHONE);
    await checkConsolePage(page, 'rotated-key');
    await page.setViewportSize(DESKTOP);

    expect((await status(sim, merchant, 'QA_ORDER_1')).statusCode).toBe(401);
    expect((await status(sim, { ...merchant, apiKey: newApiKey }, 'QA_ORDER_1')).json().data.status).toBe('COMPLETED');
  });

  it('has every page screenshotted at both sizes, without sideways scroll or serious axe violations', async () => {
    const sim = setup();
    visited.push({ name: 'merchants', url: `${base(sim)}/_sim/console/merchants` });
    visited.push({ name: 'payments-search', url: `${base(sim)}/_sim/console?q=0712345678` });
    // A payment left waiting on the shopper's PIN prompt: the page with the answer form.
    const waiting = await createIntent(sim, sim.sandbox2, { key: 'QA_WAITING', amount: 250, description: 'Chai' });
    await processMobile(sim, waiting.reference, 'AIRTEL', '254733123456');
    visited.push({ name: 'payment-pin-prompt', url: `${base(sim)}/_sim/console/payments/${waiting.reference}` });
    visited.push({ name: 'payment-not-found', url: `${base(sim)}/_sim/console/payments/no-such-payment` });
    for (const size of [DESKTOP, PHONE]) {
      await page.setViewportSize(size);
      for (const { name, url } of visited) {
        await page.goto(url);
        await checkConsolePage(page, name);
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('finds the payment by phone number, key or reference as you type', async () => {
    await page.setViewportSize(DESKTOP);
    await page.goto(`${base(setup())}/_sim/console`);
    await createIntent(setup(), setup().sandbox2, { key: 'OTHER_ORDER' });
    await page.locator('tr[data-reference]', { hasText: 'OTHER_ORDER' }).waitFor({ timeout: 10_000 });
    await page.fill('#f-q', '0712 345 678');
    await page.waitForURL(/q=0712/);
    await page.locator('#results', { hasNotText: 'OTHER_ORDER' }).waitFor();
    expect(await page.locator('tr[data-reference]').count()).toBe(1);
    expect(await page.locator('tr[data-reference]').innerText()).toContain('QA_ORDER_1');
  });

  it('is usable by keyboard: a skip link first, secrets revealed with Enter', async () => {
    const sim = setup();
    await page.goto(`${base(sim)}/_sim/console/merchants/${merchant.id}`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('content');
    const secretNow = sim.app.sim.ctx.store.get('merchants', merchant.id)!.clientSecret;
    expect(await page.getByText(secretNow).isVisible()).toBe(false);
    await page.locator('summary', { hasText: 'Reveal client secret' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.getByText(secretNow).isVisible()).toBe(true);
  });
});

describeInBrowser('signing in to the console behind SIM_ADMIN_TOKEN', () => {
  let browser: TestBrowser;
  afterAll(async () => {
    await browser?.close();
  });

  it('asks for the token on a form, then keeps the session in an HttpOnly, SameSite=Strict cookie, never in a URL', async () => {
    browser = await launchBrowser(DESKTOP);
    const page = await browser.context.newPage();
    const urls: string[] = [];
    page.on('request', (r) => urls.push(r.url()));
    const sim = guarded();
    await page.goto(`${base(sim)}/_sim/console/merchants`);
    await page.waitForURL('**/_sim/console/sign-in?next=*');
    await checkConsolePage(page, 'sign-in');
    await page.setViewportSize(PHONE);
    await checkConsolePage(page, 'sign-in');
    await page.setViewportSize(DESKTOP);

    await page.getByLabel('Admin token').fill(ADMIN_TOKEN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/_sim/console/merchants');
    expect(await page.getByRole('heading', { name: 'Merchants' }).isVisible()).toBe(true);
    const cookies = await browser.context.cookies();
    expect(cookies).toEqual([expect.objectContaining({ name: 'littlepay_sim_session', path: '/_sim', httpOnly: true, sameSite: 'Strict' })]);
    expect(cookies[0]!.value).not.toContain(ADMIN_TOKEN);
    expect(await page.evaluate(() => document.cookie)).toBe('');
    expect(urls.filter((u) => u.includes(ADMIN_TOKEN))).toEqual([]);
  });
});

describeInBrowser('the console with JavaScript off', () => {
  let browser: TestBrowser;
  afterAll(async () => {
    await browser?.close();
  });

  it('lists, opens and answers a payment by keyboard with plain forms, and reveals a secret', async () => {
    browser = await launchBrowser(DESKTOP, { javaScriptEnabled: false });
    const page = await browser.context.newPage();
    const sim = setup();
    // The second sandbox merchant: the first one's keys were rotated above.
    const intent = await createIntent(sim, sim.sandbox2, { key: 'NO_JS_1', amount: 400 });
    await processMobile(sim, intent.reference, 'MPESA', '254712000111');
    await page.goto(`${base(sim)}/_sim/console?q=NO_JS_1`);
    expect(await page.locator('tr[data-reference]').count()).toBe(1);
    await page.getByRole('link', { name: 'NO_JS_1' }).click();
    await page.waitForURL(`**/_sim/console/payments/${intent.reference}`);
    // No copy buttons without the script: the values are plain selectable text.
    expect(await page.getByRole('button', { name: /^Copy/ }).count()).toBe(0);

    await page.locator('#a-outcome').focus();
    await page.keyboard.press('End');
    expect(await page.locator('#a-outcome').inputValue()).toBe('subscriber_busy');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('#notice', { hasText: 'Answered as subscriber_busy: the payment is FAILED.' }).waitFor();
    expect(await page.locator('#status-badge').innerText()).toBe('FAILED');

    await page.goto(`${base(sim)}/_sim/console/merchants/${sim.sandbox.id}`);
    const secret = sim.app.sim.ctx.store.get('merchants', sim.sandbox.id)!.clientSecret;
    expect(await page.getByText(secret).isVisible()).toBe(false);
    await page.locator('summary', { hasText: 'Reveal client secret' }).click();
    expect(await page.getByText(secret).isVisible()).toBe(true);
  });
});
