// Card payments for tests: the 3-D Secure calls as the official client makes them (cspaToken, enroll with
// the browser's device information, process), the shopper's answer at the challenge (through /_sim or
// the challenge page's form), and cards that stay valid on the manual clock whatever its date.
import type { LightMyRequestResponse } from 'fastify';
import { createVerify } from 'node:crypto';
import type { components } from '../../client/src/generated/littlepay.js';
import { EXAMPLE_DEVICE_INFORMATION } from '../../client/src/index.js';
import { catalogue } from '../../simulator/src/domain/catalogue.js';
import { createIntent, until, type TestSim } from './sim.js';

export type Card = components['schemas']['CardDetails'];

/** What the official client gathers in the browser (littlepay-api.md §4.4). */
const DEVICE_INFORMATION = EXAMPLE_DEVICE_INFORMATION;

/** Distinctive CVVs (nothing else in a reply or the store is likely to hold them as a whole string). */
export const CVV3 = '737';
export const CVV4 = '7373';

/** December, two years after the sim's current date: valid whatever the manual clock says. */
function futureExpiry(sim: TestSim, format: 'MM/YY' | 'MM/YYYY' = 'MM/YY'): string {
  const year = new Date(sim.clock.now()).getUTCFullYear() + 2;
  return format === 'MM/YY' ? `12/${String(year).slice(-2)}` : `12/${year}`;
}

/** The expiry as the masked card shows it (MM/YY). */
const maskedExpiry = (exp: string) => `${exp.slice(0, 2)}/${exp.slice(-2)}`;

export function card(sim: TestSim, number: string, overrides: Partial<Card> = {}): Card {
  const cvv = number.startsWith('34') || number.startsWith('37') ? CVV4 : CVV3;
  return { cc_number: number, cc_cvv: cvv, cc_exp: futureExpiry(sim), cc_name: 'Jane Doe', ...overrides };
}

/** What status and the callback keep of a card. */
export function masked(c: Card, brand: string) {
  return { brand, first6: c.cc_number.slice(0, 6), last4: c.cc_number.slice(-4), expiry: maskedExpiry(c.cc_exp) };
}

/** Every catalogue test card with its entry (outcome, enroll action, final status and message). */
export const catalogueCards = catalogue()
  .filter((e) => e.trigger.kind === 'card' && e.trigger.card)
  .map((e) => ({ ...e, number: e.trigger.card!, brand: e.trigger.brand!, enroll: e.enroll! }));

/** The first catalogue card of an outcome. */
export function cardFor(outcome: string): string {
  const entry = catalogueCards.find((e) => e.outcome === outcome);
  if (!entry) throw new Error(`no catalogue card for ${outcome}`);
  return entry.number;
}

/** Luhn-valid cards no catalogue entry lists: they succeed frictionless. */
export const OTHER_VISA = '4242424242424242';
export const OTHER_AMEX = '378282246310005';

const json = { 'content-type': 'application/json' };

export function cspaToken(sim: TestSim, reference: string, payment: Record<string, unknown>) {
  return sim.inject({ method: 'POST', url: `/pay/${reference}/cspaToken`, headers: json, payload: { type: 'CARDS', payment } });
}

/** enroll as the official client sends it (device information, type and card), or device information only. */
export function enroll(sim: TestSim, reference: string, payment?: Record<string, unknown>) {
  const body = payment ? { deviceInformation: DEVICE_INFORMATION, type: 'CARDS', payment } : { deviceInformation: DEVICE_INFORMATION };
  return sim.inject({ method: 'POST', url: `/pay/${reference}/enroll`, headers: json, payload: body });
}

/** process for CARDS: with the card, with a partial payment, or `{type: 'CARDS'}` alone. */
export function processCard(sim: TestSim, reference: string, payment?: Record<string, unknown>, longPoll = false) {
  return sim.inject({
    method: 'POST',
    url: `/pay/${reference}/process${longPoll ? '?longPoll=true' : ''}`,
    headers: json,
    payload: payment ? { type: 'CARDS', payment } : { type: 'CARDS' },
  });
}

