// What /_sim shows of one merchant's records: its intents and its saved cards, read from the store here
// so that the handlers only map them to the wire.
import type { IntentRecord, TokenRecord } from '../domain/records.js';
import type { Context } from './context.js';

/** The merchant's intents, newest first: the store keeps first-insertion order (a frozen clock gives equal dates). */
export function intentsOf(ctx: Pick<Context, 'store'>, merchantId: string): IntentRecord[] {
  return [...ctx.store.all('intents')].filter((i) => i.merchantId === merchantId).reverse();
}

/** The cards the merchant's payments saved, oldest first. */
export function savedCardsOf(ctx: Pick<Context, 'store'>, merchantId: string): TokenRecord[] {
  return [...ctx.store.all('tokens')].filter((t) => t.merchantId === merchantId);
}
