// Refunds: the balance rules of decision 0008 and the outcomes of decision 0080. A refund's outcome is
// chosen when it is asked for (a queued REFUNDS outcome, then the amount's trigger, then success) and stored
// with it; whatever is not final in the answer is PENDING, finished by a timer on the merchant's clock and
// called back. Scheduled work is derived from stored state, so a restart picks it up again.
import type { components } from '../../../client/src/generated/littlepay.js';
import { ApiError, fieldError } from '../domain/errors.js';
import { checkAmount, minorUnitDigits, MOBILE_MONEY_DIGITS, roundToUnit } from '../domain/amounts.js';
import { refundable } from '../domain/intents.js';
import { REFUNDS, triggeredOutcome } from '../domain/outcomes.js';
import type { IntentRecord, MerchantRecord, RefundRecord } from '../domain/records.js';
import { refundOutcome, refundPendingMs } from '../domain/refund-outcomes.js';
import { refundCallbackBody } from '../domain/views.js';
import { iso } from '../runtime/clock.js';
import type { Put } from '../store/store.js';
import { background, commit, newCallback, type Context } from './context.js';
import type { Controls } from './controls.js';

export type RefundBody = components['schemas']['RefundRequest'];

export class Refunds {
  constructor(
    private readonly ctx: Context,
    private readonly controls: Controls,
    /** The merchant's payment by reference or key (404 for any other). */
    private readonly findForMerchant: (merchant: MerchantRecord, referenceOrKey: string) => IntentRecord,
  ) {}

  async refund(merchant: MerchantRecord, referenceOrKey: string, body: RefundBody): Promise<RefundRecord> {
    const intent = this.findForMerchant(merchant, referenceOrKey);
    if (intent.status !== 'COMPLETED') {
      throw new ApiError('PAYMENT_NOT_COMPLETED', `Payment ${intent.id} is ${intent.status}; only a COMPLETED payment can be refunded`);
    }
    const left = refundable(intent);
    const amount = roundToUnit(body.amount, minorUnitDigits(intent.currency));
    if (amount > left) {
      throw fieldError('REFUND_EXCEEDS_BALANCE', 'body.amount', 'maximum', `${body.amount} is more than the ${left} ${intent.currency} left to refund`);
    }
    const mobileMoney = intent.attempts.find((a) => a.status === 'COMPLETED')?.provider !== 'CARDS';
    // Money goes back the way it came: a wallet takes whole units, a card the currency's minor unit.
    checkAmount(body.amount, intent.currency, 'body.amount', mobileMoney ? MOBILE_MONEY_DIGITS : minorUnitDigits(intent.currency));
    const now = this.ctx.clockFor(merchant.id).now();
    const choice = this.controls.takeOutcome(merchant.id, REFUNDS, triggeredOutcome(REFUNDS, String(amount)));
    const outcome = refundOutcome(choice.outcome);
    const pendingMs = refundPendingMs(outcome, mobileMoney, this.ctx.config.refundDelayMs);
    const refund: RefundRecord = {
      id: `rf_${this.ctx.ids.hex('refund', 16)}`,
      amount,
      status: pendingMs > 0 ? 'PENDING' : outcome.status,
      outcome: outcome.outcome,
      outcomeSource: choice.source,
      reason: body.reason ?? '',
      ...(body.callbackUrl ? { callbackUrl: body.callbackUrl } : {}),
      createdAt: iso(now),
      ...(pendingMs > 0 ? { resolveAt: now + pendingMs } : { message: outcome.message, finishedAt: iso(now) }),
    };
    const updated: IntentRecord = { ...intent, refunds: [...intent.refunds, refund], updatedAt: iso(now) };
    await commit(this.ctx, [{ collection: 'intents', value: updated }, ...choice.puts]);
    if (refund.status === 'PENDING') this.schedule(updated, refund);
    return refund;
  }

  /** Reschedules every pending refund (on start). */
  resume(): void {
    for (const intent of this.ctx.store.all('intents')) {
      for (const r of intent.refunds) if (r.status === 'PENDING') this.schedule(intent, r);
    }
  }

  private schedule(intent: IntentRecord, refund: RefundRecord): void {
    this.ctx.clockFor(intent.merchantId).at(refund.resolveAt ?? 0, () => background(this.ctx, 'finishing a refund', () => this.finish(intent.id, refund.id)));
  }

  /**
   * A pending refund becomes final with the outcome it was given; the refund callback (only ever after a
   * PENDING answer, §4.9) goes to the refund request's callbackUrl, if it had one.
   */
  private async finish(reference: string, refundId: string): Promise<void> {
    const intent = this.ctx.store.get('intents', reference);
    const refund = intent?.refunds.find((r) => r.id === refundId);
    if (!intent || !refund || refund.status !== 'PENDING') return;
    const now = this.ctx.clockFor(intent.merchantId).now();
    // Refunds stored before outcomes existed have none: they complete, as they did then.
    const outcome = refundOutcome(refund.outcome ?? 'success');
    const done: RefundRecord = { ...refund, status: outcome.status, message: outcome.message, finishedAt: iso(now) };
    const updated: IntentRecord = { ...intent, refunds: intent.refunds.map((r) => (r.id === refundId ? done : r)), updatedAt: iso(now) };
    const puts: Put[] = [{ collection: 'intents', value: updated }];
    if (refund.callbackUrl) {
      const body = refundCallbackBody(updated, done) as unknown as Record<string, unknown>;
      puts.push({
        collection: 'callbacks',
        value: newCallback(this.ctx, { kind: 'refund', merchantId: intent.merchantId, reference, url: refund.callbackUrl, body }, now),
      });
    }
    await commit(this.ctx, puts);
  }
}
