// Card payments with 3-D Secure: cspaToken, enroll, the challenge's answer and process for CARDS.
// Each call reads the intent, moves its card session by the pure rules of domain/three-ds.ts, commits,
// and finalises a waiting attempt once authentication is decided. Both orderings of the official client
// work: process may come first and wait (long-polled) for enroll and the challenge, or come last.
import type { components } from '../../../client/src/generated/littlepay.js';
import { afterAvs } from '../domain/avs.js';
import { cardOutcomeFor } from '../domain/catalogue.js';
import { checkCard, type CardDetails } from '../domain/cards.js';
import { ApiError } from '../domain/errors.js';
import { checkCanProcess, isExpired } from '../domain/intents.js';
import type { AttemptRecord, CardSessionRecord, IntentRecord, MerchantRecord } from '../domain/records.js';
import * as threeDs from '../domain/three-ds.js';
import { processView, type ProcessData } from '../domain/views.js';
import { iso } from '../runtime/clock.js';
import { signJwt } from '../runtime/jwt.js';
import { cardTransactionId, finalizeAttempt, type Waiters } from './attempts.js';
import { commit, type Context } from './context.js';
import type { Controls } from './controls.js';
import type { Payments } from './payments.js';
import type { SavedCards } from './saved-cards.js';
import type { Put } from '../store/store.js';

type S = components['schemas'];
export type PaTokenBody = S['CardPaymentRequest'];
export type EnrollBody = S['EnrollRequest'];
export type CardProcessBody = S['CardProcessRequest'];
export type PaTokenData = S['PaTokenResponse']['data'];
export type EnrollData = S['EnrollResponse']['data'];

const CARD_FIELDS = ['cc_number', 'cc_cvv', 'cc_exp', 'cc_name'] as const;
export const COLLECT_PATH = '/cardinal/collect';
export const STEP_UP_PATH = '/cardinal/step-up';

export class Cards {
  constructor(
    private readonly ctx: Context,
    private readonly payments: Payments,
    /** Queued outcomes: taken when a card's session starts (docs/decisions/0021). */
    private readonly controls: Controls,
    private readonly waiters: Waiters,
    private readonly savedCards: SavedCards,
  ) {}

  async createPaToken(reference: string, body: PaTokenBody): Promise<PaTokenData> {
    const { intent, merchant, now } = this.load(reference);
    checkOpen(intent, now);
    const { session, puts } = this.sessionFor(intent, merchant, body.payment, now, 'setup');
    await this.save(intent, session, now, puts);
    const claims = {
      jti: session.id,
      iat: sec(now),
      exp: sec(session.deadline),
      iss: 'littlepay-sim',
      OrgUnitId: merchant.id,
      ReferenceId: session.id,
      reference,
    };
    return {
      reference,
      message: 'Request processed successfully',
      paToken: {
        accessToken: signJwt(claims, this.ctx.keys.privateKey),
        deviceDataCollectionUrl: `${this.ctx.publicUrl()}${COLLECT_PATH}`,
        referenceId: session.id,
        token: this.ctx.ids.hex('pa-token', 32),
      },
    };
  }

  async enroll(reference: string, body: EnrollBody): Promise<EnrollData> {
    const { intent, merchant, now } = this.load(reference);
    checkOpen(intent, now);
    const current = threeDs.effectiveSession(intent.card3ds, now);
    const { session, puts } = body.payment ? this.sessionFor(intent, merchant, body.payment, now, 'setup') : { session: current, puts: [] };
    if (!session) throw cardRequired('enroll');
    const decided = threeDs.enroll(session, this.ctx.ids.hex('challenge', 24));
    await this.advance(intent, decided, now, puts);
    return this.enrollView(intent, decided, now);
  }

  async process(reference: string, body: CardProcessBody, longPoll: boolean): Promise<ProcessData> {
    const { intent, merchant, now } = this.load(reference);
    if (body.payment?.customer) return this.savedCards.pay(intent, merchant, tokenOf(body.payment));
    checkCanProcess(intent, now);
    const card = cardFields(body.payment);
    const { session, puts } = card
      ? this.sessionFor(intent, merchant, card, now, 'process')
      : { session: threeDs.effectiveSession(intent.card3ds, now), puts: [] };
    if (!session) throw cardRequired('process');
    const attempt: AttemptRecord = {
      id: `att_${this.ctx.ids.hex('attempt', 16)}`,
      provider: 'CARDS',
      status: 'PENDING',
      outcome: session.outcome,
      ...(session.outcomeSource ? { outcomeSource: session.outcomeSource } : {}),
      message: 'Waiting for 3-D Secure authentication (enroll and any challenge)',
      amount: intent.amount,
      card: session.card,
      providerReference: '',
      createdAt: iso(now),
      resolveAt: session.deadline,
    };
    if (threeDs.isDecided(session)) {
      const updated = await this.finalize(intent, attempt, session, now, puts);
      return processView(
        updated,
        updated.attempts.find((a) => a.id === attempt.id)!,
      );
    }
    // Authentication is not decided yet: the attempt waits for enroll or the challenge, until the deadline.
    const waiting: IntentRecord = { ...intent, status: 'PENDING', card3ds: session, attempts: [...intent.attempts, attempt], updatedAt: iso(now) };
    await commit(this.ctx, [{ collection: 'intents', value: waiting }, ...puts]);
    this.payments.scheduleAttempt(waiting, attempt);
    if (longPoll) await this.payments.waitForFinal(waiting, attempt.id, session.deadline);
    // A deadline can fire while the attempt's result is being written: the answer waits for it.
    const latest = this.payments.intent(reference);
    await this.ctx.store.landed(latest);
    const mine = latest.attempts.find((a) => a.id === attempt.id)!;
    return processView(latest, mine, mine.status === 'PENDING' ? this.stepUp(latest, latest.card3ds, this.ctx.clockFor(latest.merchantId).now()) : undefined);
  }

