// The hosted checkout page at checkoutUrl: the merchant, the amount and two ways to pay (mobile money
// with a simulated PIN prompt, or a card through the 3-D Secure pages), then back to returnUrl with
// ?reference=…&status=… (docs/decisions/0012-hosted-checkout.md). Unknown, expired and paid intents get
// a page that says so.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { catalogue } from '../domain/catalogue.js';
import type { IntentRecord, MerchantRecord } from '../domain/records.js';
import type { Cards } from '../services/cards.js';
import { checkoutState } from '../services/checkout-state.js';
import type { Context } from '../services/context.js';
import { CHECKOUT_SCRIPT } from './checkout-script.js';
import { escapeHtml, formatAmount, page } from './html.js';
import { registerThreeDsPages } from './three-ds.js';

const PROVIDERS = ['MPESA', 'AIRTEL', 'MTN', 'TIGOPESA'] as const;

/** The pages, in their own plugin: only they accept HTML form posts (the API stays JSON only). */
export async function registerPages(app: FastifyInstance, ctx: Context, cards: Cards): Promise<void> {
  await app.register(async (pages) => {
    pages.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
    pages.get('/checkout/:reference', async (req, reply) => {
      const { reference } = req.params as { reference: string };
      const intent = ctx.store.get('intents', reference);
      const merchant = intent && ctx.store.get('merchants', intent.merchantId);
      if (!intent || !merchant)
        return html(
          reply,
          404,
          notice('Payment not found', `No payment has the reference <code>${escapeHtml(reference)}</code>. Check the link you were given.`),
        );
      return checkoutPage(reply, ctx, intent, merchant);
    });
    registerThreeDsPages(pages, ctx, cards);
  });
}

function html(reply: FastifyReply, status: number, body: string) {
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
}

function notice(title: string, text: string, extra = ''): string {
  return page(title, `<section class="card"><h1>${escapeHtml(title)}</h1><p>${text}</p>${extra}</section>`);
}

function summary(intent: IntentRecord, merchant: MerchantRecord): string {
  const badge = merchant.environment === 'production' ? '<span class="badge production">Production merchant</span>' : '<span class="badge">Sandbox</span>';
  return `<section class="card">${badge}
    <h1 id="merchant-name">${escapeHtml(merchant.name)}</h1>
    <p class="amount" id="amount">${escapeHtml(intent.currency)} ${formatAmount(intent.amount, intent.currency)}</p>
    <p id="description">${escapeHtml(intent.description)}</p>
    <p class="muted">Reference <code>${escapeHtml(intent.id)}</code></p></section>`;
}

