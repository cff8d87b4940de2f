// HTML fragments of the inspector page (/_sim/ui) for callbacks: the delivery log, the last receiver check
// and an inbox. Pure functions of the /_sim wire shapes, returning escaped HTML without a page around
// it, so the inspector can place them wherever it likes. Every value that came from outside (a body, a
// receiver's answer, a URL) is escaped; the replay button carries the replay URL in data-replay-url for
// the inspector's script to POST.
import type { components } from '../../../client/src/generated/simulator.js';

import { escapeHtml } from './html.js';

type S = components['schemas'];

export { escapeHtml };

const json = (value: unknown) => `<pre class="json">${escapeHtml(JSON.stringify(value, null, 2))}</pre>`;

/** "200 in 12 ms", "ECONNREFUSED after 3 ms", "timeout after 10000 ms". */
export function describeAnswer(d: { statusCode?: number; error?: string; latencyMs?: number }): string {
  const latency = d.latencyMs === undefined ? '' : d.latencyMs.toString();
  if (d.error !== undefined) return latency ? `${d.error} after ${latency} ms` : d.error;
  const status = d.statusCode === undefined ? 'no answer' : String(d.statusCode);
  return latency ? `${status} in ${latency} ms` : status;
}

function deliveryRow(d: S['Delivery'], n: number): string {
  const snippet = d.responseSnippet ? `<code>${escapeHtml(d.responseSnippet)}</code>` : '';
  return (
    `<tr class="${d.ok ? 'ok' : 'failed'}"><td>${n}</td><td><time datetime="${escapeHtml(d.at)}">${escapeHtml(d.at)}</time></td>` +
    `<td>${d.ok ? 'delivered' : 'failed'}</td><td>${escapeHtml(describeAnswer(d))}</td><td>${snippet}</td></tr>`
  );
}

function callbackItem(cb: S['Callback']): string {
  const copy = cb.originalId ? ` of <code>${escapeHtml(cb.originalId)}</code>` : '';
  const next = cb.nextAttemptAt ? `<p>Next attempt: <time datetime="${escapeHtml(cb.nextAttemptAt)}">${escapeHtml(cb.nextAttemptAt)}</time></p>` : '';
  const deliveries = cb.deliveries.length
    ? `<table class="deliveries"><thead><tr><th>#</th><th>at</th><th>result</th><th>answer</th><th>answer body</th></tr></thead><tbody>${cb.deliveries.map((d, i) => deliveryRow(d, i + 1)).join('')}</tbody></table>`
    : '<p class="empty">No attempt yet.</p>';
  return (
    `<li class="callback state-${escapeHtml(cb.state)}" id="${escapeHtml(cb.id)}">` +
    `<h4><code>${escapeHtml(cb.id)}</code> ${escapeHtml(cb.kind)} · ${escapeHtml(cb.origin)}${copy} · <strong>${escapeHtml(cb.state)}</strong></h4>` +
    `<p>To <code>${escapeHtml(cb.url)}</code> for <code>${escapeHtml(cb.reference)}</code>, created <time datetime="${escapeHtml(cb.createdAt)}">${escapeHtml(cb.createdAt)}</time></p>` +
    next +
    deliveries +
    `<details><summary>Body</summary>${json(cb.body)}</details>` +
    `<button type="button" class="replay" data-replay-url="/_sim/callbacks/${escapeHtml(encodeURIComponent(cb.id))}/replay">Replay</button>` +
    '</li>'
  );
}

/** The delivery log: each callback, newest first as given, with every delivery. */
export function renderCallbackLog(callbacks: S['Callback'][]): string {
  if (callbacks.length === 0) return '<section class="callback-log"><h3>Callbacks</h3><p class="empty">No callbacks yet.</p></section>';
  return `<section class="callback-log"><h3>Callbacks</h3><ol>${callbacks.map(callbackItem).join('')}</ol></section>`;
}

function caseRow(c: S['CallbackCheckCase']): string {
  return (
    `<tr class="${c.passed ? 'passed' : 'failed'}"><td>${escapeHtml(c.name)}</td><td>${escapeHtml(c.expected)}</td>` +
    `<td>${escapeHtml(describeAnswer(c))}</td><td>${c.passed ? 'pass' : 'FAIL'}</td><td>${escapeHtml(c.explanation)}</td></tr>`
  );
}

/** The merchant's last receiver check, or how to run one. */
export function renderCallbackCheck(report: S['CallbackCheck'] | undefined, merchantId: string): string {
  if (!report) {
    return `<section class="callback-check"><h3>Receiver check</h3><p class="empty">Not run yet: POST <code>/_sim/merchants/${escapeHtml(merchantId)}/callback-check</code> with <code>{"url": "…"}</code>.</p></section>`;
  }
  return (
    `<section class="callback-check ${report.safe ? 'safe' : 'unsafe'}"><h3>Receiver check: ${report.safe ? 'safe' : 'UNSAFE'}</h3>` +
    `<p>${escapeHtml(report.summary)}</p>` +
    `<p><code>${escapeHtml(report.url)}</code> at <time datetime="${escapeHtml(report.checkedAt)}">${escapeHtml(report.checkedAt)}</time>, timeout ${report.timeoutMs} ms</p>` +
    `<table><thead><tr><th>case</th><th>expected</th><th>answer</th><th>result</th><th>why</th></tr></thead><tbody>${report.cases.map(caseRow).join('')}</tbody></table>` +
    '</section>'
  );
}

/** What one built-in inbox received, oldest first as given. */
export function renderInbox(name: string, messages: S['InboxMessage'][]): string {
  const items = messages.map((m) => {
    const check = m.headers['x-littlepay-sim-check'] ? ` · receiver-check case <code>${escapeHtml(m.headers['x-littlepay-sim-check'])}</code>` : '';
    return (
      `<li class="${m.signatureValid ? 'signature-valid' : 'signature-invalid'}"><p><time datetime="${escapeHtml(m.receivedAt)}">${escapeHtml(m.receivedAt)}</time> · ` +
      `signature ${m.signatureValid ? 'valid' : '<strong>INVALID</strong>'}${check}</p>${json(m.body)}</li>`
    );
  });
  const list = items.length ? `<ol>${items.join('')}</ol>` : '<p class="empty">Nothing received yet.</p>';
  return `<section class="inbox"><h3>Inbox <code>${escapeHtml(name)}</code></h3>${list}</section>`;
}
