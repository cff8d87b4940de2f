// The payments page: a filter form (a GET form, so a filtered list is a link to share) and one page of
// payments, newest first. The list is the page's live region.
import type { MerchantRecord } from '../domain/records.js';
import { escapeHtml, formatMoney } from '../pages/html.js';
import { CONSOLE, layout, statusBadge, type Notice } from './layout.js';
import { ENVIRONMENTS, PROVIDERS, STATUSES, type PaymentFilter, type PaymentPage } from './payments-query.js';

function select(name: string, label: string, options: Array<[string, string]>, value: string | undefined): string {
  const opts = [['', 'Any'] as [string, string], ...options]
    .map(([v, text]) => `<option value="${escapeHtml(v)}"${v === (value ?? '') ? ' selected' : ''}>${escapeHtml(text)}</option>`)
    .join('');
  return `<div><label for="f-${name}">${label}</label><select id="f-${name}" name="${name}">${opts}</select></div>`;
}

function filterForm(filter: PaymentFilter, merchants: MerchantRecord[]): string {
  const same = (values: readonly string[]) => values.map((v) => [v, v] as [string, string]);
  const merchantOptions = merchants.map((m) => [m.id, `${m.name} (${m.environment})`] as [string, string]);
  return `<form id="filters" class="panel filters" method="get" action="${CONSOLE}" role="search">
<div class="search"><label for="f-q">Search by reference, key, phone number or saved-card token</label>
<div class="search-row"><input id="f-q" type="search" name="q" value="${escapeHtml(filter.q ?? '')}" autocomplete="off" spellcheck="false"><button type="submit">Search</button></div></div>
${select('status', 'Status', same(STATUSES), filter.status)}
${select('provider', 'Provider', same(PROVIDERS), filter.provider)}
${select('environment', 'Environment', same(ENVIRONMENTS), filter.environment)}
${select('merchant', 'Merchant', merchantOptions, filter.merchant)}
<div><label for="f-from">Created from</label><input id="f-from" type="date" name="from" value="${escapeHtml(filter.from ?? '')}"></div>
<div><label for="f-to">Created to</label><input id="f-to" type="date" name="to" value="${escapeHtml(filter.to ?? '')}"></div>
<div class="buttons"><button type="submit" class="secondary">Apply filters</button><a class="button secondary" href="${CONSOLE}">Clear</a></div>
</form>`;
}

function rowHtml(row: PaymentPage['rows'][number]): string {
  const { intent, merchant } = row;
  const href = `${CONSOLE}/payments/${encodeURIComponent(intent.id)}`;
  const who = intent.attempts.at(-1)?.mobile ?? (intent.attempts.at(-1)?.card ? `•••• ${intent.attempts.at(-1)!.card!.last4}` : '');
  // Each cell's content in one <div>: on a phone the cell is a row of label and value.
  const cell = (label: string, content: string, cls = '') => `<td data-label="${label}"${cls ? ` class="${cls}"` : ''}><div>${content}</div></td>`;
  return `<tr data-reference="${escapeHtml(intent.id)}">
${cell('Payment', `<a href="${href}">${escapeHtml(intent.key)}</a><br><span class="ref">${escapeHtml(intent.id)}</span>`)}
${cell('Amount', escapeHtml(formatMoney(intent.amount, intent.currency)), 'amount')}
${cell('Status', statusBadge(row.status))}
${cell('Provider', `${escapeHtml(row.provider ?? '—')}${who ? `<br><span class="small muted">${escapeHtml(who)}</span>` : ''}`)}
${cell('Merchant', `${escapeHtml(merchant?.name ?? intent.merchantId)}<br><span class="env ${escapeHtml(merchant?.environment ?? '')}">${escapeHtml(merchant?.environment ?? '')}</span>`)}
${cell('Created', `<time datetime="${escapeHtml(intent.createdAt)}">${escapeHtml(intent.createdAt.slice(0, 19).replace('T', ' '))}</time>`)}
</tr>`;
}

function queryString(filter: PaymentFilter, before?: string): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filter, before })) if (v && k !== 'before') params.set(k, v);
  if (before) params.set('before', before);
  const text = params.toString();
  return text ? `?${text}` : '';
}

function resultsHtml(page: PaymentPage, filter: PaymentFilter, total: number): string {
  const filtered = Object.keys(filter).some((k) => k !== 'before');
  const caption = filtered ? 'Payments matching the filters, newest first' : `${total} payment${total === 1 ? '' : 's'} in all, newest first`;
  const body = page.rows.length
    ? `<table class="responsive"><caption class="visually-hidden">${caption}</caption><thead><tr><th scope="col">Payment</th><th scope="col" class="amount">Amount</th><th scope="col">Status</th><th scope="col">Provider</th><th scope="col">Merchant</th><th scope="col">Created</th></tr></thead><tbody>${page.rows.map(rowHtml).join('')}</tbody></table>`
    : `<p class="muted">${filtered ? 'No payment matches these filters.' : 'No payments yet. Create an intent through the API and it appears here.'}</p>`;
  const newer = filter.before ? `<a href="${CONSOLE}${queryString(filter)}">← Newest</a>` : '<span></span>';
  const older = page.next ? `<a href="${CONSOLE}${queryString(filter, page.next)}" rel="next">Older →</a>` : '';
  return `<p class="small muted">${caption}.</p>${body}<nav class="pager" aria-label="Pages">${newer}${older}</nav>`;
}

export function listPage(
  page: PaymentPage,
  filter: PaymentFilter,
  merchants: MerchantRecord[],
  total: number,
  extra: { notice?: Notice | null; signedIn: boolean },
): string {
  const body = `<div class="event-head"><h1>Payments</h1><span id="live-state" class="small muted" aria-live="polite"></span></div>
${filterForm(filter, merchants)}
<section class="panel" aria-label="Payments"><div id="results" data-live>${resultsHtml(page, filter, total)}</div></section>`;
  return layout('Payments', body, { section: 'payments', live: true, notice: extra.notice, signedIn: extra.signedIn });
}
