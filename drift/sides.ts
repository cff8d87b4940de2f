// Builds the two sides of a run: the simulator (a merchant of its own, callbacks read from its inbox) and the
// real service (the integrator's credentials, callbacks from the receiver behind --callback-url).
import { createSimClient, verifyCallback } from '../client/src/index.js';
import type { Observation } from './observation.js';
import type { CallbackReceiver } from './receiver.js';
import { LiveSide, type Credentials } from './side.js';

interface Common {
  runId: string;
  timeoutMs: number;
  callbackWaitMs: number;
  fetch?: typeof fetch;
}

/** The simulator's M-Pesa test number whose payments complete (docs/decisions/0007). */
const SIMULATOR_SUCCESS_NUMBER = '254712345678';

const inboxName = (runId: string, journey: string) => `drift-${runId}-${journey}`.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 64);

/** Polls until `count` callbacks have arrived or the wait is over. */
async function waitFor<T>(read: () => Promise<T[]>, count: number, waitMs: number): Promise<T | undefined> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const got = await read();
    if (got.length >= count) return got[count - 1];
    if (Date.now() >= deadline) return undefined;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function simulatorSide(baseUrl: string, common: Common, adminToken?: string): Promise<LiveSide> {
  const sim = createSimClient({ baseUrl, ...(common.fetch ? { fetch: common.fetch } : {}), ...(adminToken ? { adminToken } : {}) });
  const health = await sim.health();
  const merchant = await sim.createMerchant({ environment: 'sandbox', name: 'Drift check' });
  if (!health.data || !merchant.data) {
    throw new Error(`the simulator at ${baseUrl} did not answer /_sim/health and /_sim/merchants (${health.response.status}, ${merchant.response.status})`);
  }
  const { clientId, clientSecret, tokenId, apiKey } = merchant.data;
  const publicUrl = health.data.publicUrl;
  const callback = async (journey: string, count: number): Promise<Observation> => {
    const read = async () => (await sim.inbox(inboxName(common.runId, journey))).data?.messages ?? [];
    const m = await waitFor(read, count, common.callbackWaitMs);
    if (!m) return { kind: 'failed', reason: `no callback #${count} within ${common.callbackWaitMs} ms` };
    return { kind: 'callback', body: m.body, signature: m.signatureValid ? 'valid' : m.headers['x-littlepay-signature'] ? 'invalid' : 'missing' };
  };
  return new LiveSide({
    baseUrl,
    credentials: { clientId, clientSecret, tokenId, apiKey },
    runId: common.runId,
    timeoutMs: common.timeoutMs,
    playsShopper: true,
    shopperMobile: SIMULATOR_SUCCESS_NUMBER,
    callbackUrl: (journey) => `${publicUrl}/_sim/inbox/${inboxName(common.runId, journey)}`,
    callback,
    ...(adminToken ? { adminToken } : {}),
    ...(common.fetch ? { fetch: common.fetch } : {}),
  });
}

/** Where the real side's intents send callbacks when there is no receiver: a name that never resolves (RFC 2606). */
const NOWHERE = 'https://callback.invalid/littlepay-drift';

export interface RealSideOptions {
  /** The public URL of the callback receiver, the receiver, and the key that verifies the callbacks. */
  callbacks?: { public: string; receiver: CallbackReceiver; key: string };
  /** A phone the integrator holds, to play the M-Pesa shopper on the real side. */
  shopperMobile?: string;
}

export function realSide(baseUrl: string, credentials: Credentials, common: Common, { callbacks: receiver, shopperMobile }: RealSideOptions = {}): LiveSide {
  const callback = async (journey: string, count: number): Promise<Observation> => {
    if (!receiver) return { kind: 'skipped', reason: "no --callback-url: the real service's callbacks have no receiver" };
    const got = await waitFor(async () => receiver.receiver.received(inboxName(common.runId, journey)), count, common.callbackWaitMs);
    if (!got) return { kind: 'failed', reason: `no callback #${count} within ${common.callbackWaitMs} ms` };
    const verified = verifyCallback(got.body, got.headers, receiver.key);
    return { kind: 'callback', body: got.body, signature: verified.ok ? 'valid' : verified.reason === 'missing_headers' ? 'missing' : 'invalid' };
  };
  return new LiveSide({
    baseUrl,
    credentials,
    runId: common.runId,
    timeoutMs: common.timeoutMs,
    playsShopper: false,
    ...(shopperMobile ? { shopperMobile } : {}),
    callbackUrl: (journey) => (receiver ? `${receiver.public}/${inboxName(common.runId, journey)}` : NOWHERE),
    callback,
    ...(common.fetch ? { fetch: common.fetch } : {}),
  });
}
