// Saved cards (tokenization): a successful card payment on an intent with metadata.createCustomer saves
// the card as a token in the same commit that makes the payment final; a later process call with
// `{ type: "CARDS", payment: { customer: { id } } }` pays with it, without card details and without
// 3-D Secure. The rules are in domain/tokens.ts; the choices in docs/decisions/0013-tokenization.md.
import { ApiError } from '../domain/errors.js';
import { checkCanProcess } from '../domain/intents.js';
import type { AttemptRecord, CardSessionRecord, IntentRecord, MerchantRecord, TokenRecord } from '../domain/records.js';
import { cardResult } from '../domain/three-ds.js';
import { checkTokenUse, savedCardOutcome, savesCard, TOKEN_LENGTH } from '../domain/tokens.js';
import { processView, type ProcessData } from '../domain/views.js';
import { iso } from '../runtime/clock.js';
import type { Put } from '../store/store.js';
import { cardTransactionId, finalizeAttempt, type Waiters } from './attempts.js';
import type { Context } from './context.js';
import type { Controls } from './controls.js';

export class SavedCards {
  constructor(
    private readonly ctx: Context,
    /** Queued outcomes apply to payments with a saved card as to any card payment (docs/decisions/0021). */
    private readonly controls: Controls,
    private readonly waiters: Waiters,
  ) {}

  /**
   * The attempt marked with the token its payment saved, and the put that saves it; the attempt as it
   * is when nothing is saved (it failed, it paid with a token already, or the intent did not ask).
   */
  issue(intent: IntentRecord, attempt: AttemptRecord, session: CardSessionRecord | undefined, nowMs: number): { attempt: AttemptRecord; puts: Put[] } {
    const merchant = this.ctx.store.get('merchants', intent.merchantId);
    if (attempt.status !== 'COMPLETED' || !savesCard(intent) || !attempt.card || attempt.token || !merchant) return { attempt, puts: [] };
    const token: TokenRecord = {
      id: this.ctx.ids.hex('token', TOKEN_LENGTH, true),
      merchantId: merchant.id,
      environment: merchant.environment,
      card: attempt.card,
      cardOutcome: session?.cardOutcome ?? 'success',
      reference: intent.id,
      createdAt: iso(nowMs),
    };
    return { attempt: { ...attempt, token: { id: token.id, use: 'created' } }, puts: [{ collection: 'tokens', value: token }] };
  }

  /**
   * Pays an intent with a saved card, at once: the token's rules first (it exists, same environment, same
   * merchant), then the intent's state. A rejected call changes nothing. The card session an intent may
   * hold from cspaToken is dropped: the saved card pays instead.
   */
  async pay(intent: IntentRecord, merchant: MerchantRecord, tokenId: string): Promise<ProcessData> {
    const token = checkTokenUse(tokenId, this.ctx.store.get('tokens', tokenId), merchant);
    const now = this.ctx.clockFor(merchant.id).now();
    checkCanProcess(intent, now);
    const choice = this.controls.takeOutcome(merchant.id, 'CARDS', savedCardOutcome(token, now));
    // No AVS here: the card was checked when it was saved, and the Tokenization Guide's repeat payment sends no address (decision 0081).
    const result = cardResult(choice.outcome);
    const attempt: AttemptRecord = {
      id: `att_${this.ctx.ids.hex('attempt', 16)}`,
      provider: 'CARDS',
      status: result.status,
      outcome: result.outcome,
      outcomeSource: choice.source,
      message: result.message,
      amount: intent.amount,
      card: token.card,
      providerReference: cardTransactionId(this.ctx, result.status === 'COMPLETED'),
      resultCode: result.resultCode,
      token: { id: token.id, use: 'used' },
      createdAt: iso(now),
      resolveAt: now,
      finishedAt: iso(now),
    };
    const { card3ds: _dropped, ...rest } = intent;
    const updated = await finalizeAttempt(this.ctx, this.waiters, rest, attempt, {}, choice.puts);
    return processView(updated, attempt);
  }
}

/** Forgets one of a merchant's saved cards (from the console); a later payment with it is refused as unknown. */
export async function deleteSavedCard(ctx: Context, merchantId: string, tokenId: string): Promise<TokenRecord> {
  const token = ctx.store.get('tokens', tokenId);
  if (!token || token.merchantId !== merchantId) throw new ApiError('TOKEN_NOT_FOUND', `Merchant ${merchantId} has no saved card with the token "${tokenId}"`);
  await ctx.store.commit([{ collection: 'tokens', remove: tokenId }]);
  return token;
}
