// The merchants list and one merchant's page: credentials hidden until revealed, Rotate Key, the test
// clock, queued outcomes, faults, saved cards, the callbacks sent to it, and a reset that asks first.
import type { components } from '../../../client/src/generated/simulator.js';
import type { CallbackRecord, FaultRecord, MerchantRecord, OutcomeQueues, TokenRecord } from '../domain/records.js';
import { escapeHtml } from '../pages/html.js';
import { CONSOLE, copyable, layout, secret, statusBadge, type Notice } from './layout.js';
import { PROVIDERS } from './payments-query.js';

export interface MerchantView {
  merchant: MerchantRecord;
  clock: components['schemas']['Clock'];
  queues: OutcomeQueues;
  faults: FaultRecord[];
  tokens: TokenRecord[];
  callbacks: CallbackRecord[];
}

const base = (m: MerchantRecord) => `${CONSOLE}/merchants/${encodeURIComponent(m.id)}`;
const post = (m: MerchantRecord, action: string, inner: string, cls = '') =>
  `<form method="post" action="${base(m)}/${action}"${cls ? ` class="${cls}"` : ''}>${inner}</form>`;

export function merchantsPage(merchants: MerchantRecord[], extra: { notice?: Notice | null; signedIn: boolean }): string {
  const rows = merchants
    .map(
      (m) =>
        `<tr><td data-label="Merchant"><a href="${base(m)}">${escapeHtml(m.name)}</a></td><td data-label="Environment"><span class="env ${escapeHtml(m.environment)}">${escapeHtml(m.environment)}</span></td><td data-label="Id"><code>${escapeHtml(m.id)}</code></td><td data-label="Payments"><a href="${CONSOLE}?merchant=${encodeURIComponent(m.id)}">Its payments<span class="visually-hidden"> (${escapeHtml(m.name)})</span></a></td></tr>`,
    )
    .join('');
  const body = `<h1>Merchants</h1><section class="panel"><table class="responsive"><caption class="visually-hidden">Merchants</caption><thead><tr><th scope="col">Merchant</th><th scope="col">Environment</th><th scope="col">Id</th><th scope="col">Payments</th></tr></thead><tbody>${rows}</tbody></table></section>`;
  return layout('Merchants', body, { section: 'merchants', notice: extra.notice, signedIn: extra.signedIn });
}

function credentials(m: MerchantRecord): string {
  const row = (term: string, value: string) => `<dt>${term}</dt><dd>${value}</dd>`;
  return `<dl class="cred">${row('Merchant id', copyable(m.id, 'merchant id'))}${row('App ID', copyable(m.appId, 'App ID'))}${row('Client ID', copyable(m.clientId, 'Client ID'))}${row('Client secret', secret(m.clientSecret, 'client secret'))}${row('Token ID', copyable(m.tokenId, 'Token ID'))}${row('API key', secret(m.apiKey, 'API key'))}</dl>`;
}

function credentialsPanel(m: MerchantRecord): string {
  const rotate = post(
    m,
    'rotate-key',
    `<h3>Rotate Key</h3><p class="small">A new client secret and API key, shown once. The old ones are refused by every endpoint from that moment.</p>
<p><label class="small"><input type="checkbox" name="confirm" value="yes" required class="inline-check"> I understand the current keys stop working</label></p><button type="submit" class="danger">Rotate Key</button>`,
  );
  return `<section class="panel wide" aria-labelledby="cred-title"><h2 id="cred-title">Credentials</h2>${credentials(m)}${rotate}</section>`;
}

