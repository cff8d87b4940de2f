// Handlers of the simulator's own /_sim API (contracts/simulator.openapi.yaml).
import type { components } from '../../../../client/src/generated/simulator.js';
import { verifyCallback } from '../../../../client/src/index.js';
import { catalogue } from '../../domain/catalogue.js';
import type { CallbackRecord, InboxRecord, MerchantRecord } from '../../domain/records.js';
import { iso } from '../../runtime/clock.js';
import { commit, type Context } from '../../services/context.js';
import type { Merchants } from '../../services/merchants.js';
import type { OperationHandler } from '../register-operations.js';

type S = components['schemas'];

export interface SimulatorDeps {
  ctx: Context;
  merchants: Merchants;
  version: string;
  startedAt: number;
  state: () => 'starting' | 'ok' | 'stopping';
}

export function merchantView(m: MerchantRecord): S['Merchant'] {
  const { demo: _demo, createdAt: _createdAt, ...view } = m;
  return view;
}

function callbackView(cb: CallbackRecord): S['Callback'] {
  return { ...cb, body: cb.body as S['Callback']['body'], nextAttemptAt: cb.nextAttemptAt === null ? null : iso(cb.nextAttemptAt) };
}


export function simulatorHandlers(deps: SimulatorDeps): Record<string, OperationHandler> {
  const { ctx, merchants } = deps;
  return {
    async getHealth() {
      const state = deps.state();
      const checks: S['Health']['checks'] = {
        store: ctx.store.healthy ? 'ok' : 'down',
        keys: ctx.keys.publicKeyPem ? 'ok' : 'down',
        callbackWorker: ctx.outbox.alive ? 'ok' : 'down',
      };
      const ok = state === 'ok' && Object.values(checks).every((c) => c === 'ok');
      const body: S['Health'] = {
        status: ok ? 'ok' : state === 'ok' ? 'down' : state,
        version: deps.version,
        uptimeSeconds: Math.round((Date.now() - deps.startedAt) / 1000),
        publicUrl: ctx.publicUrl(),
        checks,
      };
      return { status: ok ? 200 : 503, body };
    },

    async listMerchants() {
      return { body: { merchants: merchants.list().map(merchantView) } };
    },

    async createMerchant(req) {
      const merchant = await merchants.create(req.body as S['CreateMerchantRequest']);
      return { status: 201, body: merchantView(merchant) };
    },

    async listScenarios() {
      return { body: { scenarios: catalogue() } };
    },

    async getCallbackPublicKey() {
      return { body: ctx.keys.publicKeyPem, contentType: 'application/x-pem-file' };
    },

    async listCallbacks(req) {
      const { merchantId, reference } = req.query as { merchantId?: string; reference?: string };
      const callbacks = [...ctx.store.all('callbacks')]
        .filter((cb) => (!merchantId || cb.merchantId === merchantId) && (!reference || cb.reference === reference))
        .reverse()
        .map(callbackView);
      return { body: { callbacks } };
    },

    async receiveInboxCallback(req) {
      const { name } = req.params as { name: string };
      const header = (h: string) => {
        const v = req.headers[h];
        return Array.isArray(v) ? v[0] ?? '' : v ?? '';
      };
      // The same check integrators run with the client: over JSON.stringify of the parsed body.
      const signatureValid = verifyCallback(req.body, req.headers, ctx.keys.publicKeyPem).ok;
      const message: InboxRecord = {
        id: `in_${ctx.ids.hex('inbox', 16)}`,
        name,
        receivedAt: iso(ctx.globalClock.now()),
        signatureValid,
        headers: {
          'x-littlepay-signature': header('x-littlepay-signature'),
          'x-littlepay-timestamp': header('x-littlepay-timestamp'),
          'content-type': header('content-type'),
        },
        body: req.body,
      };
      await commit(ctx, [{ collection: 'inbox', value: message }]);
      return { body: { received: true, signatureValid } };
    },

    async listInbox(req) {
      const { name } = req.params as { name: string };
      const messages = [...ctx.store.all('inbox')]
        .filter((m) => m.name === name)
        .map(({ id: _id, name: _name, ...m }) => m);
      return { body: { name, messages } };
    },
  };
}
