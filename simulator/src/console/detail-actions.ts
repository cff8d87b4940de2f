// The forms of the payment page, offered only when they can work: answer the waiting shopper step,
// refund, expire, check the receiver at the payment's callbackUrl. Each posts to the console, which calls
// the /_sim operation of the same name (console/actions.ts).
import { mobileOutcomes } from '../domain/catalogue.js';
import { refundable } from '../domain/intents.js';
import { escapeHtml, formatMoney } from '../pages/html.js';
import type { DetailView } from './detail-page.js';
import { CONSOLE } from './layout.js';

const CHALLENGE_OUTCOMES: Array<[string, string]> = [
  ['challenge_passed', 'Passed: the shopper authenticates'],
  ['challenge_rejected', 'Failed: the shopper answers Fail'],
  ['challenge_cancelled', 'Cancelled by the shopper'],
];

/** Short enough for a phone-width select; the catalogue's name follows, as the API spells it. */
const PIN_LABELS: Partial<Record<string, string>> = {
  success: 'PIN entered: paid',
  cancelled_by_user: 'Cancelled by the shopper',
  wrong_pin: 'Wrong PIN',
  insufficient_funds: 'Insufficient funds',
  no_pin_entered: 'No answer (timeout)',
  subscriber_busy: 'Subscriber busy',
};

const PIN_OUTCOMES: Array<[string, string]> = Object.values(mobileOutcomes)
  .filter((o) => o.timing === 'pin')
  .map((o) => [o.outcome, `${PIN_LABELS[o.outcome] ?? o.description} (${o.outcome})`]);

function form(reference: string, action: string, inner: string): string {
  return `<form method="post" action="${CONSOLE}/payments/${encodeURIComponent(reference)}/${action}">${inner}</form>`;
}

function resolveForm(view: DetailView): string {
  const { intent } = view;
  const waitingPin = intent.attempts.some((a) => a.status === 'PENDING' && a.provider !== 'CARDS');
  const waitingChallenge = intent.card3ds?.stage === 'challenge';
  if (!waitingPin && !waitingChallenge) return '';
  const outcomes = waitingPin ? PIN_OUTCOMES : CHALLENGE_OUTCOMES;
  const what = waitingPin ? 'The shopper has a PIN prompt on the phone.' : 'The shopper has a 3-D Secure challenge open.';
  const options = outcomes.map(([value, text]) => `<option value="${value}">${escapeHtml(text)}</option>`).join('');
  return form(
    intent.id,
    'resolve',
    `<h3>Answer for the shopper</h3><p class="small">${what} Answer it now with any outcome.</p>
<label for="a-outcome">Outcome</label><select id="a-outcome" name="outcome">${options}</select><p><button type="submit">Answer now</button></p>`,
  );
}

function refundForm(view: DetailView): string {
  const { intent } = view;
  const left = intent.status === 'COMPLETED' ? refundable(intent) : 0;
  if (left <= 0) return '';
  return form(
    intent.id,
    'refund',
    `<h3>Refund</h3><p class="small">Up to ${escapeHtml(formatMoney(left, intent.currency))} left to refund, as the merchant's POST /api/refund would.</p>
<div class="row"><div><label for="a-amount">Amount</label><input id="a-amount" name="amount" inputmode="decimal" required value="${left}"></div>
<div><label for="a-reason">Reason</label><input id="a-reason" name="reason" maxlength="200"></div></div>
<label for="a-cb">Refund callback URL (optional)</label><input id="a-cb" name="callbackUrl" type="url" aria-describedby="a-cb-hint"><p id="a-cb-hint" class="small muted hint">Left empty, no refund callback is sent (as with the API).</p>
<p><button type="submit">Refund</button></p>`,
  );
}

function expireForm(view: DetailView): string {
  if (view.intent.status === 'COMPLETED' || view.expired) return '';
  return form(
    view.intent.id,
    'expire',
    `<h3>Expire</h3><p class="small">Moves the expiry to now: the intent can no longer be paid.</p><button type="submit" class="danger">Expire now</button>`,
  );
}

function checkForm(view: DetailView): string {
  const report = view.check && view.check.url === view.intent.callbackUrl ? view.check : undefined;
  const result = report
    ? `<p class="small">Last check (${escapeHtml(report.checkedAt)}): <strong>${report.safe ? 'safe' : 'unsafe'}</strong>, ${report.cases.filter((c) => c.passed).length} of ${report.cases.length} cases passed.</p>
<ul class="small">${report.cases.map((c) => `<li>${c.passed ? 'Passed' : 'Failed'}: ${escapeHtml(c.name)}${c.passed ? '' : ` — ${escapeHtml(c.explanation)}`}</li>`).join('')}</ul>`
    : '';
  return form(
    view.intent.id,
    'check',
    `<h3>Receiver check</h3><p class="small">Sends five signed test callbacks (forgeries, a stale one, a valid one and its duplicate) to <code>${escapeHtml(view.intent.callbackUrl)}</code> and grades the answers.</p>${result}<button type="submit" class="secondary">Check the receiver</button>`,
  );
}

export function actionsHtml(view: DetailView): string {
  const forms = [resolveForm(view), refundForm(view), expireForm(view), checkForm(view)].filter(Boolean);
  return forms.join('');
}
