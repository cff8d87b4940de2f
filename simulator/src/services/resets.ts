// Resets (docs/decisions/0024-resets-and-fixed-credentials.md): one merchant's data, for a test that starts afresh beside others running
// in parallel; or everything, for a simulator that should look like a first start.
import type { components } from '../../../client/src/generated/simulator.js';
import type { MerchantRecord } from '../domain/records.js';
import type { Removal } from '../store/store.js';
import type { Context } from './context.js';
import type { Journal } from './journal.js';
import type { Merchants } from './merchants.js';
import { resetSimulator } from './reset.js';
import type { Payments } from './payments.js';
import type { MerchantClocks } from './test-clocks.js';

export type ResetResult = components['schemas']['ResetResult'];

export interface ResetDeps {
  ctx: Context;
  clocks: MerchantClocks;
  payments: Payments;
  merchants: Merchants;
  journal: Journal;
}

export class Resets {
  constructor(private readonly deps: ResetDeps) {}

  /**
   * Forgets the merchant's intents, callbacks, saved cards, controls (queued outcomes, faults, clock),
   * callback settings, last receiver-check report and journal; keeps the merchant and its credentials.
   */
  async resetMerchant(merchantId: string): Promise<ResetResult> {
    const { ctx, clocks, payments, journal } = this.deps;
    const intents = [...ctx.store.all('intents')].filter((i) => i.merchantId === merchantId).map((i) => i.id);
    const callbacks = [...ctx.store.all('callbacks')].filter((c) => c.merchantId === merchantId).map((c) => c.id);
    const tokens = [...ctx.store.all('tokens')].filter((t) => t.merchantId === merchantId).map((t) => t.id);
    const removals: Removal[] = [
      ...intents.map((id) => ({ collection: 'intents' as const, remove: id })),
      ...callbacks.map((id) => ({ collection: 'callbacks' as const, remove: id })),
      ...tokens.map((id) => ({ collection: 'tokens' as const, remove: id })),
      // Records keyed by the merchant's id: removed only when there is one, so a reset of a fresh merchant
      // writes nothing it does not need to.
      ...(['controls', 'callbackSettings', 'callbackChecks'] as const)
        .filter((c) => ctx.store.get(c, merchantId))
        .map((collection) => ({ collection, remove: merchantId })),
    ];
    // Closing the clock cancels every timer of the merchant: pending attempts, refunds, deliveries, long polls.
    clocks.forget(merchantId);
    const requests = journal.clear(merchantId);
    const stored = ctx.store.commit(removals);
    // Held long polls answer now; their intent is gone, so they get 404 INTENT_NOT_FOUND.
    payments.release(intents);
    await stored;
    return { merchantId, removed: { intents: intents.length, callbacks: callbacks.length, tokens: tokens.length, requests } };
  }

  /**
   * Forgets everything and restarts the id sequences: the demo merchants come back as on a first start.
   * The same reset as the library's reset() (services/reset.ts), plus the /_sim state kept outside the store.
   */
  async resetAll(): Promise<MerchantRecord[]> {
    const { ctx, clocks, payments, merchants, journal } = this.deps;
    clocks.forgetAll();
    journal.clearAll();
    await resetSimulator({ ctx, payments, merchants });
    return merchants.list();
  }
}
