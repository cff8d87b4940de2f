// Handlers of the simulator's own /_sim API (contracts/simulator.openapi.yaml).
import type { components } from '../../../../client/src/generated/simulator.js';
import { catalogue } from '../../domain/catalogue.js';
import { merchantView } from '../../domain/sim-views.js';
import type { Context } from '../../services/context.js';
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
  };
}