  /** The shopper's answer on the challenge page (or through /_sim). */
  async answerChallenge(
    reference: string,
    challengeId: string | undefined,
    answer: threeDs.ChallengeAnswer,
  ): Promise<{ intent: IntentRecord; session: CardSessionRecord }> {
    const { intent, now } = this.load(reference);
    const session = threeDs.effectiveSession(intent.card3ds, now);
    if (!session || session.stage !== 'challenge' || (challengeId && session.challenge?.id !== challengeId)) {
      const why = session?.failure === 'authentication_timeout' ? 'it timed out' : 'there is none waiting for an answer';
      throw new ApiError('CHALLENGE_NOT_PENDING', `Intent ${reference} has no 3-D Secure challenge to answer: ${why}`);
    }
    const decided = threeDs.answerChallenge(session, answer);
    return { intent: await this.advance(intent, decided, now), session: decided };
  }

  /**
   * Holds a long-polled process of the intent until the returned function is called: the challenge page
   * answers the shopper first (docs/decisions/0082).
   */
  holdProcess(reference: string): () => void {
    return this.waiters.hold(reference);
  }

  /** Whether a long-polled process of the intent is waiting now (one sent before enroll, as the official client does). */
  processWaiting(reference: string): boolean {
    return this.waiters.isWaiting(reference);
  }

  /** Marks the device data of a session collected (the collection page was loaded with its JWT). */
  async markCollected(reference: string, sessionId: string): Promise<void> {
    const intent = this.ctx.store.get('intents', reference);
    const session = intent?.card3ds;
    if (!intent || !session || session.id !== sessionId || session.deviceDataCollected) return;
    await this.save(intent, { ...session, deviceDataCollected: true }, this.ctx.clockFor(intent.merchantId).now());
  }

  /** The stepUpUrl and its JWT while a challenge waits. */
  stepUp(intent: IntentRecord, session: CardSessionRecord | undefined, now: number): { url: string; token: string } | undefined {
    if (!session?.challenge || session.stage !== 'challenge') return undefined;
    const url = `${this.ctx.publicUrl()}${STEP_UP_PATH}`;
    const claims = {
      jti: session.challenge.id,
      iat: sec(now),
      exp: sec(session.challenge.expiresAt),
      iss: 'littlepay-sim',
      ReferenceId: session.id,
      reference: intent.id,
      ObjectifyPayload: true,
      Payload: { ACSUrl: url, TransactionId: session.challenge.id },
    };
    return { url, token: signJwt(claims, this.ctx.keys.privateKey) };
  }

  /** Stores a decided session, or finalises the attempt waiting on it (which uses the session up). */
  private async advance(intent: IntentRecord, session: CardSessionRecord, now: number, puts: Put[] = []): Promise<IntentRecord> {
    const waiting = intent.attempts.find((a) => a.status === 'PENDING' && a.provider === 'CARDS');
    if (!waiting || !threeDs.isDecided(session)) return this.save(intent, session, now, puts);
    return this.finalize(intent, waiting, session, now, puts);
  }

  /** Authorises an attempt on a decided session (used up by it), saving the card when the intent asked. */
  private finalize(intent: IntentRecord, attempt: AttemptRecord, session: CardSessionRecord, now: number, puts: Put[]): Promise<IntentRecord> {
    const saved = this.savedCards.issue(intent, this.authorized(intent, attempt, session, now), session, now);
    const { card3ds: _used, ...rest } = intent;
    return finalizeAttempt(this.ctx, this.waiters, rest, saved.attempt, {}, [...puts, ...saved.puts]);
  }

  private authorized(intent: IntentRecord, attempt: AttemptRecord, session: CardSessionRecord, now: number): AttemptRecord {
    const result = afterAvs(threeDs.authorize(session), this.controls.avsRule(intent.merchantId), intent.payload.billingAddress);
    return {
      ...attempt,
      status: result.status,
      outcome: result.outcome,
      message: result.message,
      resultCode: result.resultCode,
      providerReference: cardTransactionId(this.ctx, result.status === 'COMPLETED'),
      finishedAt: iso(now),
    };
  }