/** The shopper's answer at the challenge, through /_sim (as a script without a browser gives it). */
export function answerChallenge(sim: TestSim, reference: string, answer: 'authenticate' | 'fail' | 'cancel') {
  return sim.inject({ method: 'POST', url: `/_sim/intents/${reference}/challenge`, headers: json, payload: { answer } });
}

/** A browser's HTML form POST to one of the /cardinal pages. */
export function formPost(sim: TestSim, url: string, fields: Record<string, string>) {
  return sim.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });
}

/**
 * What the challenge's answer page does in a browser once it has posted its message: its beacon, which lets
 * a held process answer (docs/decisions/0082).
 */
export function pageBeacon(sim: TestSim, answerPageHtml: string) {
  const { url, form } = beaconOf(answerPageHtml) ?? {};
  if (!url || !form) throw new Error('the page has no beacon to send');
  return formPost(sim, url, form);
}

/** The beacon an answer page sends, or null: it has one only when a long-polled process waits on it. */
export function beaconOf(answerPageHtml: string): { url: string; form: Record<string, string> } | null {
  const match = /<script type="application\/json" id="page-data">(.*?)<\/script>/s.exec(answerPageHtml);
  return (JSON.parse(match?.[1] ?? '{}') as { delivered?: { url: string; form: Record<string, string> } | null }).delivered ?? null;
}

/** The path of an absolute URL the simulator handed out (deviceDataCollectionUrl, stepUpUrl). */
export const pathOf = (url: string) => new URL(url).pathname;

/**
 * Starts a long-polled card process and waits until its attempt is pending on the intent. The held
 * answer comes back wrapped: awaiting a bare promise here would wait for the answer itself.
 */
export async function heldProcess(sim: TestSim, reference: string, payment?: Record<string, unknown>) {
  let settled = false;
  const answer = processCard(sim, reference, payment, true);
  void answer.then(
    () => (settled = true),
    () => (settled = true),
  );
  await until(() => sim.app.sim.ctx.store.get('intents', reference)?.attempts.some((a) => a.status === 'PENDING') ?? false);
  return { answer, settled: () => settled };
}

/** The JSON body of a reply, failing with its body when the status is not the expected one. */
export function bodyOf(res: LightMyRequestResponse, status = 200) {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  return res.json();
}

/** The `data` of a reply in the API's { date, data } envelope (every error, and every Little Pay answer). */
export const dataOf = (res: LightMyRequestResponse, status = 200) => bodyOf(res, status).data;

/** A JWT's claims, if its RS256 signature verifies with `publicKeyPem`; null otherwise. */
export function verifyRs256(token: string, publicKeyPem: string): Record<string, unknown> | null {
  const [header, payload, signature] = token.split('.');
  if (!header || !payload || !signature) return null;
  const head = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: string };
  if (head.alg !== 'RS256') return null;
  const ok = createVerify('SHA256').update(`${header}.${payload}`).verify(publicKeyPem, signature, 'base64url');
  return ok ? (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>) : null;
}

/** The callbacks sent for one intent, oldest first. */
export const callbacksOf = (sim: TestSim, reference: string) =>
  sim.sent.filter((s) => (s.body as { reference?: string }).reference === reference).map((s) => s.body as Record<string, unknown>);

/** An intent whose card waits at the challenge: cspaToken and enroll done (AUTHENTICATE), nothing answered. */
export async function atChallenge(sim: TestSim, key = 'CH1', number = cardFor('challenge_success')) {
  const intent = await createIntent(sim, sim.sandbox, { key, amount: 1500 });
  const c = card(sim, number);
  const paToken = dataOf(await cspaToken(sim, intent.reference, c)).paToken as { accessToken: string; deviceDataCollectionUrl: string; referenceId: string };
  const enrolled = dataOf(await enroll(sim, intent.reference, c)) as { action: string; accessToken: string; stepUpUrl: string };
  if (enrolled.action !== 'AUTHENTICATE') throw new Error(`expected AUTHENTICATE for ${number}, got ${enrolled.action}`);
  return { reference: intent.reference, card: c, paToken, enrolled };
}
