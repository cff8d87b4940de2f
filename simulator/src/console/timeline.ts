// The payment's timeline (docs/decisions/0107): everything that happened to one intent, in order, on its
// merchant's clock, built from what is stored (the intent with its attempts, 3-D Secure session and
// refunds; its callbacks with every delivery) and what the request journal still holds (the create body,
// status reads, the 3-D Secure calls: timeline-calls.ts). Data only: the page renders it.
import type { CallbackRecord, DeliveryRecord, IntentRecord, MerchantRecord, OutcomeSource } from '../domain/records.js';
import type { JournalEntry } from '../services/journal.js';
import { formatMoney as money } from '../pages/html.js';
import { callbackCurl, requestCurl } from './curl.js';
import { callEvents, pretty } from './timeline-calls.js';

export type Tone = 'ok' | 'bad' | 'wait' | 'info';

export interface TimelineEvent {
  at: string;
  title: string;
  tone: Tone;
  /** One-line facts under the title. */
  facts: string[];
  /** Bodies and headers, shown folded. */
  blocks: Array<{ label: string; text: string }>;
  curl?: string;
  /** For a callback: its id (the replay button) and each delivery. */
  callback?: { id: string; deliveries: DeliveryRecord[]; state: CallbackRecord['state'] };
}

/** How an attempt's outcome was chosen, to follow "chosen by". */
const SOURCES: Record<NonNullable<OutcomeSource>, string> = {
  override: 'a queued outcome (/_sim outcomes)',
  trigger: 'the test number or test card',
  default: 'the default (no test number, nothing queued)',
  resolved: 'an answer given by hand (the console or /_sim resolve)',
};

const toneOf = (status: string): Tone => (status === 'COMPLETED' ? 'ok' : status === 'FAILED' ? 'bad' : 'wait');

function created(intent: IntentRecord, entry: JournalEntry | undefined, publicUrl: string, merchant: MerchantRecord | undefined): TimelineEvent {
  const body = entry?.requestBody ?? {
    amount: intent.amount,
    currency: intent.currency,
    description: intent.description,
    key: intent.key,
    callbackUrl: intent.callbackUrl,
    ...(intent.returnUrl ? { returnUrl: intent.returnUrl } : {}),
    expiresAt: intent.expiresInMinutes,
    payload: intent.payload,
    metadata: intent.metadata,
  };
  return {
    at: intent.createdAt,
    title: 'Intent created',
    tone: 'info',
    facts: [
      `Key ${intent.key}`,
      `Expires ${intent.expiresAt}`,
      entry ? `Answered ${entry.status} in ${entry.durationMs} ms` : 'Request rebuilt from the stored intent (the journal no longer holds it)',
    ],
    blocks: [{ label: 'Request body', text: pretty(body) }, ...(entry?.responseBody ? [{ label: 'Response body', text: pretty(entry.responseBody) }] : [])],
    curl: requestCurl(publicUrl, 'POST', `/api/payments/${merchant?.tokenId ?? '{tokenId}'}/pay`, 'basic', body),
  };
}

/**
 * The attempts, each followed by the payment callbacks it caused: the n-th callback sent because a payment
 * became final belongs to the n-th attempt that became final; a replay or duplicate follows its original.
 * (With a frozen test clock everything shares one instant, and this keeps the story in order.)
 */
function attemptEvents(intent: IntentRecord, publicUrl: string, callbacks: CallbackRecord[]): TimelineEvent[] {
  const payment = callbacks.filter((cb) => cb.kind === 'payment');
  const firsts = payment.filter((cb) => (cb.origin ?? 'event') === 'event');
  const copiesOf = (id: string): CallbackRecord[] => payment.filter((cb) => cb.originalId === id).flatMap((cb) => [cb, ...copiesOf(cb.id)]);
  const finals = intent.attempts.filter((a) => a.finishedAt);
  const attached = new Set<string>();
  const forAttempt = (id: string): CallbackRecord[] => {
    const first = firsts[finals.findIndex((a) => a.id === id)];
    const mine = first ? [first, ...copiesOf(first.id)] : [];
    for (const cb of mine) attached.add(cb.id);
    return mine;
  };
  const events = intent.attempts.flatMap((a) => attemptPair(intent, a, publicUrl).concat(callbackEvents(forAttempt(a.id))));
  return events.concat(callbackEvents(callbacks.filter((cb) => cb.kind === 'payment' && !attached.has(cb.id))));
}

/** The process request that starts such an attempt (a card's number went to cspaToken and enroll before it). */
function processBody(a: IntentRecord['attempts'][number]): unknown {
  if (a.mobile) return { type: a.provider, payment: { mobile: a.mobile } };
  if (a.token?.use === 'used') return { type: 'CARDS', payment: { customer: { id: a.token.id } } };
  return { type: 'CARDS' };
}

