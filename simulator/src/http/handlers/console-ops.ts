// Handlers of the /_sim operations behind the console's buttons: answer a waiting shopper step, refund,
// expire, rotate a merchant's keys, forget a saved card. Each reads its input and calls one service.
import { refundView, savedCardView, simIntentView } from '../../domain/sim-views.js';
import type { Context } from '../../services/context.js';
import type { Controls } from '../../services/controls.js';
import type { IntentActions, ResolveOutcome } from '../../services/intent-actions.js';
import type { Merchants } from '../../services/merchants.js';
import type { RefundBody } from '../../services/payments.js';
import { deleteSavedCard } from '../../services/saved-cards.js';
import type { OperationHandler } from '../register-operations.js';
import { merchantView } from '../../domain/sim-views.js';

export interface ConsoleOpsDeps {
  ctx: Context;
  actions: IntentActions;
  merchants: Merchants;
  controls: Controls;
}

export function consoleOpHandlers({ ctx, actions, merchants, controls }: ConsoleOpsDeps): Record<string, OperationHandler> {
  const reference = (req: Parameters<OperationHandler>[0]) => (req.params as { reference: string }).reference;
  const intentView = (intent: Parameters<typeof simIntentView>[0]) => simIntentView(intent, ctx.clockFor(intent.merchantId).now());

  return {
    async resolveAttempt(req) {
      const { outcome } = req.body as { outcome: ResolveOutcome };
      return { body: intentView(await actions.resolve(reference(req), outcome)) };
    },

    async refundIntent(req) {
      return { status: 201, body: refundView(await actions.refund(reference(req), req.body as RefundBody)) };
    },

    async expireIntent(req) {
      return { body: intentView(await actions.expire(reference(req))) };
    },

    async rotateMerchantKey(req) {
      const { merchantId } = req.params as { merchantId: string };
      return { body: merchantView(await merchants.rotateKey(controls.merchant(merchantId).id)) };
    },

    async deleteSavedCard(req) {
      const { merchantId, token } = req.params as { merchantId: string; token: string };
      return { body: savedCardView(await deleteSavedCard(ctx, controls.merchant(merchantId).id, token)) };
    },
  };
}
