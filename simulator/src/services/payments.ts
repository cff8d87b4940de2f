// Intents, mobile-money attempts and refunds: the use cases behind the merchant and browser APIs.
// Each reads the records, applies a domain rule, commits, and schedules what happens next on the
// merchant's clock. Scheduled work is derived from stored state, so a restart picks it up again.
import type { components } from '../../../client/src/generated/littlepay.js';
import { mobileOutcomes, type MobileOutcome } from '../domain/catalogue.js';
import { ApiError, fieldError } from '../domain/errors.js';
import { chargedAmount, checkCanProcess, checkCreateIntent, newIntent, isSameCreateRequest, type CreateIntentBody } from '../domain/intents.js';
import type { AttemptRecord, IntentRecord, MerchantRecord, MobileProvider, RefundRecord } from '../domain/records.js';
import { cardResult } from '../domain/three-ds.js';
import { pinPromptMessage, processView, type ProcessData } from '../domain/views.js';
import { triggeredOutcome } from '../domain/outcomes.js';
import { selfTargetMessage } from '../callbacks/self-target.js';
import { iso } from '../runtime/clock.js';
import { finalizeAttempt, type Waiters } from './attempts.js';
import { background, commit, type Context } from './context.js';
import type { Controls } from './controls.js';
import { Refunds, type RefundBody } from './refunds.js';

/** An M-Pesa receipt number's characters (ten of them: QKJ81S2XWE). */
const RECEIPT_CHARACTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

type S = components['schemas'];
export type MobileProcessBody = S['MobileMoneyProcessRequest'];
export type { RefundBody };

export class Payments {
  constructor(
    private readonly ctx: Context,
    /** Queued outcomes: taken when an attempt starts (docs/decisions/0021). */
    private readonly controls: Controls,
    private readonly waiters: Waiters,
  ) {
    this.refunds = new Refunds(ctx, controls, (merchant, referenceOrKey) => this.findForMerchant(merchant, referenceOrKey));
  }

  private readonly refunds: Refunds;

  async createIntent(merchant: MerchantRecord, body: CreateIntentBody): Promise<IntentRecord> {
    checkCreateIntent(body, merchant);
    this.checkCallbackUrl(body.callbackUrl, 'body.callbackUrl');
    const existing = this.ctx.store.intentByKey(merchant.id, body.key);
    if (existing) {
      // The first request's write may still be under way: a retry is answered only from what is on disk.
      await this.ctx.store.landed(existing);
      if (isSameCreateRequest(existing, body)) return existing; // a safe retry of the same request
      throw new ApiError('DUPLICATE_KEY', `key "${body.key}" was already used by intent ${existing.id} with a different request; use a new key`);
    }
    const now = this.ctx.clockFor(merchant.id).now();
    const intent = newIntent(body, merchant, this.ctx.ids.uuid('intent'), now);
    // newIntent copies what it takes from the body: the record shares nothing, and is stored without a copy.
    await commit(this.ctx, [{ collection: 'intents', value: intent }], { handOver: true });
    return intent;
  }

  intent(reference: string): IntentRecord {
    const intent = this.ctx.store.get('intents', reference);
    if (!intent) throw intentNotFound(reference);
    return intent;
  }

  /** The intent and the merchant it belongs to, for the pages and /_sim (which are not called as a merchant). */
  intentAndMerchant(reference: string): { intent: IntentRecord; merchant: MerchantRecord } {
    const intent = this.intent(reference);
    const merchant = this.ctx.store.get('merchants', intent.merchantId);
    if (!merchant) throw intentNotFound(reference);
    return { intent, merchant };
  }

  /** The intent as stored, for the pages that need no credentials (the checkout's state): never a change still being written. */
  async storedIntent(reference: string): Promise<IntentRecord> {
    const intent = this.intent(reference);
    await this.ctx.store.landed(intent);
    return intent;
  }

  /** The merchant's payment as stored: a status read never shows a change whose write is still under way. */
  async stored(merchant: MerchantRecord, referenceOrKey: string): Promise<IntentRecord> {
    const intent = this.findForMerchant(merchant, referenceOrKey);
    await this.ctx.store.landed(intent);
    return intent;
  }

