// The 3-D Secure state machine of a card on an intent, as data and pure functions (no clock reads,
// no I/O). A session moves collecting → (authenticated | challenge | failed), and a challenge moves to
// authenticated or failed by the shopper's answer or by the deadline. An attempt that uses a decided
// session gets its final result from authorize(). Choices: docs/decisions/0011-cards-and-3ds.md.
import { cardEventOutcomes, cardOutcomes, type CardEventOutcomeName, type CardOutcomeName, type EnrollAction } from './catalogue.js';
import type { CardSessionRecord, MaskedCard, PaymentStatus } from './records.js';
import { sameCard } from './cards.js';

export type ChallengeAnswer = 'authenticate' | 'fail' | 'cancel';

export interface CardResult {
  status: Exclude<PaymentStatus, 'PENDING'>;
  outcome: string;
  resultCode: number;
  message: string;
}

export function newSession(id: string, card: MaskedCard, outcome: string, nowIso: string, deadline: number): CardSessionRecord {
  return { id, card, outcome, stage: 'collecting', deviceDataCollected: false, createdAt: nowIso, deadline };
}

/** A session still undecided past its deadline has timed out. */
export function effectiveSession(session: CardSessionRecord | undefined, nowMs: number): CardSessionRecord | undefined {
  if (!session) return undefined;
  if ((session.stage === 'collecting' || session.stage === 'challenge') && nowMs >= session.deadline) {
    const { challenge: _challenge, ...rest } = session;
    return { ...rest, stage: 'failed', failure: 'authentication_timeout' };
  }
  return session;
}

/**
 * Whether a card given now continues the session or starts a new one. The same card continues it; a
 * failed session is continued only by process (which then answers FAILED, as the official client
 * expects after enroll said FAILED), while cspaToken and enroll start over, so the shopper can retry.
 */
export function continues(session: CardSessionRecord, card: MaskedCard, step: 'setup' | 'process'): boolean {
  if (!sameCard(session.card, card)) return false;
  if (session.stage !== 'failed') return true;
  return step === 'process' && session.failure !== 'authentication_timeout';
}

function enrollOf(outcome: string): EnrollAction {
  return outcome in cardOutcomes ? cardOutcomes[outcome as CardOutcomeName].enroll : 'MAKE_PAYMENT';
}

/** Enrollment (the issuer's lookup): decides a collecting session; a decided one stays as it is. */
export function enroll(session: CardSessionRecord, challengeId: string): CardSessionRecord {
  if (session.stage !== 'collecting') return session;
  const action = enrollOf(session.outcome);
  if (action === 'MAKE_PAYMENT') return { ...session, stage: 'authenticated' };
  if (action === 'FAILED') return { ...session, stage: 'failed', failure: session.outcome };
  return { ...session, stage: 'challenge', challenge: { id: challengeId, expiresAt: session.deadline } };
}

export function enrollAction(session: CardSessionRecord): EnrollAction {
  return session.stage === 'authenticated' ? 'MAKE_PAYMENT' : session.stage === 'challenge' ? 'AUTHENTICATE' : 'FAILED';
}

/** The shopper's answer at the challenge. "Authenticate" passes only if the card's issuer lets it. */
export function answerChallenge(session: CardSessionRecord, answer: ChallengeAnswer): CardSessionRecord {
  const { challenge: _challenge, ...rest } = session;
  if (answer === 'fail') return { ...rest, stage: 'failed', failure: 'challenge_rejected' };
  if (answer === 'cancel') return { ...rest, stage: 'failed', failure: 'challenge_cancelled' };
  const passes =
    session.outcome in cardOutcomes && (cardOutcomes[session.outcome as CardOutcomeName] as { challengePasses?: boolean }).challengePasses === true;
  return passes ? { ...rest, stage: 'authenticated' } : { ...rest, stage: 'failed', failure: session.outcome };
}

/** The result of any named card outcome (a card's own or an event's). */
export function cardResult(outcome: string): CardResult {
  if (outcome in cardEventOutcomes) {
    const o = cardEventOutcomes[outcome as CardEventOutcomeName];
    return { status: 'FAILED', outcome, resultCode: o.resultCode, message: o.message };
  }
  const o = cardOutcomes[outcome as CardOutcomeName] ?? cardOutcomes.success;
  return { status: o.status, outcome: o.outcome, resultCode: o.resultCode, message: o.message };
}

/** The final result of an attempt that uses a decided session: authorisation after authentication. */
export function authorize(session: CardSessionRecord): CardResult {
  if (session.stage === 'failed') return cardResult(session.failure ?? 'authentication_failed');
  if (session.stage !== 'authenticated') throw new Error(`authorize() needs a decided session, not ${session.stage}`);
  return cardResult(session.outcome);
}

export const isDecided = (session: CardSessionRecord) => session.stage === 'authenticated' || session.stage === 'failed';
