// What the hosted checkout page shows of an intent, and nothing more (no credentials, no card data): the
// page renders it on the server and its script polls the same shape at /checkout/{reference}/state.
// It lives in services so that both the page (pages/checkout.ts) and the JSON route (http/) may use it.
import type { components } from '../../../client/src/generated/simulator.js';
import { isExpired } from '../domain/intents.js';
import type { IntentRecord } from '../domain/records.js';
import { reportedStatus } from '../domain/views.js';
import type { Context } from './context.js';

type S = components['schemas'];

export function checkoutState(ctx: Context, intent: IntentRecord): S['CheckoutState'] {
  const merchant = ctx.store.get('merchants', intent.merchantId);
  const now = ctx.clockFor(intent.merchantId).now();
  const last = intent.attempts.at(-1);
  return {
    reference: intent.id,
    merchant: merchant?.name ?? '',
    environment: merchant?.environment ?? 'sandbox',
    amount: intent.amount,
    currency: intent.currency,
    description: intent.description,
    status: reportedStatus(intent, now),
    expired: isExpired(intent, now),
    expiresAt: intent.expiresAt,
    ...(intent.returnUrl ? { returnUrl: intent.returnUrl } : {}),
    attempt: last ? { provider: last.provider, status: last.status, message: last.message } : null,
  };
}
