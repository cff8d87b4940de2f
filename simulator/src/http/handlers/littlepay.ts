// Handlers of the Little Pay API: read the validated input, call one service, wrap the answer in the
// documented { date, data } envelope.
import type { components } from '../../../../client/src/generated/littlepay.js';
import type { CreateIntentBody } from '../../domain/intents.js';
import { createCustomerNotice, NOTICE_HEADER } from '../../domain/tokens.js';
import { statusView } from '../../domain/views.js';
import { iso } from '../../runtime/clock.js';
import type { Context } from '../../services/context.js';
import type { Cards, CardProcessBody, EnrollBody, PaTokenBody } from '../../services/cards.js';
import type { Merchants } from '../../services/merchants.js';
import type { MobileProcessBody, Payments, RefundBody } from '../../services/payments.js';
import type { OperationHandler, OperationReply } from '../register-operations.js';
import { cardFreeBody } from '../card-free-body.js';

type S = components['schemas'];

export interface LittlePayDeps {
  ctx: Context;
  payments: Payments;
  cards: Cards;
  merchants: Merchants;
}

function envelope<T>(ctx: Context, merchantId: string | undefined, data: T): OperationReply {
  const now = merchantId ? ctx.clockFor(merchantId).now() : ctx.globalClock.now();
  return { body: { date: iso(now), data } };
}

export function littlePayHandlers({ ctx, payments, cards }: LittlePayDeps): Record<string, OperationHandler> {
  return {
    async createIntent(req, merchant) {
      // The Token ID in the path is the merchant's own: the credentials check saw to it.
      const intent = await payments.createIntent(merchant!, cardFreeBody<CreateIntentBody>(req));
      const data: S['CreateIntentResponse']['data'] = {
        reference: intent.id,
        checkoutUrl: `${ctx.publicUrl()}/checkout/${intent.id}`,
        message: 'Request processed successfully',
      };
      return envelope(ctx, merchant!.id, data);
    },

    async processPayment(req, _merchant, reply) {
      const { reference } = req.params as { reference: string };
      const { longPoll } = req.query as { longPoll?: boolean };
      const body = req.body as S['ProcessPaymentRequest'];
      const intent = payments.intent(reference);
      const notice = createCustomerNotice(intent, body.type);
      const data =
        body.type === 'CARDS'
          ? await cards.process(reference, body as CardProcessBody, longPoll === true)
          : await payments.processMobile(reference, body as MobileProcessBody, longPoll === true);
      // Only on an answered payment: a refused one changed nothing and has nothing to explain.
      if (notice) void reply.header(NOTICE_HEADER, notice);
      return envelope(ctx, intent.merchantId, data);
    },

    async createPaToken(req) {
      const { reference } = req.params as { reference: string };
      const data = await cards.createPaToken(reference, req.body as PaTokenBody);
      return envelope(ctx, payments.intent(reference).merchantId, data);
    },

    async checkEnrollment(req) {
      const { reference } = req.params as { reference: string };
      const data = await cards.enroll(reference, req.body as EnrollBody);
      return envelope(ctx, payments.intent(reference).merchantId, data);
    },

    async getPaymentStatus(req, merchant) {
      const { key } = req.params as { key: string };
      const intent = await payments.stored(merchant!, key);
      return envelope(ctx, merchant!.id, statusView(intent, ctx.clockFor(merchant!.id).now()));
    },

    async refundPayment(req, merchant) {
      const { key } = req.params as { key: string };
      const refund = await payments.refund(merchant!, key, cardFreeBody<RefundBody>(req));
      const pendingMessage = refund.callbackUrl
        ? 'Refund is being processed; the result will be posted to callbackUrl'
        : 'Refund is being processed; check the payment status for its result';
      const data: S['RefundResponse']['data'] = {
        status: refund.status,
        message: refund.status === 'PENDING' ? pendingMessage : (refund.message ?? 'Success'),
      };
      return envelope(ctx, merchant!.id, data);
    },
  };
}