  /** Finds a merchant's intent by reference or by its own key; another merchant's is not found. */
  findForMerchant(merchant: MerchantRecord, referenceOrKey: string): IntentRecord {
    const byRef = this.ctx.store.get('intents', referenceOrKey);
    if (byRef && byRef.merchantId === merchant.id) return byRef;
    const byKey = this.ctx.store.intentByKey(merchant.id, referenceOrKey);
    if (byKey) return byKey;
    throw new ApiError('PAYMENT_NOT_FOUND', `No payment of this merchant has the reference or key "${referenceOrKey}"`);
  }

  async processMobile(reference: string, body: MobileProcessBody, longPoll: boolean): Promise<ProcessData> {
    const intent = this.intent(reference);
    const clock = this.ctx.clockFor(intent.merchantId);
    const now = clock.now();
    checkCanProcess(intent, now);
    const provider: MobileProvider = body.type;
    const amount = chargedAmount(intent.amount, provider);
    if (amount <= 0) {
      throw fieldError(
        'AMOUNT_TOO_SMALL',
        'body.type',
        'wholeUnits',
        `${provider} (mobile money) takes whole units only and the intent's amount ${intent.amount} rounds to 0`,
      );
    }
    const choice = this.controls.takeOutcome(intent.merchantId, provider, triggeredOutcome(provider, body.payment.mobile));
    const outcome: MobileOutcome = mobileOutcomes[choice.outcome as keyof typeof mobileOutcomes] ?? mobileOutcomes.success;
    const delay = this.ctx.config.pinDelayMs + (outcome.timing === 'slow' ? this.ctx.config.longPollTimeoutMs + 1000 : 0);
    const attempt: AttemptRecord = {
      id: `att_${this.ctx.ids.hex('attempt', 16)}`,
      provider,
      status: 'PENDING',
      outcome: outcome.outcome,
      outcomeSource: choice.source,
      message: pinPromptMessage(provider),
      amount,
      mobile: body.payment.mobile,
      providerReference: '',
      createdAt: iso(now),
      resolveAt: now + delay,
    };
    const updated: IntentRecord = { ...intent, status: 'PENDING', attempts: [...intent.attempts, attempt], updatedAt: iso(now) };
    const stored = commit(this.ctx, [{ collection: 'intents', value: updated }, ...choice.puts]);
    // Timed from the moment the attempt is in memory, not once it is on disk: with no PIN delay its result is
    // then committed while this write is under way and lands with it or just after, so the status read that
    // follows seldom waits for the disk again (decision 0116). The log keeps commits in order: a result is
    // never on disk without its attempt, and a store that failed refuses the result too.
    this.scheduleAttempt(updated, attempt);
    await stored;
    // Without a long poll the answer is what this call did (the PIN prompt sent), whatever its timer did since.
    if (!longPoll) return processView(updated, attempt);
    await this.waitForFinal(updated, attempt.id, now + this.ctx.config.longPollTimeoutMs);
    // A deadline can fire while the attempt's result is being written: the answer waits for it.
    const latest = this.intent(reference);
    await this.ctx.store.landed(latest);
    return processView(
      latest,
      latest.attempts.find((a) => a.id === attempt.id)!,
    );
  }

  /** A callback URL that would reach this simulator is refused (decision 0074). */
  checkCallbackUrl(url: string | undefined, field: string): void {
    if (url !== undefined && this.ctx.pointsAtSelf(url)) throw fieldError('VALIDATION_ERROR', field, 'notSelf', selfTargetMessage());
  }

  /** A refund of a merchant's payment (docs/decisions/0008 and 0080). */
  async refund(merchant: MerchantRecord, referenceOrKey: string, body: RefundBody): Promise<RefundRecord> {
    this.checkCallbackUrl(body.callbackUrl, 'body.callbackUrl');
    return this.refunds.refund(merchant, referenceOrKey, body);
  }

