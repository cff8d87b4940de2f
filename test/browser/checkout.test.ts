// The hosted checkout page in headless Chromium, as a QA engineer uses it: open checkoutUrl on a
// phone-sized screen, pay by M-Pesa or by card (frictionless, challenge passed, challenge failed), and
// land on returnUrl. The simulator listens on 127.0.0.1 at port 0; time moves on its manual clock.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, launchBrowser, listeningTestSim, type TestBrowser } from '../helpers/browser.js';
import { createIntent, status, type TestSim } from '../helpers/sim.js';

const RETURN_URL = 'https://shop.example/return';

const setup = listeningTestSim();

let browser: TestBrowser;
beforeAll(async () => {
  browser = await launchBrowser();
  // The merchant's return page does not exist offline: the browser gets a stand-in for it.
  await browser.context.route('https://shop.example/**', (route) => route.fulfill({ contentType: 'text/html', body: '<h1>Back at the shop</h1>' }));
});
afterAll(async () => {
  await browser?.close();
});

async function openCheckout(sim: TestSim, key: string, extra: Record<string, unknown> = {}): Promise<{ page: Page; reference: string }> {
  const intent = await createIntent(sim, sim.sandbox, { key, amount: 1500, description: `Order ${key}`, returnUrl: RETURN_URL, ...extra });
  const page = await browser.context.newPage();
  await page.goto(intent.checkoutUrl);
  return { page, reference: intent.reference };
}

async function payByCard(page: Page, number: string): Promise<void> {
  await page.getByRole('tab', { name: 'Card' }).click();
  await page.fill('#cc-number', number);
  await page.fill('#cc-exp', '01/29');
  await page.fill('#cc-cvv', '123');
  await page.fill('#cc-name', 'Jane Doe');
  await page.locator('#card-form button[type=submit]').click();
}

async function finalStatus(sim: TestSim, reference: string): Promise<string> {
  return (await status(sim, sim.sandbox, reference)).json().data.status;
}

describeInBrowser('hosted checkout in Chromium', () => {
  it('shows the merchant, the amount and the description', async () => {
    const sim = setup();
    const { page } = await openCheckout(sim, 'SHOW1');
    await expect.poll(() => page.textContent('#merchant-name')).toBe(sim.sandbox.name);
    expect(await page.textContent('#amount')).toBe('KES 1,500.00');
    expect(await page.textContent('#description')).toBe('Order SHOW1');
    await page.close();
  });

  it('is paid by M-Pesa: PIN prompt, result, then back to returnUrl', async () => {
    const sim = setup();
    const { page, reference } = await openCheckout(sim, 'MPESA1');
    await page.selectOption('#provider', 'MPESA');
    await page.fill('#mobile', '254712345678');
    await page.locator('#mobile-form button[type=submit]').click();
    await page.locator('#phone').waitFor();
    expect(await page.textContent('#phone-text')).toContain('Enter your MPESA PIN to pay KES 1,500.00');
    await sim.advance(sim.config.pinDelayMs);
    await page.locator('#result').waitFor();
    expect(await page.textContent('#result-title')).toBe('Payment complete');
    await page.waitForURL(`${RETURN_URL}?reference=${reference}&status=COMPLETED`);
    expect(await finalStatus(sim, reference)).toBe('COMPLETED');
    await page.close();
  });

  it('is paid by a frictionless card, which it saves when the intent asks (createCustomer)', async () => {
    const sim = setup();
    const { page, reference } = await openCheckout(sim, 'CARD1', { metadata: { createCustomer: true } });
    await payByCard(page, '4000000000002701');
    await page.waitForURL(`${RETURN_URL}?reference=${reference}&status=COMPLETED`);
    const data = (await status(sim, sim.sandbox, reference)).json().data;
    expect(data.status).toBe('COMPLETED');
    expect(data.tokenInformation.customer.id).toMatch(/^[0-9A-F]{32}$/);
    await page.close();
  });

  it('is paid by a challenge card the shopper authenticates', async () => {
    const sim = setup();
    const { page, reference } = await openCheckout(sim, 'CARD2');
    await payByCard(page, '5200000000002151');
    const challenge = page.frameLocator('#challenge-frame');
    await expect.poll(() => challenge.locator('#challenge-amount').textContent()).toBe('KES 1,500.00');
    expect(await finalStatus(sim, reference)).toBe('PENDING');
    await challenge.getByRole('button', { name: 'Authenticate' }).click();
    await page.waitForURL(`${RETURN_URL}?reference=${reference}&status=COMPLETED`);
    expect(await finalStatus(sim, reference)).toBe('COMPLETED');
    await page.close();
  });

  it('fails with a challenge card the shopper fails, and offers a retry and the way back', async () => {
    const sim = setup();
    const { page, reference } = await openCheckout(sim, 'CARD3');
    await payByCard(page, '4000000000002503');
    await page.frameLocator('#challenge-frame').getByRole('button', { name: 'Fail' }).click();
    await page.locator('#result').waitFor();
    expect(await page.textContent('#result-title')).toBe('Payment failed');
    expect(await page.textContent('#result-message')).toBe('The shopper failed the authentication challenge');
    expect(await page.isVisible('#retry')).toBe(true);
    await page.click('#return-link');
    await page.waitForURL(`${RETURN_URL}?reference=${reference}&status=FAILED`);
    expect(await finalStatus(sim, reference)).toBe('FAILED');
    await page.close();
  });
});
