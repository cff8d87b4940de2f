// Handlers of the callback part of the /_sim API: the outbox and its delivery log, replay, delivery
// settings, the receiver check and the built-in inbox (contracts/simulator.openapi.yaml).
import type { components } from '../../../../client/src/generated/simulator.js';
import { listInbox, receiveInbox } from '../../services/inbox.js';
import { originOf } from '../../callbacks/plan.js';
import type { CallbackRecord } from '../../domain/records.js';
import { iso } from '../../runtime/clock.js';
import { renderCallbackCheck, renderCallbackLog, renderInbox } from '../../pages/callbacks-panel.js';
import { Callbacks } from '../../services/callbacks.js';
import type { Context } from '../../services/context.js';
import type { OperationHandler } from '../register-operations.js';

type S = components['schemas'];

function callbackView(cb: CallbackRecord): S['Callback'] {
  return {
    id: cb.id,
    kind: cb.kind,
    origin: originOf(cb),
    ...(cb.originalId ? { originalId: cb.originalId } : {}),
    merchantId: cb.merchantId,
    reference: cb.reference,
    url: cb.url,
    state: cb.state,
    body: cb.body,
    createdAt: cb.createdAt,
    nextAttemptAt: cb.nextAttemptAt === null ? null : iso(cb.nextAttemptAt),
    deliveries: cb.deliveries,
  };
}

export function callbackHandlers(ctx: Context): Record<string, OperationHandler> {
  const callbacks = new Callbacks(ctx);
  const merchantId = (req: { params: unknown }) => (req.params as { merchantId: string }).merchantId;
  return {
    async listCallbacks(req) {
      const { merchantId: merchant, reference } = req.query as { merchantId?: string; reference?: string };
      return { body: { callbacks: callbacks.listAll({ merchantId: merchant, reference }).map(callbackView) } };
    },

    async listMerchantCallbacks(req) {
      const filter = req.query as { state?: CallbackRecord['state']; reference?: string };
      return { body: { callbacks: callbacks.list(merchantId(req), filter).map(callbackView) } satisfies S['CallbackList'] };
    },

    async replayCallback(req) {
      return { status: 202, body: callbackView(await callbacks.replay((req.params as { id: string }).id)) };
    },

    async getCallbackSettings(req) {
      return { body: callbacks.settings(merchantId(req)) satisfies S['CallbackSettings'] };
    },

    async updateCallbackSettings(req) {
      return { body: (await callbacks.updateSettings(merchantId(req), req.body as S['CallbackSettingsUpdate'])) satisfies S['CallbackSettings'] };
    },

    async checkCallbackReceiver(req) {
      return { body: await callbacks.check(merchantId(req), req.body as S['CallbackCheckRequest']) };
    },

    async getCallbackCheck(req) {
      return { body: callbacks.lastCheck(merchantId(req)) };
    },

    async receiveInboxCallback(req) {
      const { name } = req.params as { name: string };
      const message = await receiveInbox(ctx, name, req.body, req.headers);
      return { body: { received: true, signatureValid: message.signatureValid } };
    },

    /** The inspector's panel: delivery log, last receiver check, and the inboxes this merchant's callbacks went to. */
    async getInspectorCallbacks(req) {
      const id = merchantId(req);
      const list = callbacks.list(id).map(callbackView);
      const report = callbacks.lastReport(id);
      const prefix = `${ctx.publicUrl()}/_sim/inbox/`;
      const inboxes = [...new Set(list.filter((cb) => cb.url.startsWith(prefix)).map((cb) => cb.url.slice(prefix.length)))];
      const html = [
        renderCallbackLog(list),
        renderCallbackCheck(report, id),
        ...inboxes.map((name) =>
          renderInbox(
            name,
            listInbox(ctx, name).map(({ id: _id, name: _name, ...m }) => m),
          ),
        ),
      ].join('\n');
      return { body: html, contentType: 'text/html; charset=utf-8' };
    },

    async listInbox(req) {
      const { name } = req.params as { name: string };
      const messages: S['InboxMessage'][] = listInbox(ctx, name).map(({ id: _id, name: _name, ...m }) => m);
      return { body: { name, messages } };
    },
  };
}