  /** Reschedules every pending attempt and refund (on start). */
  resume(): void {
    for (const intent of this.ctx.store.all('intents')) {
      for (const a of intent.attempts) if (a.status === 'PENDING') this.scheduleAttempt(intent, a);
    }
    this.refunds.resume();
  }

  scheduleAttempt(intent: IntentRecord, attempt: AttemptRecord): void {
    this.ctx
      .clockFor(intent.merchantId)
      .at(attempt.resolveAt, () => background(this.ctx, 'finishing an attempt', () => this.finishAttempt(intent.id, attempt.id)));
  }

  /** An attempt's timer: a mobile attempt gets its provider's result; a card attempt still waiting for 3-D Secure times out. */
  private async finishAttempt(reference: string, attemptId: string): Promise<void> {
    const intent = this.ctx.store.get('intents', reference);
    const attempt = intent?.attempts.find((a) => a.id === attemptId);
    if (!intent || !attempt || attempt.status !== 'PENDING') return;
    const now = this.ctx.clockFor(intent.merchantId).now();
    if (attempt.provider === 'CARDS') {
      const { card3ds: _session, ...rest } = intent;
      const result = cardResult('authentication_timeout');
      const done: AttemptRecord = {
        ...attempt,
        status: result.status,
        outcome: result.outcome,
        message: result.message,
        resultCode: result.resultCode,
        finishedAt: iso(now),
      };
      await finalizeAttempt(this.ctx, this.waiters, rest, done);
      return;
    }
    // The outcome was chosen when the attempt started and stored with it.
    const outcome: MobileOutcome = mobileOutcomes[attempt.outcome as keyof typeof mobileOutcomes] ?? mobileOutcomes.success;
    await this.completeMobile(intent, attempt, outcome);
  }

  /**
   * Makes a waiting mobile-money attempt final with `outcome` now: on its timer, or when QA answers the PIN
   * prompt through /_sim (the attempt then records that outcome, marked `resolved`). Its timer, when it
   * fires later, finds the attempt final and does nothing.
   */
  async completeMobile(intent: IntentRecord, attempt: AttemptRecord, outcome: MobileOutcome, resolved = false): Promise<IntentRecord> {
    const now = this.ctx.clockFor(intent.merchantId).now();
    // Drawn whatever the outcome, so the ids after it do not depend on it (as the card's transaction id).
    const receipt = this.ctx.ids.code('provider-reference', RECEIPT_CHARACTERS, 10);
    const done: AttemptRecord = {
      ...attempt,
      ...(resolved ? { outcome: outcome.outcome, outcomeSource: 'resolved' as const } : {}),
      status: outcome.status,
      message: outcome.message,
      resultCode: outcome.resultCode,
      providerReference: outcome.status === 'COMPLETED' ? receipt : '',
      finishedAt: iso(now),
    };
    return finalizeAttempt(this.ctx, this.waiters, intent, done);
  }

  /** Resolves when the attempt is final or the clock reaches `deadline`, whichever is first. */
  waitForFinal(intent: IntentRecord, attemptId: string, deadline: number): Promise<void> {
    const isFinal = () => this.ctx.store.get('intents', intent.id)?.attempts.find((a) => a.id === attemptId)?.status !== 'PENDING';
    return this.waiters.wait(intent.id, isFinal, this.ctx.clockFor(intent.merchantId), deadline);
  }

  /** Releases the long-poll waiters of these intents (their merchant was reset). */
  release(references: Iterable<string>): void {
    for (const reference of references) this.waiters.release(reference);
  }

  /** Releases every long-poll waiter (on a reset). */
  releaseAll(): void {
    this.waiters.releaseAll();
  }

  /**
   * On shutdown: releases every waiter, and any long-poll still on its way to its wait (its attempt being
   * written) answers at once instead of holding the stop for the whole long-poll window.
   */
  stop(): void {
    this.waiters.stop();
  }
}

const intentNotFound = (reference: string) => new ApiError('INTENT_NOT_FOUND', `No intent with reference "${reference}"`);