  private enrollView(intent: IntentRecord, session: CardSessionRecord, now: number): EnrollData {
    const action = threeDs.enrollAction(session);
    if (action === 'MAKE_PAYMENT') return { action, message: 'Authentication successful' };
    const stepUp = this.stepUp(intent, session, now);
    if (action === 'AUTHENTICATE' && stepUp) {
      return { action, message: 'Authentication required: post JWT and MD to stepUpUrl', accessToken: stepUp.token, stepUpUrl: stepUp.url };
    }
    return { action: 'FAILED', message: threeDs.cardResult(session.failure ?? 'authentication_failed').message };
  }

  /**
   * The session a call carrying `card` continues, or a new one, whose outcome follows the precedence rule
   * (a queued override, then the test card, then success); commit `puts` with it (they use up the override).
   * A pending attempt's card cannot be swapped.
   */
  private sessionFor(
    intent: IntentRecord,
    merchant: MerchantRecord,
    card: CardDetails,
    now: number,
    step: 'setup' | 'process',
  ): { session: CardSessionRecord; puts: Put[] } {
    const masked = checkCard(card, 'body.payment', now);
    const triggered = cardOutcomeFor(card.cc_number, merchant.environment);
    const current = threeDs.effectiveSession(intent.card3ds, now);
    if (current && threeDs.continues(current, masked, step)) return { session: current, puts: [] };
    if (intent.attempts.some((a) => a.status === 'PENDING')) {
      throw new ApiError(
        'PAYMENT_IN_PROGRESS',
        `Intent ${intent.id} has an attempt still pending with another card; wait for its result before using a new card`,
      );
    }
    const choice = this.controls.takeOutcome(merchant.id, 'CARDS', triggered);
    const session = threeDs.newSession(this.ctx.ids.uuid('cardinal-reference'), masked, choice.outcome, iso(now), now + this.ctx.config.threeDsTimeoutMs);
    return { session: { ...session, outcomeSource: choice.source, cardOutcome: triggered ?? 'success' }, puts: choice.puts };
  }

  private async save(intent: IntentRecord, session: CardSessionRecord, now: number, puts: Put[] = []): Promise<IntentRecord> {
    const updated: IntentRecord = { ...intent, card3ds: session, updatedAt: iso(now) };
    await commit(this.ctx, [{ collection: 'intents', value: updated }, ...puts]);
    return updated;
  }

  private load(reference: string): { intent: IntentRecord; merchant: MerchantRecord; now: number } {
    const { intent, merchant } = this.payments.intentAndMerchant(reference);
    return { intent, merchant, now: this.ctx.clockFor(intent.merchantId).now() };
  }
}

const sec = (ms: number) => Math.floor(ms / 1000);

/** cspaToken and enroll may run while a card attempt waits, but not on a paid or expired intent. */
function checkOpen(intent: IntentRecord, now: number): void {
  if (intent.status === 'COMPLETED') throw new ApiError('INTENT_COMPLETED', `Intent ${intent.id} has already been paid`);
  if (isExpired(intent, now) && !intent.attempts.some((a) => a.status === 'PENDING')) {
    throw new ApiError('INTENT_EXPIRED', `Intent ${intent.id} expired at ${intent.expiresAt}; create a new intent`);
  }
  if (intent.attempts.some((a) => a.status === 'PENDING' && a.provider !== 'CARDS')) {
    throw new ApiError('PAYMENT_IN_PROGRESS', `Intent ${intent.id} has a mobile-money attempt still pending; wait for its result before paying by card`);
  }
}

/** The four card fields of a process body, all or none. */
function cardFields(payment: CardProcessBody['payment']): CardDetails | undefined {
  if (!payment) return undefined;
  const present = CARD_FIELDS.filter((f) => payment[f] !== undefined);
  if (present.length === 0) return undefined;
  const missing = CARD_FIELDS.filter((f) => payment[f] === undefined);
  if (missing.length > 0) {
    const errors = missing.map((f) => ({ field: `body.payment.${f}`, rule: 'required', message: 'is required with the other card fields' }));
    throw new ApiError('VALIDATION_ERROR', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
  }
  return payment as CardDetails;
}

function cardRequired(step: 'enroll' | 'process'): ApiError {
  const message = `must carry the card (cc_number, cc_cvv, cc_exp, cc_name): no card was given to cspaToken${step === 'process' ? ' or enroll' : ''} for this intent`;
  return new ApiError('CARD_REQUIRED', `body.payment: ${message}`, [{ field: 'body.payment', rule: 'required', message }]);
}

/** The token of a saved-card payment, refused when card fields come with it (docs/decisions/0013). */
function tokenOf(payment: NonNullable<CardProcessBody['payment']>): string {
  if (CARD_FIELDS.some((f) => payment[f] !== undefined)) {
    const message = 'must carry either the card fields or customer.id (a saved card), not both';
    throw new ApiError('TOKEN_WITH_CARD_DETAILS', `body.payment: ${message}`, [{ field: 'body.payment', rule: 'oneOf', message }]);
  }
  return payment.customer!.id;
}
