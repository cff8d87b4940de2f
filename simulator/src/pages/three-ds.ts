// The offline stand-ins for Cardinal Commerce's pages: the device-data-collection page that a hidden
// iframe form-POSTs paToken.accessToken to, and the issuer's challenge page that takes the form POST of
// JWT and MD. Both answer the browser the way the official client waits for (window messages).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { ApiError } from '../domain/errors.js';
import { cardOutcomes, type CardOutcomeName } from '../domain/catalogue.js';
import type { CardSessionRecord, IntentRecord } from '../domain/records.js';
import { cardResult, type ChallengeAnswer } from '../domain/three-ds.js';
import { iso } from '../runtime/clock.js';
import { verifyJwt, type JwtClaims } from '../runtime/jwt.js';
import { COLLECT_PATH, STEP_UP_PATH, type Cards } from '../services/cards.js';
import type { Context } from '../services/context.js';
import { escapeHtml, formatAmount, page } from './html.js';
import { DELIVERED_PATH_SUFFIX, StepUpReleases } from './step-up-release.js';

type Form = Record<string, string | undefined>;
const ANSWERS: readonly ChallengeAnswer[] = ['authenticate', 'fail', 'cancel'];

/**
 * Posts `message` to whoever opened or framed this page, then (the challenge's answer) tells the simulator
 * it has, so that a held process is answered after the message (docs/decisions/0082). Top-level pages then
 * go to `redirect` (if any).
 */
const NOTIFY = String.raw`
const data = JSON.parse(document.getElementById('page-data').textContent);
const target = window.opener || (window.parent !== window ? window.parent : null);
if (target) target.postMessage(data.message, '*');
if (data.delivered) navigator.sendBeacon(data.delivered.url, new URLSearchParams(data.delivered.form));
if (window.parent === window && data.redirect) setTimeout(function () { window.location.assign(data.redirect); }, data.delayMs);`;

export function registerThreeDsPages(app: FastifyInstance, ctx: Context, cards: Cards): void {
  const releases = new StepUpReleases();
  const html = (reply: FastifyReply, status: number, body: string) => reply.code(status).type('text/html; charset=utf-8').send(body);

  /** A JWT this simulator signed, still valid on the merchant's clock, for an intent that exists. */
  const verified = (token: string | undefined): { claims: JwtClaims; intent: IntentRecord } | string => {
    const claims = token ? verifyJwt(token, ctx.keys.publicKeyPem) : null;
    if (!claims || typeof claims.reference !== 'string') return 'The JWT is missing, malformed or not signed by this simulator.';
    const intent = ctx.store.get('intents', claims.reference);
    if (!intent) return 'The JWT names a payment this simulator does not know.';
    if (ctx.clockFor(intent.merchantId).now() >= claims.exp * 1000) return 'The JWT has expired.';
    return { claims, intent };
  };

  app.post(COLLECT_PATH, async (req, reply) => {
    const check = verified((req.body as Form | undefined)?.JWT);
    const ok = typeof check !== 'string';
    if (ok) await cards.markCollected(check.intent.id, String(check.claims.ReferenceId));
    // Cardinal posts a JSON string; the official client parses it.
    const message = JSON.stringify({ MessageType: 'profile.completed', SessionId: ok ? check.claims.ReferenceId : null, Status: ok });
    return html(
      reply,
      ok ? 200 : 400,
      page('Device data collection', `<p class="muted">${ok ? 'Device data collected.' : escapeHtml(check)}</p>`, { data: { message }, script: NOTIFY }),
    );
  });

  app.post(STEP_UP_PATH, async (req, reply) => {
    const form = (req.body ?? {}) as Form;
    const check = verified(form.JWT);
    if (typeof check === 'string') return html(reply, 400, notValid(check));
    const { intent, claims } = check;
    if (form.MD !== intent.id) return html(reply, 400, notValid(`MD must be the payment's reference (${intent.id}).`));
    const session = intent.card3ds;
    if (!session || session.stage !== 'challenge' || session.challenge?.id !== claims.jti) {
      return html(reply, 409, notValid('This challenge has already been answered, has timed out, or was replaced by a newer one.'));
    }
    return html(reply, 200, challengePage(ctx, intent, session, form.JWT!));
  });

  app.post(`${STEP_UP_PATH}/answer`, async (req, reply) => {
    const form = (req.body ?? {}) as Form;
    const check = verified(form.JWT);
    if (typeof check === 'string') return html(reply, 400, notValid(check));
    const answer = form.answer as ChallengeAnswer;
    if (!ANSWERS.includes(answer)) return html(reply, 400, notValid('answer must be authenticate, fail or cancel.'));
    const reference = check.intent.id;
    const challengeId = String(check.claims.jti);
    // Held before the answer is committed: the process it finalises must not answer before this page.
    const release = cards.holdProcess(reference);
    try {
      const { intent, session } = await cards.answerChallenge(reference, challengeId, answer);
      // Only a process already waiting needs the page's beacon; a page that sends none (process comes after
      // its message, as the hosted checkout does) leaves the browser's connections alone.
      if (!cards.processWaiting(reference)) {
        release();
        return html(reply, 200, answerPage(intent, session, null));
      }
      releases.track(reference, challengeId, release, reply, ctx.clockFor(intent.merchantId));
      const delivered = { url: `${STEP_UP_PATH}${DELIVERED_PATH_SUFFIX}`, form: { reference, challenge: challengeId } };
      return html(reply, 200, answerPage(intent, session, delivered));
    } catch (err) {
      release();
      if (err instanceof ApiError) return html(reply, err.status, notValid(err.message));
      throw err;
    }
  });

  // The answer page's beacon, sent once its message is posted. Answers 204 whatever it names.
  app.post(`${STEP_UP_PATH}${DELIVERED_PATH_SUFFIX}`, async (req, reply) => {
    const form = (req.body ?? {}) as Form;
    releases.delivered(form.reference ?? '', form.challenge ?? '');
    return reply.code(204).send();
  });
}

