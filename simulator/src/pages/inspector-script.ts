// The inspector page's script, run in the browser. It reads the /_sim JSON operations (with the admin
// token when the simulator has one: asked once, kept for the tab's session) and redraws every two
// seconds. Everything is built with textContent, never innerHTML (the data is whatever callers sent),
// except the callback panel, which the simulator renders with every value escaped.
export const INSPECTOR_SCRIPT = String.raw`
'use strict';
const TOKEN_KEY = 'littlepay-sim-admin-token';
const REFRESH_MS = 2000;
let token = sessionStorage.getItem(TOKEN_KEY);
let needToken = false;
const open = new Set();

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'onclick') el.addEventListener('click', v);
    else if (v !== undefined && v !== null && v !== false) el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) el.append(c instanceof Node ? c : document.createTextNode(c === undefined || c === null ? '' : String(c)));
  return el;
}
const $ = (id) => document.getElementById(id);
const json = (v) => h('pre', {}, JSON.stringify(v, null, 2));

async function apiText(path) {
  const res = await fetch(path, { headers: token ? { authorization: 'Bearer ' + token } : {} });
  if (res.status === 401) { needToken = true; throw new Error('the admin token is needed'); }
  if (!res.ok) throw new Error(path + ' answered ' + res.status);
  return res.text();
}

async function api(path) {
  const res = await fetch(path, { headers: token ? { authorization: 'Bearer ' + token } : {} });
  if (res.status === 401) { needToken = true; throw new Error('the admin token is needed'); }
  if (!res.ok) throw new Error(path + ' answered ' + res.status);
  return res.json();
}

function table(columns, rows) {
  if (rows.length === 0) return h('p', { class: 'empty' }, 'none yet');
  return h('table', {}, h('thead', {}, h('tr', {}, columns.map((c) => h('th', {}, c)))), h('tbody', {}, rows));
}

/** A <details> that stays open across redraws. */
function fold(key, summary, ...body) {
  const d = h('details', { 'data-key': key, open: open.has(key) }, h('summary', {}, summary), ...body);
  d.addEventListener('toggle', () => (d.open ? open.add(key) : open.delete(key)));
  return d;
}

function selected(merchants) {
  const id = decodeURIComponent(location.hash.slice(1));
  return merchants.find((m) => m.id === id) || merchants[0];
}

function merchantRows(merchants, current) {
  return merchants.map((m) => h('tr', { class: m.id === current.id ? 'current' : undefined, 'data-merchant': m.id },
    h('td', {}, h('a', { href: '#' + encodeURIComponent(m.id) }, m.name)), h('td', {}, m.environment), h('td', {}, h('code', {}, m.id)),
    h('td', {}, h('code', {}, m.clientId)), h('td', {}, h('code', {}, m.clientSecret)), h('td', {}, h('code', {}, m.tokenId)), h('td', {}, h('code', {}, m.apiKey))));
}

function controls(clock, outcomes, faults) {
  const queues = Object.entries(outcomes.queues).map(([p, q]) => p + ': ' + q.join(', '));
  return h('div', { class: 'controls' },
    h('p', { id: 'clock' }, 'Clock ', h('strong', {}, clock.now), clock.frozen ? ' (frozen)' : ' (running)',
      ', ' + Math.round(clock.leadMs / 1000) + ' s ahead, ' + clock.pendingTimers + ' timer(s) waiting'),
    h('p', { id: 'outcomes' }, 'Queued outcomes: ', queues.length ? queues.join('; ') : 'none'),
    h('p', { id: 'faults' }, 'Faults: ', faults.faults.length ? faults.faults.map((f) => f.type + ' on ' + f.operation + (f.remaining === null ? '' : ' x' + f.remaining)).join('; ') : 'none'));
}

function intentRows(intents) {
  return intents.map((i) => h('tr', { 'data-reference': i.reference },
    h('td', {}, h('code', {}, i.reference), h('br'), i.key), h('td', {}, i.currency + ' ' + i.amount), h('td', { class: 'status ' + i.status }, i.status + (i.expired ? ' (expired)' : '')),
    h('td', {}, i.createdAt),
    h('td', {}, table(['provider', 'mobile / saved card', 'outcome', 'status', 'message', 'finished'], i.attempts.map((a) => h('tr', { class: 'attempt' },
      h('td', {}, a.provider), h('td', {}, a.mobile || (a.token ? a.token.id + ' (' + a.token.use + ')' : '')), h('td', {}, a.outcome + ' (' + a.outcomeSource + ')'), h('td', { class: 'status ' + a.status }, a.status),
      h('td', {}, a.message), h('td', {}, a.finishedAt || 'due ' + a.resolveAt)))),
      i.refunds.length ? h('p', {}, 'Refunds: ' + i.refunds.map((r) => r.amount + ' ' + r.status).join(', ')) : '')));
}

function callbackRows(callbacks) {
  return callbacks.map((c) => h('tr', { 'data-callback': c.id },
    h('td', {}, c.kind), h('td', {}, h('code', {}, c.reference)), h('td', {}, c.url), h('td', { class: 'state ' + c.state }, c.state + (c.nextAttemptAt ? ', next ' + c.nextAttemptAt : '')),
    h('td', {}, table(['at', 'result', 'latency'], c.deliveries.map((d) => h('tr', { class: 'delivery' },
      h('td', {}, d.at), h('td', {}, d.ok ? 'ok ' + d.statusCode : (d.statusCode ? 'HTTP ' + d.statusCode : d.error || 'failed')), h('td', {}, (d.latencyMs ?? '') + ' ms')))))));
}

function journalRows(journal) {
  return journal.requests.slice().reverse().map((r) => h('tr', { 'data-seq': r.seq },
    h('td', {}, r.seq), h('td', {}, r.at), h('td', {}, fold('req' + r.seq, r.method + ' ' + r.path, h('p', {}, 'received'), json(r.requestBody), h('p', {}, 'answered'), json(r.responseBody))),
    h('td', { class: 'http' }, r.status === 0 ? 'dropped' : r.status), h('td', {}, r.durationMs + ' ms'), h('td', {}, r.fault || '')));
}

async function refresh() {
  if (needToken) return;
  try {
    const health = await api('/_sim/health').catch(() => null);
    const { merchants } = await api('/_sim/merchants');
    const m = selected(merchants);
    const base = '/_sim/merchants/' + encodeURIComponent(m.id);
    const [intents, callbacks, journal, clock, outcomes, faults, panel] = await Promise.all([
      api(base + '/intents'), api('/_sim/callbacks?merchantId=' + encodeURIComponent(m.id)), api(base + '/requests'),
      api(base + '/clock'), api(base + '/outcomes'), api(base + '/faults'),
      apiText('/_sim/ui/merchants/' + encodeURIComponent(m.id) + '/callbacks')]);
    $('merchants').replaceChildren(table(['name', 'environment', 'id', 'clientId', 'clientSecret', 'tokenId', 'apiKey'], merchantRows(merchants, m)));
    $('merchant-name').textContent = m.name;
    $('controls').replaceChildren(controls(clock, outcomes, faults));
    $('intents').replaceChildren(table(['reference / key', 'amount', 'status', 'created', 'attempts'], intentRows(intents.intents)));
    $('callbacks').replaceChildren(table(['kind', 'reference', 'url', 'state', 'deliveries'], callbackRows(callbacks.callbacks)));
    // Rendered and escaped by the simulator (pages/callbacks-panel.ts): placed as it is.
    $('callback-panel').innerHTML = panel;
    $('journal').replaceChildren(table(['#', 'at', 'request', 'status', 'took', 'fault'], journalRows(journal)),
      h('p', { class: 'empty' }, 'keeps the last ' + journal.limit + (journal.dropped ? '; ' + journal.dropped + ' older dropped' : '')));
    $('updated').textContent = 'updated ' + new Date().toLocaleTimeString() + (health ? ' · simulator ' + health.version + ', up ' + health.uptimeSeconds + ' s' : '');
    $('error').textContent = '';
  } catch (err) {
    $('error').textContent = String(err.message || err);
  }
  $('token-form').hidden = !needToken;
}

$('token-form').addEventListener('submit', (e) => {
  e.preventDefault();
  token = $('token-input').value.trim();
  sessionStorage.setItem(TOKEN_KEY, token);
  needToken = false;
  refresh();
});
// The panel's replay buttons: POST the replay, then redraw.
$('callback-panel').addEventListener('click', async (e) => {
  const url = e.target instanceof Element ? e.target.getAttribute('data-replay-url') : null;
  if (!url) return;
  await fetch(url, { method: 'POST', headers: token ? { authorization: 'Bearer ' + token } : {} });
  refresh();
});
window.addEventListener('hashchange', refresh);
refresh();
setInterval(() => { if (!$('pause').checked) refresh(); }, REFRESH_MS);
`;
