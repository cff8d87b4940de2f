// The inspector page in headless Chromium, after a real journey over HTTP: a queued failure, a retry that
// completes, callbacks to the built-in inbox, all moved along by the merchant's test clock. The page must
// show the merchant's credentials, the intent with both attempts, each callback with its delivery and the
// journal, refresh by itself, and ask once for the admin token when there is one.
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLittlePayClient, createSimClient, merchantClientOptions, type SimSchemas } from '../../client/src/index.js';
import { buildApp } from '../../simulator/src/app.js';
import { defaultConfig } from '../../simulator/src/config.js';
import { describeInBrowser, launchBrowser, type TestBrowser } from '../helpers/browser.js';
import { testKeys } from '../helpers/sim.js';

const HOST = '127.0.0.1';
const TOKEN = 'inspector-token-42';

async function listening(adminToken?: string) {
  const app = await buildApp({ config: defaultConfig({ port: 0, host: HOST, clock: 'manual', adminToken }), keys: testKeys() });
  await app.listen({ port: 0, host: HOST });
  const baseUrl = `http://${HOST}:${(app.server.address() as AddressInfo).port}`;
  const sim = createSimClient({ baseUrl, ...(adminToken ? { adminToken } : {}) });
  const merchant = (await sim.listMerchants()).data!.merchants[0]!;
  return { app, baseUrl, sim, merchant };
}

/** Fail, then succeed, on one intent; each attempt finished by advancing the merchant's clock. */
async function journey(baseUrl: string, sim: ReturnType<typeof createSimClient>, merchant: SimSchemas['Merchant']): Promise<string> {
  const lp = createLittlePayClient(merchantClientOptions(baseUrl, merchant));
  await sim.queueOutcomes(merchant.id, { outcomes: ['insufficient_funds'] });
  const health = (await sim.health()).data!;
  const created = await lp.createIntent({ amount: 1500, description: 'Inspector order', key: 'UI1', callbackUrl: `${health.publicUrl}/_sim/inbox/ui` });
  const reference = created.data!.data.reference;
  for (let i = 0; i < 2; i++) {
    await lp.processPayment(reference, { type: 'MPESA', payment: { mobile: '254712345678' } });
    await sim.controlClock(merchant.id, { action: 'advance', by: '3s' });
  }
  expect((await lp.getPaymentStatus('UI1')).data?.data.status).toBe('COMPLETED');
  return reference;
}

describeInBrowser('the inspector page', () => {
  let browser: TestBrowser;
  const apps: FastifyInstance[] = [];
  beforeAll(async () => {
    browser = await launchBrowser({ width: 1400, height: 1000 });
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all(apps.map((a) => a.close()));
  });

  it('shows a real journey: credentials, the intent and its attempts, callbacks and deliveries, the journal', async () => {
    const { app, baseUrl, sim, merchant } = await listening();
    apps.push(app);
    const reference = await journey(baseUrl, sim, merchant);
    const page = await browser.context.newPage();
    await page.goto(`${baseUrl}/_sim/ui#${merchant.id}`);

    const row = page.locator(`#merchants tr[data-merchant="${merchant.id}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain(merchant.clientSecret);
    expect(await row.innerText()).toContain(merchant.apiKey);
    expect(await page.locator('#merchant-name').innerText()).toBe(merchant.name);

    const intent = page.locator(`#intents tr[data-reference="${reference}"]`);
    await intent.waitFor();
    expect(await intent.locator('td.status').first().innerText()).toBe('COMPLETED');
    const attempts = await intent.locator('tr.attempt').allInnerTexts();
    expect(attempts).toHaveLength(2);
    expect(attempts[0]).toMatch(/insufficient_funds \(override\)\s+FAILED/);
    expect(attempts[1]).toMatch(/success \(default\)\s+COMPLETED/);

    const callbacks = page.locator('#callbacks tr[data-callback]');
    expect(await callbacks.count()).toBe(2);
    for (const text of await callbacks.allInnerTexts()) expect(text).toMatch(/delivered[\s\S]*ok 200/);

    // The callback panel: each delivery with its answer, the receiver check's place, and the inbox.
    const logged = page.locator('#callback-panel li.callback');
    await logged.first().waitFor();
    expect(await logged.count()).toBe(2);
    expect(await page.locator('#callback-panel .callback-check').innerText()).toContain('Not run yet');
    const inbox = page.locator('#callback-panel section.inbox');
    expect(await inbox.innerText()).toContain('Inbox ui');
    expect(await inbox.locator('li.signature-valid').count()).toBe(2);
    // Replay from the page: a third callback, a replay of the first, is delivered.
    await logged.first().locator('button.replay').click();
    await page.locator('#callback-panel li.callback', { hasText: 'replay of' }).waitFor({ timeout: 10_000 });

    const journal = await page.locator('#journal tr[data-seq]').allInnerTexts();
    expect(journal.some((t) => t.includes(`POST /api/payments/${merchant.tokenId}/pay`) && /\b200\b/.test(t))).toBe(true);
    expect(journal.filter((t) => t.includes(`POST /pay/${reference}/process`))).toHaveLength(2);
    expect(await page.locator('#clock').innerText()).toContain('2026-01-01T00:00:06.000Z');

    // It refreshes by itself: a call made now shows up without a reload.
    await createLittlePayClient(merchantClientOptions(baseUrl, merchant)).getPaymentStatus('NOT-THERE');
    await page.locator('#journal tr[data-seq]', { hasText: 'GET /api/payments-v2/NOT-THERE' }).waitFor({ timeout: 10_000 });
    await page.close();
  });

  it('asks once for the admin token when the simulator has one', async () => {
    const { app, baseUrl, sim, merchant } = await listening(TOKEN);
    apps.push(app);
    const reference = await journey(baseUrl, sim, merchant);
    const page = await browser.context.newPage();
    await page.goto(`${baseUrl}/_sim/ui`);
    await page.locator('#token-form').waitFor({ state: 'visible' });
    expect(await page.locator('#intents tr[data-reference]').count()).toBe(0);

    await page.fill('#token-input', TOKEN);
    await page.click('#token-form button');
    await page.locator(`#intents tr[data-reference="${reference}"]`).waitFor();
    expect(await page.locator('#token-form').isHidden()).toBe(true);

    // Kept for the tab: a reload does not ask again.
    await page.reload();
    await page.locator(`#intents tr[data-reference="${reference}"]`).waitFor();
    expect(await page.locator('#token-form').isHidden()).toBe(true);
    await page.close();
  });
});