/** The page after the shopper's answer: it posts the result to the client, then sends its beacon. */
function answerPage(intent: IntentRecord, session: CardSessionRecord, delivered: { url: string; form: Record<string, string> } | null): string {
  const passed = session.stage === 'authenticated';
  const message = passed ? { action: 'MAKE_PAYMENT' } : { action: 'FAILED', message: cardResult(session.failure ?? 'authentication_failed').message };
  const redirect = redirectAfterChallenge(intent);
  const body = `<section class="card"><h1 class="${passed ? 'ok' : 'bad'}">${passed ? 'Authentication complete' : 'Authentication failed'}</h1>
    <p>${escapeHtml(passed ? 'You can return to the merchant.' : message.message)}</p>
    ${redirect ? `<p><a href="${escapeHtml(redirect)}">Continue to the merchant</a></p>` : '<p class="muted">You can close this window.</p>'}</section>`;
  return page(passed ? 'Authentication complete' : 'Authentication failed', body, {
    data: { message, redirect: redirect ?? null, delayMs: 1500, delivered },
    script: NOTIFY,
  });
}

/** metadata.authenticationRedirectUrl, else returnUrl, with ?reference=… (docs/decisions/0012-hosted-checkout.md). */
function redirectAfterChallenge(intent: IntentRecord): string | undefined {
  const target = intent.metadata.authenticationRedirectUrl ?? intent.returnUrl;
  if (!target) return undefined;
  const url = new URL(target);
  url.searchParams.set('reference', intent.id);
  return url.toString();
}

function notValid(reason: string): string {
  return page('Challenge not available', `<section class="card"><h1>Challenge not available</h1><p>${escapeHtml(reason)}</p></section>`);
}

function challengePage(ctx: Context, intent: IntentRecord, session: CardSessionRecord, jwt: string): string {
  const merchant = ctx.store.get('merchants', intent.merchantId);
  const outcome = cardOutcomes[session.outcome as CardOutcomeName] as { challengePasses?: boolean } | undefined;
  const hint =
    outcome?.challengePasses === false
      ? 'This test card fails at the challenge: the issuer rejects it whatever you answer.'
      : '"Authenticate" passes the challenge; "Fail" and "Cancel" fail the payment.';
  const expires = iso(session.challenge!.expiresAt).replace('T', ' ').slice(0, 16);
  const hidden = `<input type="hidden" name="JWT" value="${escapeHtml(jwt)}"><input type="hidden" name="MD" value="${escapeHtml(intent.id)}">`;
  const body = `<section class="card"><span class="badge">Simulated issuer · 3-D Secure</span>
    <h1>Confirm this payment</h1>
    <table><tr><th>Merchant</th><td>${escapeHtml(merchant?.name ?? '')}</td></tr>
    <tr><th>Amount</th><td id="challenge-amount">${escapeHtml(intent.currency)} ${formatAmount(intent.amount, intent.currency)}</td></tr>
    <tr><th>Card</th><td>${escapeHtml(session.card.brand.toUpperCase())} •••• ${escapeHtml(session.card.last4)}</td></tr></table>
    <p class="muted">${escapeHtml(hint)}</p>
    <form method="post" action="${STEP_UP_PATH}/answer">${hidden}
      <button name="answer" value="authenticate">Authenticate</button>
      <button name="answer" value="fail" class="danger">Fail</button>
      <button name="answer" value="cancel" class="secondary">Cancel</button>
    </form>
    <p class="muted">Leaving this page abandons the challenge: the payment fails when it times out at ${escapeHtml(expires)} UTC (on the merchant's clock).</p></section>`;
  return page('3-D Secure challenge', body);
}