function attemptPair(intent: IntentRecord, a: IntentRecord['attempts'][number], publicUrl: string): TimelineEvent[] {
  const who = a.mobile ? ` to ${a.mobile}` : a.card ? ` with ${a.card.brand} •••• ${a.card.last4}` : '';
  const how = a.token?.use === 'used' ? "the saved card's outcome" : SOURCES[a.outcomeSource ?? 'default'];
  const started: TimelineEvent = {
    at: a.createdAt,
    title: `Payment attempt: ${a.provider}${who}`,
    tone: 'info',
    facts: [
      `Amount ${money(a.amount, intent.currency)}`,
      `${a.finishedAt ? 'Outcome' : 'Will end as'} ${a.outcome}, chosen by ${how}`,
      ...(a.token ? [`Saved card ${a.token.id} (${a.token.use})`] : []),
      ...(a.finishedAt ? [] : [a.mobile ? "Waiting for the shopper's PIN: answer it under Make it happen" : 'Waiting for the card to be processed']),
    ],
    blocks: [],
    curl: requestCurl(publicUrl, 'POST', `/pay/${intent.id}/process`, 'none', processBody(a)),
  };
  if (!a.finishedAt) return [started];
  const finished: TimelineEvent = {
    at: a.finishedAt,
    title: `Attempt ${a.status}`,
    tone: toneOf(a.status),
    facts: [
      a.message,
      ...(a.resultCode !== undefined ? [`Result code ${a.resultCode}`] : []),
      ...(a.providerReference ? [`Provider reference ${a.providerReference}`] : []),
    ],
    blocks: [],
  };
  return [started, finished];
}

function threeDsEvents(intent: IntentRecord): TimelineEvent[] {
  const s = intent.card3ds;
  if (!s) return [];
  const stage = {
    collecting: 'device data collection',
    challenge: "waiting for the shopper's challenge answer",
    authenticated: 'authenticated',
    failed: `failed (${s.failure ?? 'authentication_failed'})`,
  }[s.stage];
  return [
    {
      at: s.createdAt,
      title: `3-D Secure: ${stage}`,
      tone: s.stage === 'failed' ? 'bad' : s.stage === 'authenticated' ? 'ok' : 'wait',
      facts: [
        `Card ${s.card.brand} ${s.card.first6}•••${s.card.last4}`,
        `Card outcome ${s.outcome}`,
        `Device data ${s.deviceDataCollected ? 'collected' : 'not collected'}`,
        ...(s.challenge ? [`Challenge ${s.challenge.id}`] : []),
      ],
      blocks: [],
    },
  ];
}

function refundEvents(intent: IntentRecord): TimelineEvent[] {
  return intent.refunds.flatMap((r) => {
    const asked: TimelineEvent = {
      at: r.createdAt,
      title: `Refund ${r.id} of ${money(r.amount, intent.currency)}`,
      tone: 'info',
      facts: [r.reason ? `Reason: ${r.reason}` : 'No reason given', r.callbackUrl ? `Callback to ${r.callbackUrl}` : 'No refund callback'],
      blocks: [],
    };
    return r.finishedAt
      ? [asked, { at: r.finishedAt, title: `Refund ${r.status}`, tone: toneOf(r.status), facts: [money(r.amount, intent.currency)], blocks: [] }]
      : [asked];
  });
}

function callbackEvents(callbacks: CallbackRecord[]): TimelineEvent[] {
  return callbacks.map((cb) => ({
    at: cb.createdAt,
    title: `${cb.kind === 'refund' ? 'Refund callback' : 'Callback'} ${cb.state}${cb.origin && cb.origin !== 'event' ? ` (${cb.origin})` : ''}`,
    tone: cb.state === 'delivered' ? 'ok' : cb.state === 'failed' ? 'bad' : 'wait',
    facts: [
      `To ${cb.url}`,
      `${cb.deliveries.length} delivery attempt${cb.deliveries.length === 1 ? '' : 's'}`,
      ...(cb.nextAttemptAt !== null && cb.state === 'pending' ? [`Next attempt ${new Date(cb.nextAttemptAt).toISOString()}`] : []),
    ],
    // The exact bytes signed: the compact JSON of the body (callbacks/signing.ts).
    blocks: [{ label: 'Signed body (exact)', text: JSON.stringify(cb.body) }],
    curl: callbackCurl(cb.url, JSON.stringify(cb.body), cb.deliveries.at(-1)?.signature),
    callback: { id: cb.id, deliveries: cb.deliveries, state: cb.state },
  }));
}

export interface TimelineInput {
  intent: IntentRecord;
  merchant: MerchantRecord | undefined;
  callbacks: CallbackRecord[];
  journal: JournalEntry[];
  publicUrl: string;
  now: number;
}

export function buildTimeline({ intent, merchant, callbacks, journal, publicUrl, now }: TimelineInput): TimelineEvent[] {
  const createEntry = journal.find((e) => e.operationId === 'createIntent');
  const events = [
    created(intent, createEntry, publicUrl, merchant),
    ...attemptEvents(intent, publicUrl, callbacks),
    ...threeDsEvents(intent),
    ...callEvents(journal, publicUrl),
    ...refundEvents(intent),
    ...callbackEvents(callbacks.filter((cb) => cb.kind === 'refund')),
  ];
  if (intent.status !== 'COMPLETED' && Date.parse(intent.expiresAt) <= now) {
    events.push({ at: intent.expiresAt, title: 'Intent expired', tone: 'bad', facts: ['It can no longer be paid'], blocks: [] });
  }
  // Stable: events at the same instant keep the order above (created, attempt, its result, its callback).
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.at < b.e.at ? -1 : a.e.at > b.e.at ? 1 : a.i - b.i))
    .map(({ e }) => e);
}
