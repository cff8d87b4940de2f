// Handlers of the /_sim control operations: resets, queued outcomes, test clocks, faults, the journal,
// the merchant's intents and saved cards. Each reads its input and calls one service.
import type { components } from '../../../../client/src/generated/simulator.js';
import type { FaultRequest } from '../../domain/faults.js';
import { merchantView, savedCardView, simIntentView } from '../../domain/sim-views.js';
import type { Context } from '../../services/context.js';
import type { Controls } from '../../services/controls.js';
import type { Journal } from '../../services/journal.js';
import { intentsOf, savedCardsOf } from '../../services/merchant-records.js';
import type { Resets } from '../../services/resets.js';
import type { ClockAction, TestClocks } from '../../services/test-clocks.js';
import type { OperationHandler } from '../register-operations.js';

type S = components['schemas'];

export interface ControlDeps {
  ctx: Context;
  controls: Controls;
  clocks: TestClocks;
  journal: Journal;
  resets: Resets;
}

export function controlHandlers({ ctx, controls, clocks, journal, resets }: ControlDeps): Record<string, OperationHandler> {
  /** The merchant named in the path; 404 when there is none. */
  const merchantId = (req: Parameters<OperationHandler>[0]): string => controls.merchant((req.params as { merchantId: string }).merchantId).id;

  return {
    async resetAll() {
      return { body: { merchants: (await resets.resetAll()).map(merchantView) } };
    },

    async resetMerchant(req) {
      return { body: await resets.resetMerchant(merchantId(req)) };
    },

    async listMerchantIntents(req) {
      const id = merchantId(req);
      const now = ctx.clockFor(id).now();
      return { body: { merchantId: id, intents: intentsOf(ctx, id).map((i) => simIntentView(i, now)) } };
    },

    async listSavedCards(req) {
      const id = merchantId(req);
      return { body: { merchantId: id, tokens: savedCardsOf(ctx, id).map(savedCardView) } };
    },

    async getClock(req) {
      return { body: clocks.view(merchantId(req)) };
    },

    async controlClock(req) {
      return { body: await clocks.act(merchantId(req), req.body as ClockAction) };
    },

    async listOutcomes(req) {
      const id = merchantId(req);
      return { body: { merchantId: id, queues: controls.outcomes(id) } };
    },

    async queueOutcomes(req) {
      const id = merchantId(req);
      const { provider, outcomes } = req.body as S['QueueOutcomesRequest'];
      return { body: { merchantId: id, queues: await controls.queueOutcomes(id, provider, outcomes) } };
    },

    async clearOutcomes(req) {
      const id = merchantId(req);
      return { body: { merchantId: id, queues: await controls.clearOutcomes(id) } };
    },

    async getAvsSetting(req) {
      const id = merchantId(req);
      return { body: { merchantId: id, rule: controls.avsRule(id) } };
    },

    async updateAvsSetting(req) {
      const id = merchantId(req);
      const { rule } = req.body as S['AvsSettingUpdate'];
      return { body: { merchantId: id, rule: await controls.setAvsRule(id, rule) } };
    },

    async listFaults(req) {
      const id = merchantId(req);
      return { body: { merchantId: id, faults: controls.faults(id) } };
    },

    async addFault(req) {
      return { status: 201, body: await controls.addFault(merchantId(req), req.body as FaultRequest) };
    },

    async clearFaults(req) {
      const id = merchantId(req);
      return { body: { merchantId: id, faults: await controls.clearFaults(id) } };
    },

    async listRequests(req) {
      return { body: journal.view(merchantId(req)) };
    },
  };
}
