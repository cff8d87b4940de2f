// What QA does to one payment from the console, each also a /_sim operation (contracts/simulator.openapi.yaml):
// answer the shopper's waiting step with any outcome, refund on the merchant's behalf, expire the intent.
import { mobileOutcomes, type MobileOutcomeName } from '../domain/catalogue.js';
import { ApiError } from '../domain/errors.js';
import type { IntentRecord, RefundRecord } from '../domain/records.js';
import type { ChallengeAnswer } from '../domain/three-ds.js';
import { iso } from '../runtime/clock.js';
import type { Cards } from './cards.js';
import { commit, type Context } from './context.js';
import type { Payments, RefundBody } from './payments.js';

/** The outcomes a waiting step can be answered with: the PIN prompt's, then the challenge's. */
export type ResolveOutcome = Exclude<MobileOutcomeName, 'slow_success'> | 'challenge_passed' | 'challenge_rejected' | 'challenge_cancelled';

const CHALLENGE_ANSWERS: Record<string, ChallengeAnswer> = {
  challenge_passed: 'authenticate',
  challenge_rejected: 'fail',
  challenge_cancelled: 'cancel',
};

export class IntentActions {
  constructor(
    private readonly ctx: Context,
    private readonly payments: Payments,
    private readonly cards: Cards,
  ) {}

  async resolve(reference: string, outcome: ResolveOutcome): Promise<IntentRecord> {
    const intent = this.payments.intent(reference);
    const answer = CHALLENGE_ANSWERS[outcome];
    if (answer) {
      if (intent.card3ds?.stage !== 'challenge') throw this.nothing(intent, '3-D Secure challenge');
      return (await this.cards.answerChallenge(reference, undefined, answer)).intent;
    }
    const waiting = intent.attempts.find((a) => a.status === 'PENDING');
    if (!waiting || waiting.provider === 'CARDS') throw this.nothing(intent, 'mobile-money PIN prompt');
    return this.payments.completeMobile(intent, waiting, mobileOutcomes[outcome as MobileOutcomeName], true);
  }

  /** The merchant's refund, asked for by QA: the merchant's own rules and callbacks. */
  async refund(reference: string, body: RefundBody): Promise<RefundRecord> {
    const { intent, merchant } = this.payments.intentAndMerchant(reference);
    return this.payments.refund(merchant, intent.id, body);
  }

  /** Moves the expiry to now on the merchant's clock. */
  async expire(reference: string): Promise<IntentRecord> {
    const intent = this.payments.intent(reference);
    if (intent.status === 'COMPLETED') throw new ApiError('INTENT_COMPLETED', `Intent ${reference} is COMPLETED: a paid intent does not expire`);
    const now = iso(this.ctx.clockFor(intent.merchantId).now());
    if (intent.expiresAt <= now) return intent;
    const updated: IntentRecord = { ...intent, expiresAt: now, updatedAt: now };
    await commit(this.ctx, [{ collection: 'intents', value: updated }]);
    return updated;
  }

  private nothing(intent: IntentRecord, what: string): ApiError {
    const last = intent.attempts.at(-1);
    const state = last ? `its last attempt (${last.provider}) is ${last.status}` : 'it has no attempt yet';
    return new ApiError('NOTHING_TO_RESOLVE', `Intent ${intent.id} has no ${what} waiting for the shopper: ${state}`);
  }
}