function checkoutPage(reply: FastifyReply, ctx: Context, intent: IntentRecord, merchant: MerchantRecord) {
  const state = checkoutState(ctx, intent);
  const back = (status: string) => {
    if (!intent.returnUrl) return '';
    const url = new URL(intent.returnUrl);
    url.searchParams.set('reference', intent.id);
    url.searchParams.set('status', status);
    return `<p><a id="return-link" href="${escapeHtml(url.toString())}">Return to ${escapeHtml(merchant.name)}</a></p>`;
  };
  if (state.status === 'COMPLETED') {
    return html(
      reply,
      200,
      page(
        'Payment complete',
        summary(intent, merchant) +
          `<section class="card"><h2 class="result ok">This payment is complete</h2><p>It was paid on ${escapeHtml(intent.updatedAt.slice(0, 10))}; nothing more to do.</p>${back('COMPLETED')}</section>`,
      ),
    );
  }
  if (state.expired) {
    return html(
      reply,
      410,
      page(
        'Payment expired',
        summary(intent, merchant) +
          `<section class="card"><h2 class="result bad">This payment link has expired</h2><p>It expired at ${escapeHtml(intent.expiresAt.replace('T', ' ').slice(0, 16))} UTC. Ask the merchant for a new one.</p>${back('FAILED')}</section>`,
      ),
    );
  }
  const last = intent.attempts.at(-1);
  const retryNote =
    last?.status === 'FAILED' ? `<p class="error">The last attempt failed: ${escapeHtml(last.message.replace(/[.\s]+$/, ''))}. You can try again.</p>` : '';
  const body = `${summary(intent, merchant)}
  <section class="card" id="pay-forms">${retryNote}
    <div class="tabs" role="tablist">
      <button type="button" role="tab" data-tab="mobile-tab" aria-selected="true">Mobile money</button>
      <button type="button" role="tab" data-tab="card-tab" aria-selected="false">Card</button>
    </div>
    <div id="mobile-tab">
      <form id="mobile-form" autocomplete="off">
        <label for="provider">Provider</label>
        <select id="provider">${PROVIDERS.map((p) => `<option value="${p}">${p === 'TIGOPESA' ? 'Tigo Pesa' : p === 'MPESA' ? 'M-Pesa' : p}</option>`).join('')}</select>
        <label for="mobile">Phone number</label>
        <input id="mobile" inputmode="tel" placeholder="254700000000" required>
        <button class="pay" type="submit">Pay ${escapeHtml(intent.currency)} ${formatAmount(intent.amount, intent.currency)}</button>
      </form>
      ${testNumbers()}
    </div>
    <div id="card-tab" hidden>
      <form id="card-form" autocomplete="off">
        <label for="cc-number">Card number</label>
        <input id="cc-number" inputmode="numeric" placeholder="4000 0000 0000 2701" required>
        <div class="row"><div><label for="cc-exp">Expiry (MM/YY)</label><input id="cc-exp" placeholder="01/29" required></div>
        <div><label for="cc-cvv">CVV</label><input id="cc-cvv" inputmode="numeric" placeholder="123" required></div></div>
        <label for="cc-name">Name on card</label>
        <input id="cc-name" placeholder="Jane Doe" required>
        <button class="pay" type="submit">Pay ${escapeHtml(intent.currency)} ${formatAmount(intent.amount, intent.currency)}</button>
      </form>
      ${testCards(merchant)}
    </div>
    <p id="progress" class="muted" hidden></p>
    <p id="error" class="error" role="alert" hidden></p>
  </section>
  <section class="card" id="phone" hidden><h2>Check your phone</h2>
    <div class="phone"><p id="phone-text"></p><p class="muted">Simulated PIN prompt: the test number decides the answer.</p></div>
    <p class="muted">Waiting for the result…</p></section>
  <section class="card" id="challenge-box" hidden><h2>Verify with your bank</h2>
    <iframe class="challenge" name="challengeFrame" id="challenge-frame" title="3-D Secure challenge"></iframe></section>
  <section class="card" id="result" hidden><h2 id="result-title" class="result"></h2><p id="result-message"></p>
    <p><a id="return-link" href="#" hidden>Return to ${escapeHtml(merchant.name)}</a></p>
    <button id="retry" type="button" class="secondary" hidden>Try again</button></section>
  <iframe name="collectionIframe" id="collection-frame" width="10" height="10" hidden title="Device data collection"></iframe>`;
  const data = {
    reference: intent.id,
    merchant: merchant.name,
    amountText: `${intent.currency} ${formatAmount(intent.amount, intent.currency)}`,
    returnUrl: intent.returnUrl ?? null,
  };
  return html(reply, 200, page(`Pay ${merchant.name}`, body, { data, script: CHECKOUT_SCRIPT }));
}

function testNumbers(): string {
  const rows = catalogue()
    .filter((e) => e.trigger.kind === 'mobile')
    .map((e) => `<tr><td>${escapeHtml(e.trigger.provider)}</td><td><code>${escapeHtml(e.trigger.mobile)}</code></td><td>${escapeHtml(e.outcome)}</td></tr>`);
  return `<details><summary>Test numbers</summary><table><tr><th>Provider</th><th>Number</th><th>Outcome</th></tr>${rows.join('')}</table>
    <p class="muted">Any other valid number succeeds.</p></details>`;
}

function testCards(merchant: MerchantRecord): string {
  const rows = catalogue()
    .filter((e) => e.trigger.kind === 'card' && e.trigger.card)
    .map((e) => `<tr><td><code>${escapeHtml(e.trigger.card)}</code></td><td>${escapeHtml(e.outcome)}</td><td>${escapeHtml(e.enroll ?? '')}</td></tr>`);
  const production = merchant.environment === 'production' ? '<p class="error">This is a production merchant: every test card is declined.</p>' : '';
  return `<details><summary>Test cards</summary>${production}<table><tr><th>Card</th><th>Outcome</th><th>3-D Secure</th></tr>${rows.join('')}</table>
    <p class="muted">Use any future expiry, any name and a 3-digit CVV (4 for American Express). Any other Luhn-valid card succeeds without a challenge.</p></details>`;
}