function clockPanel(v: MerchantView): string {
  const { clock, merchant: m } = v;
  const toggle = clock.frozen
    ? post(m, 'clock', '<input type="hidden" name="action" value="resume"><button type="submit" class="secondary">Let it run</button>', 'inline-form')
    : post(m, 'clock', '<input type="hidden" name="action" value="freeze"><button type="submit" class="secondary">Freeze</button>', 'inline-form');
  return `<section class="panel" aria-labelledby="clock-title"><h2 id="clock-title">Test clock</h2>
<p><strong>${escapeHtml(clock.now)}</strong> · ${clock.frozen ? 'frozen' : 'running'} · ${Math.round(clock.leadMs / 1000)} s ahead · ${clock.pendingTimers} timers waiting</p>
${post(m, 'clock', `<input type="hidden" name="action" value="advance"><div class="row actions"><div><label for="m-by">Advance by</label><input id="m-by" name="by" value="3s" pattern="([0-9]{1,9}(ms|s|m|h|d))+" required aria-describedby="m-by-hint"></div><button type="submit">Advance</button></div><p id="m-by-hint" class="small muted">A duration such as 3s, 31m or 1h30m. Attempts, refunds and callbacks due on the way happen first.</p>`)}
${toggle}</section>`;
}

function outcomesPanel(v: MerchantView): string {
  const m = v.merchant;
  const queued = Object.entries(v.queues).filter(([, list]) => list && list.length);
  const list = queued.length
    ? `<ul>${queued.map(([p, l]) => `<li>${escapeHtml(p)}: ${escapeHtml((l ?? []).join(', '))}</li>`).join('')}</ul>`
    : '<p class="small muted">Nothing queued: test numbers and cards decide.</p>';
  const providers = ['any', ...PROVIDERS].map((p) => `<option value="${p}">${p}</option>`).join('');
  return `<section class="panel" aria-labelledby="out-title"><h2 id="out-title">Queued outcomes</h2>${list}
${post(m, 'outcomes', `<label for="m-prov">Provider</label><select id="m-prov" name="provider">${providers}</select><label for="m-out">Outcomes, in order</label><input id="m-out" name="outcomes" required aria-describedby="m-out-hint"><p id="m-out-hint" class="small muted hint">Comma-separated, e.g. <code>wrong_pin, success</code>: each new attempt takes the next one.</p><button type="submit">Queue</button>`)}
${queued.length ? post(m, 'outcomes-clear', '<button type="submit" class="secondary">Clear the queue</button>') : ''}</section>`;
}

function faultsPanel(v: MerchantView): string {
  const m = v.merchant;
  const list = v.faults.length
    ? `<ul>${v.faults.map((f) => `<li>${escapeHtml(f.type)} on ${escapeHtml(f.operation)}${f.status ? ` (HTTP ${f.status})` : ''}${f.ms !== undefined ? ` (${f.ms} ms)` : ''}, ${f.remaining === null ? 'until cleared' : `${f.remaining} left`}</li>`).join('')}</ul>`
    : '<p class="small muted">No faults: every call answers normally.</p>';
  return `<section class="panel" aria-labelledby="fault-title"><h2 id="fault-title">Faults</h2>${list}
${post(
  m,
  'faults',
  `<div class="row actions"><div><label for="m-ftype">Fault</label><select id="m-ftype" name="type"><option value="error">HTTP error</option><option value="latency">Latency</option><option value="drop">Dropped connection</option></select></div>
<div><label for="m-fop">Operation</label><input id="m-fop" name="operation" value="any"></div><div><label for="m-fval">Status or ms</label><input id="m-fval" name="value" inputmode="numeric" value="503"></div><div><label for="m-fcount">Calls</label><input id="m-fcount" name="count" inputmode="numeric" value="1"></div></div><p><button type="submit">Add fault</button></p>`,
)}
${v.faults.length ? post(m, 'faults-clear', '<button type="submit" class="secondary">Clear faults</button>') : ''}</section>`;
}

