// Wire shapes of the /_sim inspection operations, built from stored records. Fields are picked one by
// one: a field a later record gains (card data) is never shown here by accident.
import type { components } from '../../../client/src/generated/simulator.js';
import { isExpired } from './intents.js';
import { triggeredOutcome } from './outcomes.js';
import type { AttemptRecord, IntentRecord, MerchantRecord, RefundRecord, TokenRecord } from './records.js';
import { reportedStatus } from './views.js';

type S = components['schemas'];

const isoOf = (ms: number) => new Date(ms).toISOString();

/** Attempts stored before overrides existed got their outcome from the test number, or the default. */
function legacySource(a: AttemptRecord): S['SimAttempt']['outcomeSource'] {
  return a.mobile !== undefined && triggeredOutcome(a.provider, a.mobile) !== undefined ? 'trigger' : 'default';
}

function attemptView(a: AttemptRecord): S['SimAttempt'] {
  return {
    id: a.id,
    provider: a.provider,
    status: a.status,
    outcome: a.outcome,
    outcomeSource: a.outcomeSource ?? legacySource(a),
    amount: a.amount,
    ...(a.mobile !== undefined ? { mobile: a.mobile } : {}),
    message: a.message,
    providerReference: a.providerReference,
    ...(a.resultCode !== undefined ? { resultCode: a.resultCode } : {}),
    ...(a.token ? { token: { id: a.token.id, use: a.token.use } } : {}),
    createdAt: a.createdAt,
    resolveAt: isoOf(a.resolveAt),
    finishedAt: a.finishedAt ?? null,
  };
}

export function refundView(r: RefundRecord): S['SimRefund'] {
  return {
    id: r.id,
    amount: r.amount,
    status: r.status,
    outcome: r.outcome ?? 'success',
    outcomeSource: r.outcomeSource ?? 'default',
    ...(r.message !== undefined ? { message: r.message } : {}),
    reason: r.reason,
    ...(r.callbackUrl !== undefined ? { callbackUrl: r.callbackUrl } : {}),
    createdAt: r.createdAt,
    resolveAt: r.resolveAt === undefined ? null : isoOf(r.resolveAt),
    finishedAt: r.finishedAt ?? null,
  };
}

/** An intent as the inspector shows it; status and expiry as the status API would report them at `nowMs`. */
export function simIntentView(intent: IntentRecord, nowMs: number): S['SimIntent'] {
  return {
    reference: intent.id,
    key: intent.key,
    amount: intent.amount,
    currency: intent.currency,
    description: intent.description,
    callbackUrl: intent.callbackUrl,
    status: reportedStatus(intent, nowMs),
    expired: isExpired(intent, nowMs),
    expiresAt: intent.expiresAt,
    createdAt: intent.createdAt,
    attempts: intent.attempts.map(attemptView),
    refunds: intent.refunds.map(refundView),
  };
}

/** A saved card as /_sim shows it: what was kept of the card, never more. */
export function savedCardView(t: TokenRecord): S['SavedCard'] {
  return {
    id: t.id,
    merchantId: t.merchantId,
    environment: t.environment,
    card: { ...t.card },
    cardOutcome: t.cardOutcome,
    reference: t.reference,
    createdAt: t.createdAt,
  };
}

/**
 * A merchant as /_sim, the console and the command line show it. The record is the wire Merchant plus two
 * fields of the simulator's own bookkeeping, so those two are the ones left out.
 */
export function merchantView(m: MerchantRecord): S['Merchant'] {
  const { demo: _demo, createdAt: _createdAt, ...view } = m;
  return view;
}
