// The /_sim side of callbacks: a merchant's delivery log, replays, the delivery settings that make
// duplicates and reordering on purpose, and the receiver check with its last report per merchant.
import type { components } from '../../../client/src/generated/simulator.js';
import { copyOf, DEFAULT_CALLBACK_SETTINGS, newCallbackId, type CallbackSettings } from '../callbacks/plan.js';
import { checkBody, gradeCase, prepareCases, summarise } from '../callbacks/receiver-check.js';
import { ApiError, fieldError } from '../domain/errors.js';
import { selfTargetMessage } from '../callbacks/self-target.js';
import type { CallbackRecord } from '../domain/records.js';
import { iso } from '../runtime/clock.js';
import { commit, type Context } from './context.js';
import { requireMerchant } from './merchants.js';

type S = components['schemas'];

export class Callbacks {
  constructor(private readonly ctx: Context) {}

  /** Every callback, newest first, of one merchant or for one reference when asked (no 404: a filter that matches nothing lists none). */
  listAll(filter: { merchantId?: string; reference?: string } = {}): CallbackRecord[] {
    return [...this.ctx.store.all('callbacks')]
      .filter((cb) => (!filter.merchantId || cb.merchantId === filter.merchantId) && (!filter.reference || cb.reference === filter.reference))
      .reverse();
  }

  /** A merchant's callbacks, newest first. */
  list(merchantId: string, filter: { state?: CallbackRecord['state']; reference?: string } = {}): CallbackRecord[] {
    requireMerchant(this.ctx, merchantId);
    return [...this.ctx.store.all('callbacks')]
      .filter((cb) => cb.merchantId === merchantId && (!filter.state || cb.state === filter.state) && (!filter.reference || cb.reference === filter.reference))
      .reverse();
  }

  /** Queues a copy of the callback, due now; the outbox signs it when it sends it. */
  async replay(id: string): Promise<CallbackRecord> {
    const cb = this.ctx.store.get('callbacks', id);
    if (!cb) {
      throw new ApiError('CALLBACK_NOT_FOUND', `No callback has the id "${id}" (delivered callbacks beyond CALLBACK_MEMORY_LIMIT are no longer in memory)`);
    }
    const now = this.ctx.clockFor(cb.merchantId).now();
    const copy = copyOf(cb, newCallbackId(this.ctx.ids), 'replay', now, now);
    await commit(this.ctx, [{ collection: 'callbacks', value: copy }]);
    return copy;
  }

  settings(merchantId: string): CallbackSettings {
    requireMerchant(this.ctx, merchantId);
    const { id: _id, ...settings } = this.ctx.store.get('callbackSettings', merchantId) ?? { id: merchantId, ...DEFAULT_CALLBACK_SETTINGS };
    return settings;
  }

  async updateSettings(merchantId: string, patch: S['CallbackSettingsUpdate']): Promise<CallbackSettings> {
    const settings = { ...this.settings(merchantId), ...patch };
    await commit(this.ctx, [{ collection: 'callbackSettings', value: { id: merchantId, ...settings } }]);
    return settings;
  }

  /** Sends the five cases one after the other, grades each answer, and keeps the report as the merchant's last. */
  async check(merchantId: string, input: S['CallbackCheckRequest']): Promise<S['CallbackCheck']> {
    const merchant = requireMerchant(this.ctx, merchantId);
    if (this.ctx.pointsAtSelf(input.url)) throw fieldError('VALIDATION_ERROR', 'body.url', 'notSelf', selfTargetMessage());
    const clock = this.ctx.clockFor(merchantId);
    const startedAt = clock.now();
    const body = checkBody({
      reference: this.ctx.ids.uuid('callback-check-reference'),
      key: input.key ?? `SIMCHECK_${this.ctx.ids.hex('callback-check-key', 8, true)}`,
      amount: input.amount ?? 1,
      currency: input.currency ?? merchant.currencies[0] ?? 'KES',
      date: iso(Math.floor(startedAt / 1000) * 1000),
    });
    const cases: S['CallbackCheckCase'][] = [];
    for (const c of prepareCases(body, this.ctx.keys.privateKey)) {
      // Signed with the simulator's own clock, like every callback (decision 0030).
      const signed = c.sign(this.ctx.globalClock.now());
      const delivery = await this.ctx.outbox.send(input.url, signed, iso(clock.now()));
      cases.push(gradeCase(c, signed, delivery, this.ctx.config.callbackTimeoutMs));
    }
    const report: S['CallbackCheck'] = {
      id: `chk_${this.ctx.ids.hex('callback-check', 16)}`,
      merchantId,
      url: input.url,
      checkedAt: iso(startedAt),
      timeoutMs: this.ctx.config.callbackTimeoutMs,
      ...summarise(cases),
      cases,
    };
    await commit(this.ctx, [{ collection: 'callbackChecks', value: { id: merchantId, report } }]);
    return report;
  }

  lastCheck(merchantId: string): S['CallbackCheck'] {
    requireMerchant(this.ctx, merchantId);
    const report = this.lastReport(merchantId);
    if (!report)
      throw new ApiError(
        'CALLBACK_CHECK_NOT_FOUND',
        `Merchant "${merchantId}" has not run a receiver check yet: POST /_sim/merchants/${merchantId}/callback-check`,
      );
    return report;
  }

  /** The merchant's last receiver-check report, if it has run one (the inspector shows none rather than a 404). */
  lastReport(merchantId: string): S['CallbackCheck'] | undefined {
    return this.ctx.store.get('callbackChecks', merchantId)?.report;
  }
}