function cardsPanel(v: MerchantView): string {
  const m = v.merchant;
  const rows = v.tokens
    .map(
      (t) =>
        `<li><code>${escapeHtml(t.id)}</code> ${escapeHtml(t.card.brand)} •••• ${escapeHtml(t.card.last4)} (${escapeHtml(t.card.expiry)}), outcome ${escapeHtml(t.cardOutcome)} ${post(m, 'tokens-delete', `<input type="hidden" name="token" value="${escapeHtml(t.id)}"><button type="submit" class="secondary small" aria-label="Delete saved card ${escapeHtml(t.card.last4)}">Delete</button>`, 'inline-form')}</li>`,
    )
    .join('');
  return `<section class="panel" aria-labelledby="cards-title"><h2 id="cards-title">Saved cards</h2>${rows ? `<ul>${rows}</ul>` : '<p class="small muted">No saved cards.</p>'}</section>`;
}

function inboxPanel(v: MerchantView): string {
  const rows = v.callbacks
    .map(
      (cb) =>
        `<li>${statusBadge(cb.state)} <a href="${CONSOLE}/payments/${encodeURIComponent(cb.reference)}">${escapeHtml(String(cb.body.key ?? cb.reference))}</a> · ${escapeHtml(cb.kind)} callback · ${cb.deliveries.length} attempt${cb.deliveries.length === 1 ? '' : 's'}<br><code class="small muted">${escapeHtml(cb.url)}</code></li>`,
    )
    .join('');
  return `<section class="panel" aria-labelledby="inbox-title"><h2 id="inbox-title">Callbacks sent</h2><p class="small muted">The latest 20, newest first.</p>${rows ? `<ul class="plain">${rows}</ul>` : '<p class="small muted">No callbacks yet.</p>'}</section>`;
}

function resetPanel(m: MerchantRecord): string {
  return `<section class="panel" aria-labelledby="reset-title"><h2 id="reset-title">Reset</h2>${post(m, 'reset', `<p class="small">Forgets this merchant's payments, callbacks, saved cards, queued outcomes, faults, journal and clock. Its credentials stay.</p><p><label class="small"><input type="checkbox" name="confirm" value="yes" required class="inline-check"> Yes, forget all of it</label></p><button type="submit" class="danger">Reset merchant</button>`)}</section>`;
}

export function merchantPage(v: MerchantView, extra: { notice?: Notice | null; signedIn: boolean }): string {
  const m = v.merchant;
  const body = `<p><a href="${CONSOLE}/merchants">← All merchants</a></p>
<div class="event-head"><h1>${escapeHtml(m.name)}</h1><span class="env ${escapeHtml(m.environment)}">${escapeHtml(m.environment)}</span><a href="${CONSOLE}?merchant=${encodeURIComponent(m.id)}">Its payments</a><span id="live-state" class="small muted" aria-live="polite"></span></div>
<div id="merchant-live" data-live class="grid2">${credentialsPanel(m)}${clockPanel(v)}${outcomesPanel(v)}${faultsPanel(v)}${cardsPanel(v)}${inboxPanel(v)}${resetPanel(m)}</div>`;
  return layout(m.name, body, { section: 'merchants', live: true, notice: extra.notice, signedIn: extra.signedIn });
}

/** The page after Rotate Key: the new secrets, in clear, this once. */
export function rotatedPage(m: MerchantRecord, extra: { signedIn: boolean }): string {
  const row = (term: string, value: string) => `<dt>${term}</dt><dd>${value}</dd>`;
  const body = `<h1>New keys for ${escapeHtml(m.name)}</h1><section class="panel once" aria-labelledby="new-title"><h2 id="new-title">Copy them now</h2>
<p>The old client secret and API key are refused from now on. Update your app's configuration with these.</p>
<dl class="cred">${row('Client ID', copyable(m.clientId, 'Client ID'))}${row('New client secret', copyable(m.clientSecret, 'new client secret'))}${row('New API key', copyable(m.apiKey, 'new API key'))}</dl>
<p><a class="button" href="${base(m)}">Back to the merchant</a></p></section>`;
  return layout('New keys', body, { section: 'merchants', notice: { kind: 'ok', text: 'Keys rotated.' }, signedIn: extra.signedIn });
}
