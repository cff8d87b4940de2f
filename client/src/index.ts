// The typed Little Pay client: generated types (./generated) plus this small runtime on openapi-fetch.
// Every call returns { data, error, response } instead of throwing, so a 4xx is data, not an exception.
import { createVerify } from 'node:crypto';
import createClient from 'openapi-fetch';
import type { components, paths } from './generated/littlepay.js';
import type { components as simComponents, paths as simPaths } from './generated/simulator.js';

export type { components, paths, webhooks, operations } from './generated/littlepay.js';
export type Schemas = components['schemas'];
export type SimSchemas = simComponents['schemas'];
/** The outcomes a waiting PIN prompt or 3-D Secure challenge can be answered with (POST /_sim/intents/{reference}/resolve). */
export type ResolveOutcome = NonNullable<simPaths['/_sim/intents/{reference}/resolve']['post']['requestBody']>['content']['application/json']['outcome'];

export interface LittlePayClientOptions {
  /** https://pay.little.africa, or the simulator's URL. */
  baseUrl: string;
  clientId?: string;
  clientSecret?: string;
  tokenId?: string;
  /** The secret key sent as X-API-KEY (status, refunds). */
  apiKey?: string;
  fetch?: typeof fetch;
}

function basic(clientId = '', clientSecret = ''): string {
  return `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
}

export function createLittlePayClient(options: LittlePayClientOptions) {
  const http = createClient<paths>({ baseUrl: options.baseUrl.replace(/\/+$/, ''), ...(options.fetch ? { fetch: options.fetch } : {}) });
  const apiKeyHeader = () => ({ 'X-API-KEY': options.apiKey ?? '' });
  return {
    /** POST /api/payments/{tokenId}/pay with Basic clientId:clientSecret. */
    createIntent(body: Schemas['CreateIntentRequest']) {
      return http.POST('/api/payments/{tokenId}/pay', {
        params: { path: { tokenId: options.tokenId ?? '' } },
        headers: { Authorization: basic(options.clientId, options.clientSecret) },
        body,
      });
    },
    /** POST /pay/{reference}/process (no credentials); longPoll holds the answer until the payment is final. */
    processPayment(reference: string, body: Schemas['ProcessPaymentRequest'], opts: { longPoll?: boolean } = {}) {
      return http.POST('/pay/{reference}/process', {
        params: { path: { reference }, query: opts.longPoll === undefined ? {} : { longPoll: opts.longPoll } },
        body,
      });
    },
    /** POST /pay/{reference}/cspaToken: 3-D Secure device-data-collection token. */
    createPaToken(reference: string, body: Schemas['CardPaymentRequest']) {
      return http.POST('/pay/{reference}/cspaToken', { params: { path: { reference } }, body });
    },
    /** POST /pay/{reference}/enroll: 3-D Secure enrollment check. */
    checkEnrollment(reference: string, body: Schemas['EnrollRequest']) {
      return http.POST('/pay/{reference}/enroll', { params: { path: { reference } }, body });
    },
    /** GET /api/payments-v2/{key} with X-API-KEY, by reference or merchant key. */
    getPaymentStatus(referenceOrKey: string) {
      return http.GET('/api/payments-v2/{key}', { params: { path: { key: referenceOrKey } }, headers: apiKeyHeader() });
    },
    /** POST /api/refund/{key} with X-API-KEY. */
    refund(referenceOrKey: string, body: Schemas['RefundRequest']) {
      return http.POST('/api/refund/{key}', { params: { path: { key: referenceOrKey } }, headers: apiKeyHeader(), body });
    },
  };
}
export type LittlePayClient = ReturnType<typeof createLittlePayClient>;

/**
 * What the official client gathers in a desktop browser for enroll (littlepay-api.md §4.4): a ready
 * `deviceInformation` for scripts, journeys and tests that have no browser.
 */
export const EXAMPLE_DEVICE_INFORMATION: Schemas['DeviceInformation'] = {
  httpBrowserColorDepth: 24,
  httpBrowserJavaEnabled: false,
  httpBrowserJavaScriptEnabled: true,
  httpBrowserLanguage: 'en-US',
  httpBrowserScreenHeight: 1080,
  httpBrowserScreenWidth: 1920,
  httpBrowserTimeDifference: -180,
};

/**
 * A typed client of the simulator's own /_sim API. `adminToken` is the simulator's SIM_ADMIN_TOKEN, sent as
 * a bearer token on every call (the open operations ignore it).
 */
export function createSimClient(options: { baseUrl: string; fetch?: typeof fetch; adminToken?: string }) {
  const http = createClient<simPaths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.adminToken ? { headers: { Authorization: `Bearer ${options.adminToken}` } } : {}),
  });
  const merchant = (merchantId: string) => ({ params: { path: { merchantId } } });
  return {
    health: () => http.GET('/_sim/health'),
    listMerchants: () => http.GET('/_sim/merchants'),
    createMerchant: (body: SimSchemas['CreateMerchantRequest']) => http.POST('/_sim/merchants', { body }),
    listScenarios: () => http.GET('/_sim/scenarios'),
    callbackPublicKey: () => http.GET('/_sim/keys/callback.pem', { parseAs: 'text' }),
    listCallbacks: (query: { merchantId?: string; reference?: string } = {}) => http.GET('/_sim/callbacks', { params: { query } }),
    inbox: (name: string) => http.GET('/_sim/inbox/{name}', { params: { path: { name } } }),
    /** Posts a callback to a named inbox, as the simulator's callback worker does. */
    postInbox: (name: string, body: unknown, headers: Record<string, string> = {}) =>
      http.POST('/_sim/inbox/{name}', { params: { path: { name } }, body: body as Record<string, never>, headers }),
    /** Answers an intent's waiting 3-D Secure challenge, as the shopper would on the challenge page. */
    answerChallenge: (reference: string, answer: 'authenticate' | 'fail' | 'cancel') =>
      http.POST('/_sim/intents/{reference}/challenge', { params: { path: { reference } }, body: { answer } }),
    checkoutState: (reference: string) => http.GET('/checkout/{reference}/state', { params: { path: { reference } } }),
    merchantCallbacks: (id: string, query: { state?: 'pending' | 'delivered' | 'failed'; reference?: string } = {}) =>
      http.GET('/_sim/merchants/{merchantId}/callbacks', { params: { path: { merchantId: id }, query } }),
    replayCallback: (id: string) => http.POST('/_sim/callbacks/{id}/replay', { params: { path: { id } } }),
    callbackSettings: (id: string) => http.GET('/_sim/merchants/{merchantId}/callback-settings', { params: { path: { merchantId: id } } }),
    updateCallbackSettings: (id: string, body: SimSchemas['CallbackSettingsUpdate']) =>
      http.POST('/_sim/merchants/{merchantId}/callback-settings', { params: { path: { merchantId: id } }, body }),
    /** Grades the receiver at `body.url`; answers once all five requests are graded. */
    checkCallbackReceiver: (id: string, body: SimSchemas['CallbackCheckRequest']) =>
      http.POST('/_sim/merchants/{merchantId}/callback-check', { params: { path: { merchantId: id } }, body }),
    lastCallbackCheck: (id: string) => http.GET('/_sim/merchants/{merchantId}/callback-check', { params: { path: { merchantId: id } } }),
    /** Forgets everything; the demo merchants come back as on a first start. */
    resetAll: () => http.POST('/_sim/reset'),
    /** Forgets one merchant's intents, callbacks, queued outcomes, faults, journal and clock; keeps its credentials. */
    resetMerchant: (merchantId: string) => http.POST('/_sim/merchants/{merchantId}/reset', merchant(merchantId)),
    listIntents: (merchantId: string) => http.GET('/_sim/merchants/{merchantId}/intents', merchant(merchantId)),
    /** The merchant's saved cards (tokens), masked. */
    listSavedCards: (merchantId: string) => http.GET('/_sim/merchants/{merchantId}/tokens', merchant(merchantId)),
    clock: (merchantId: string) => http.GET('/_sim/merchants/{merchantId}/clock', merchant(merchantId)),
    /** `{ action: 'advance', by: '31m' }`, `{ action: 'set', to }`, `{ action: 'freeze' }` or `{ action: 'resume' }`. */
    controlClock: (merchantId: string, body: SimSchemas['ClockAction']) => http.POST('/_sim/merchants/{merchantId}/clock', { ...merchant(merchantId), body }),
    outcomes: (merchantId: string) => http.GET('/_sim/merchants/{merchantId}/outcomes', merchant(merchantId)),
    /** Queues the outcomes of the merchant's next attempts, for one provider or `any` (the default). */
    queueOutcomes: (merchantId: string, body: SimSchemas['QueueOutcomesRequest']) =>
      http.POST('/_sim/merchants/{merchantId}/outcomes', { ...merchant(merchantId), body }),
    clearOutcomes: (merchantId: string) => http.DELETE('/_sim/merchants/{merchantId}/outcomes', merchant(merchantId)),
    /** The address-verification rule of the merchant's card payments (no_address unless changed). */
    avsSetting: (merchantId: string) => http.GET('/_sim/merchants/{merchantId}/avs', merchant(merchantId)),
    /** `{ rule: 'off' }`, `{ rule: 'no_address' }` or `{ rule: 'complete_address' }`. */
    updateAvsSetting: (merchantId: string, body: SimSchemas['AvsSettingUpdate']) =>
      http.PUT('/_sim/merchants/{merchantId}/avs', { ...merchant(merchantId), body }),
    faults: (merchantId: string) => http.GET('/_sim/merchants/{merchantId}/faults', merchant(merchantId)),
    addFault: (merchantId: string, body: SimSchemas['FaultRequest']) => http.POST('/_sim/merchants/{merchantId}/faults', { ...merchant(merchantId), body }),
    clearFaults: (merchantId: string) => http.DELETE('/_sim/merchants/{merchantId}/faults', merchant(merchantId)),
    /** The merchant's request journal, oldest first. */
    requests: (merchantId: string) => http.GET('/_sim/merchants/{merchantId}/requests', merchant(merchantId)),
    /** Answers the payment's waiting PIN prompt or 3-D Secure challenge now, with any outcome. */
    resolveAttempt: (reference: string, outcome: ResolveOutcome) =>
      http.POST('/_sim/intents/{reference}/resolve', { params: { path: { reference } }, body: { outcome } }),
    /** Refunds a completed payment on its merchant's behalf (the merchant's rules and callbacks). */
    refundIntent: (reference: string, body: Schemas['RefundRequest']) =>
      http.POST('/_sim/intents/{reference}/refund', { params: { path: { reference } }, body }),
    /** Moves the intent's expiry to now on its merchant's clock. */
    expireIntent: (reference: string) => http.POST('/_sim/intents/{reference}/expire', { params: { path: { reference } } }),
    /** Rotate Key: a new clientSecret and apiKey; the old ones are refused from then on. */
    rotateKey: (merchantId: string) => http.POST('/_sim/merchants/{merchantId}/rotate-key', merchant(merchantId)),
    /** Forgets one of the merchant's saved cards. */
    deleteSavedCard: (merchantId: string, token: string) =>
      http.DELETE('/_sim/merchants/{merchantId}/tokens/{token}', { params: { path: { merchantId, token } } }),
    /** The inspector's callback panel of one merchant (an HTML fragment). */
    inspectorCallbacks: (merchantId: string) => http.GET('/_sim/ui/merchants/{merchantId}/callbacks', { ...merchant(merchantId), parseAs: 'text' }),
    listProviderStates: () => http.GET('/_sim/provider-states'),
    /** Sets up a Pact provider state by name; answers its values (reference, key, credentials). */
    providerState: (state: string) => http.POST('/_sim/provider-states', { body: { state, action: 'setup' } }),
  };
}
export type SimClient = ReturnType<typeof createSimClient>;

/** Client options for one of the simulator's merchants. */
export function merchantClientOptions(baseUrl: string, m: SimSchemas['Merchant']): LittlePayClientOptions {
  return { baseUrl, clientId: m.clientId, clientSecret: m.clientSecret, tokenId: m.tokenId, apiKey: m.apiKey };
}

export type VerifyResult = { ok: true; timestamp: number } | { ok: false; reason: 'missing_headers' | 'bad_timestamp' | 'stale_timestamp' | 'bad_signature' };

/** The replay window verifyCallback applies unless told otherwise: Stripe's SDKs use the same five minutes. */
export const DEFAULT_CALLBACK_TOLERANCE_SECONDS = 300;

export interface VerifyCallbackOptions {
  /**
   * How far the signed timestamp may be from `now`, in seconds (default 300): a callback recorded and sent
   * again later is refused as `stale_timestamp`. `false` checks no window at all (an explicit opt-out, for a
   * receiver that keeps its own record of what it has processed).
   */
  toleranceSeconds?: number | false;
  /** The receiver's time in ms since the epoch (default Date.now()); a test clock's, in a test. */
  now?: number;
}

/**
 * Verifies a Little Pay callback exactly as the documentation does: RSA-SHA256 over
 * `X-LittlePay-Timestamp + "." + JSON.stringify(body)`, where body is the parsed JSON, and, unless opted
 * out, within a replay window of five minutes around now.
 */
export function verifyCallback(
  body: unknown,
  headers: Record<string, string | string[] | undefined> | Headers,
  publicKeyPem: string,
  options: VerifyCallbackOptions = {},
): VerifyResult {
  const get = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const entry = Object.entries(headers).find(([k]) => k.toLowerCase() === name);
    const v = entry?.[1];
    return Array.isArray(v) ? v[0] : v;
  };
  const signature = get('x-littlepay-signature');
  const timestamp = get('x-littlepay-timestamp');
  if (!signature || !timestamp) return { ok: false, reason: 'missing_headers' };
  if (!/^\d+$/.test(timestamp)) return { ok: false, reason: 'bad_timestamp' };
  const ts = Number(timestamp);
  const tolerance = options.toleranceSeconds ?? DEFAULT_CALLBACK_TOLERANCE_SECONDS;
  if (tolerance !== false) {
    const now = Math.floor((options.now ?? Date.now()) / 1000);
    if (Math.abs(now - ts) > tolerance) return { ok: false, reason: 'stale_timestamp' };
  }
  let valid = false;
  try {
    valid = createVerify('SHA256')
      .update(`${timestamp}.${JSON.stringify(body)}`)
      .verify(publicKeyPem, signature, 'base64');
  } catch {
    valid = false;
  }
  return valid ? { ok: true, timestamp: ts } : { ok: false, reason: 'bad_signature' };
}
