// The payment page: its summary, the timeline, and what can be done to it now. The timeline and the
// actions are live regions; every action is a plain form (it works without the script).
import type { CallbackCheckRecord, DeliveryRecord, IntentRecord, MerchantRecord } from '../domain/records.js';
import { escapeHtml, formatAmount, formatMoney } from '../pages/html.js';
import { CONSOLE, copyable, layout, statusBadge, type Notice } from './layout.js';
import type { TimelineEvent } from './timeline.js';
import { actionsHtml } from './detail-actions.js';

export interface DetailView {
  intent: IntentRecord;
  merchant: MerchantRecord | undefined;
  status: string;
  expired: boolean;
  events: TimelineEvent[];
  check: CallbackCheckRecord['report'] | undefined;
  now: string;
}

/** One delivery attempt; its signature headers in full, folded (each retry is signed anew, at its own time). */
function delivery(d: DeliveryRecord, key: string): string {
  const answer = d.statusCode !== undefined ? `HTTP ${d.statusCode}` : `network error: ${d.error ?? 'unknown'}`;
  const snippet = d.responseSnippet ? `<div class="small">Answer starts: <code>${escapeHtml(d.responseSnippet)}</code></div>` : '';
  const headers = d.signature ? `X-LittlePay-Timestamp: ${d.signature.timestamp}\nX-LittlePay-Signature: ${d.signature.value}` : '';
  const sig = d.signature
    ? `<details data-key="${key}"><summary>Signature headers</summary><pre class="copy-value" data-copy-label="signature headers">${escapeHtml(headers)}</pre></details>`
    : '';
  return `<li>${statusBadge(d.ok ? 'ok' : 'error')} <time datetime="${escapeHtml(d.at)}">${escapeHtml(d.at.slice(11, 19))}</time> ${escapeHtml(answer)}${d.latencyMs !== undefined ? ` in ${d.latencyMs} ms` : ''}${snippet}${sig}</li>`;
}

function eventHtml(e: TimelineEvent, i: number, reference: string): string {
  const blocks = e.blocks
    .map(
      (b, j) =>
        `<details data-key="b${i}-${j}"><summary>${escapeHtml(b.label)}</summary><pre class="copy-value" data-copy-label="${escapeHtml(b.label)}">${escapeHtml(b.text)}</pre></details>`,
    )
    .join('');
  const curl = e.curl
    ? `<details data-key="c${i}"><summary>Copy as curl</summary><pre class="copy-value" data-copy-label="curl command">${escapeHtml(e.curl)}</pre></details>`
    : '';
  const cb = e.callback;
  const deliveries = cb
    ? cb.deliveries.length
      ? `<ol class="deliveries">${cb.deliveries.map((d, k) => delivery(d, `s${i}-${k}`)).join('')}</ol>`
      : '<p class="small muted">Not sent yet.</p>'
    : '';
  const replay = cb
    ? `<form method="post" action="${CONSOLE}/payments/${encodeURIComponent(reference)}/replay" class="inline-form"><input type="hidden" name="callback" value="${escapeHtml(cb.id)}"><button type="submit" class="secondary small">Replay callback</button></form>`
    : '';
  return `<li class="${e.tone === 'info' ? '' : e.tone}"><div class="event-head"><time datetime="${escapeHtml(e.at)}">${escapeHtml(e.at.slice(0, 19).replace('T', ' '))}</time><span class="event-title">${escapeHtml(e.title)}</span></div>
<div class="small">${e.facts.map(escapeHtml).join(' · ')}</div>${deliveries}${blocks}${curl}${replay}</li>`;
}

function timelineHtml(view: DetailView): string {
  return `<ol class="timeline">${view.events.map((e, i) => eventHtml(e, i, view.intent.id)).join('')}</ol>`;
}

function summary(view: DetailView): string {
  const { intent, merchant } = view;
  const item = (term: string, value: string) => `<div><dt>${term}</dt><dd>${value}</dd></div>`;
  return `<dl class="summary">
${item('Reference', copyable(intent.id, 'reference'))}
${item('Key', copyable(intent.key, 'key'))}
${item('Merchant', merchant ? `<a href="${CONSOLE}/merchants/${encodeURIComponent(merchant.id)}">${escapeHtml(merchant.name)}</a> <span class="env ${escapeHtml(merchant.environment)}">${escapeHtml(merchant.environment)}</span>` : escapeHtml(intent.merchantId))}
${item('Description', escapeHtml(intent.description))}
${item('Callback URL', `<code>${escapeHtml(intent.callbackUrl)}</code>`)}
${item(
  'Paid / refunded',
  `${formatAmount(intent.paidAmount, intent.currency)} / ${formatAmount(
    intent.refunds.reduce((sum, r) => sum + r.amount, 0),
    intent.currency,
  )} ${escapeHtml(intent.currency)}`,
)}
${item('Expires', `${escapeHtml(intent.expiresAt)}${view.expired ? ' (expired)' : ''}`)}
${item("Merchant's clock now", escapeHtml(view.now))}
</dl>`;
}

export function detailPage(view: DetailView, extra: { notice?: Notice | null; signedIn: boolean }): string {
  const { intent } = view;
  const body = `<p><a href="${CONSOLE}">← All payments</a></p>
<div class="event-head"><h1><span class="big">${escapeHtml(formatMoney(intent.amount, intent.currency))}</span> · ${escapeHtml(intent.key)}</h1><span id="status-badge" data-live>${statusBadge(view.status)}</span><span id="live-state" class="small muted" aria-live="polite"></span></div>
<section class="panel" aria-label="Summary"><div id="summary" data-live>${summary(view)}</div></section>
<div class="layout">
<section class="panel" aria-labelledby="timeline-title"><h2 id="timeline-title">Timeline</h2><p class="small muted">On the merchant's test clock, oldest first.</p><div id="timeline" data-live>${timelineHtml(view)}</div></section>
<section class="panel actions" aria-labelledby="actions-title"><h2 id="actions-title">Make it happen</h2><div id="actions" data-live>${actionsHtml(view)}</div></section>
</div>`;
  return layout(`Payment ${intent.key}`, body, { section: 'payments', live: true, notice: extra.notice, signedIn: extra.signedIn });
}
