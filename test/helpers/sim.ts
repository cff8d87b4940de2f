// The in-process simulator for tests: memory store, manual clock, a shared signing key, and every
// reply checked against the contract (a violation fails the test that caused it).
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { buildApp, type AppOptions } from '../../simulator/src/app.js';
import { generateSigningKeys, type SigningKeys } from '../../simulator/src/callbacks/keys.js';
import type { Transport } from '../../simulator/src/callbacks/outbox.js';
import { defaultConfig, type Config } from '../../simulator/src/config.js';
import type { ContractViolation } from '../../simulator/src/http/response-check.js';
import { SimClock } from '../../simulator/src/runtime/clock.js';
import { settle } from '../../simulator/src/services/settle.js';
import type { Store } from '../../simulator/src/store/store.js';
import type { SimSchemas } from '../../client/src/index.js';
import { replyRecorder } from './reply-log.js';

let sharedKeys: SigningKeys | undefined;
/** One RSA key for the whole test process: generating one per app would cost ~100 ms each. */
export function testKeys(): SigningKeys {
  return (sharedKeys ??= generateSigningKeys());
}

export type Merchant = SimSchemas['Merchant'];

export interface TestSim {
  app: FastifyInstance;
  clock: SimClock;
  config: Config;
  violations: ContractViolation[];
  /** Sent callbacks, in order (when no transport was given). */
  sent: Array<{ url: string; body: unknown; headers: Record<string, string> }>;
  merchants: Merchant[];
  sandbox: Merchant;
  sandbox2: Merchant;
  production: Merchant;
  inject(opts: InjectOptions): Promise<LightMyRequestResponse>;
  /** Advances the manual clock and waits for whatever it set off (attempts, callbacks) to settle. */
  advance(ms: number): Promise<void>;
  close(): Promise<void>;
}

const open: TestSim[] = [];
afterEach(async () => {
  const sims = open.splice(0);
  for (const sim of sims) {
    await sim.close();
    if (sim.violations.length) throw new Error(`replies that break the contract:\n${sim.violations.map((v) => JSON.stringify(v)).join('\n')}`);
  }
});

export async function startTestSim(overrides: Partial<Config> = {}, extra: Partial<Omit<AppOptions, 'config'>> & { store?: Store } = {}): Promise<TestSim> {
  const sim = await buildTestSim(overrides, extra);
  open.push(sim);
  return sim;
}

/**
 * One sim for every test of the calling describe block, for long tables of requests that must change
 * nothing (building a sim per row costs ~50 ms): built before the first test, its contract violations
 * fail the test that caused them, closed after the last test. Returns a getter for what setup made.
 */
export function sharedTestSim<W>(setup: (sim: TestSim) => Promise<W>, overrides: Partial<Config> = {}): () => W {
  let sim: TestSim | undefined;
  let made: W | undefined;
  beforeAll(async () => {
    sim = await buildTestSim(overrides);
    made = await setup(sim);
  });
  afterEach(() => {
    const violations = sim?.violations.splice(0) ?? [];
    if (violations.length) throw new Error(`replies that break the contract:\n${violations.map((v) => JSON.stringify(v)).join('\n')}`);
  });
  afterAll(async () => {
    await sim?.close();
  });
  return () => made!;
}

/**
 * With LITTLEPAY_TEST_LOG_DIR set (CI does), every test simulator logs at trace level into that folder,
 * so a scan after the whole suite can prove no card number or CVV was ever logged.
 */
function captureLogs(): Pick<AppOptions, 'logStream'> & { logLevel?: Config['logLevel'] } {
  const dir = process.env.LITTLEPAY_TEST_LOG_DIR;
  if (!dir) return {};
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `vitest-${process.pid}.log`);
  return { logLevel: 'trace', logStream: { write: (line: string) => appendFileSync(file, line) } };
}

async function buildTestSim(overrides: Partial<Config> = {}, extra: Partial<Omit<AppOptions, 'config'>> & { store?: Store } = {}): Promise<TestSim> {
  const { logStream, logLevel } = captureLogs();
  const config = defaultConfig({ clock: 'manual', pinDelayMs: 3000, longPollTimeoutMs: 30_000, ...(logLevel ? { logLevel } : {}), ...overrides });
  const clock = extra.clock ?? new SimClock(config.clock);
  const violations: ContractViolation[] = [];
  const sent: TestSim['sent'] = [];
  const recordingTransport: Transport = async (url, signed) => {
    sent.push({ url, body: JSON.parse(signed.body), headers: signed.headers });
    return { statusCode: 200, text: '{"ok":true}' };
  };
  const app = await buildApp({
    config,
    keys: extra.keys ?? testKeys(),
    transport: extra.transport ?? recordingTransport,
    clock,
    ...(extra.store ? { store: extra.store } : {}),
    ...((extra.logStream ?? logStream) ? { logStream: extra.logStream ?? logStream } : {}),
    ...(extra.sleep ? { sleep: extra.sleep } : {}),
    onContractViolation: (v) => violations.push(v),
    onReply: replyRecorder(),
  });
  await app.ready();
  const admin = config.adminToken ? { authorization: `Bearer ${config.adminToken}` } : {};
  const list = (await app.inject({ method: 'GET', url: '/_sim/merchants', headers: admin })).json() as { merchants: Merchant[] };
  const [sandbox, sandbox2, production] = list.merchants;
  const sim: TestSim = {
    app,
    clock,
    config,
    violations,
    sent,
    merchants: list.merchants,
    sandbox: sandbox!,
    sandbox2: sandbox2!,
    production: production!,
    inject: (opts) => app.inject(opts),
    async advance(ms) {
      clock.advance(ms);
      await settle(app.sim.ctx);
    },
    close: () => app.close(),
  };
  return sim;
}

/** Waits (turn by turn, never by the wall clock) until the condition holds. */
export async function until(condition: () => boolean, turns = 200): Promise<void> {
  for (let i = 0; i < turns; i++) {
    if (condition()) return;
    await new Promise((r) => setImmediate(r));
  }
  throw new Error('condition not reached');
}

/** Waits until the intent has an attempt still pending (a request in flight has got that far). */
export function untilPendingAttempt(sim: TestSim, reference: string): Promise<void> {
  return until(() => sim.app.sim.ctx.store.get('intents', reference)?.attempts.some((a) => a.status === 'PENDING') ?? false);
}

export function basicAuth(m: Pick<Merchant, 'clientId' | 'clientSecret'>): string {
  return `Basic ${Buffer.from(`${m.clientId}:${m.clientSecret}`).toString('base64')}`;
}

export function intentBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    amount: 1500,
    currency: 'KES',
    description: 'Order 1042',
    callbackUrl: 'https://merchant.example/littlepay/callback',
    key: 'ORDER1042',
    payload: { billingAddress: { firstName: 'Jane', lastName: 'Doe', email: 'jane@example.com' } },
    ...overrides,
  };
}

export async function createIntent(sim: TestSim, m: Merchant, overrides: Record<string, unknown> = {}) {
  const res = await sim.inject({
    method: 'POST',
    url: `/api/payments/${m.tokenId}/pay`,
    headers: { authorization: basicAuth(m), 'content-type': 'application/json' },
    payload: intentBody(overrides),
  });
  if (res.statusCode !== 200) throw new Error(`createIntent failed: ${res.statusCode} ${res.body}`);
  return res.json().data as { reference: string; checkoutUrl: string; message: string };
}

/** An intent paid by M-Pesa (the PIN delay advanced on the manual clock); returns its reference. */
export async function paidIntent(sim: TestSim, m: Merchant, overrides: Record<string, unknown> = {}): Promise<string> {
  const intent = await createIntent(sim, m, overrides);
  await processMobile(sim, intent.reference, 'MPESA', '254712345678');
  await sim.advance(sim.config.pinDelayMs);
  return intent.reference;
}

export function processMobile(sim: TestSim, reference: string, type: string, mobile: string, longPoll = false) {
  return sim.inject({
    method: 'POST',
    url: `/pay/${reference}/process${longPoll ? '?longPoll=true' : ''}`,
    headers: { 'content-type': 'application/json' },
    payload: { type, payment: { mobile } },
  });
}

export function status(sim: TestSim, m: Merchant, key: string) {
  return sim.inject({ method: 'GET', url: `/api/payments-v2/${key}`, headers: { 'x-api-key': m.apiKey } });
}

export function refund(sim: TestSim, m: Merchant, key: string, body: Record<string, unknown>) {
  return sim.inject({ method: 'POST', url: `/api/refund/${key}`, headers: { 'x-api-key': m.apiKey, 'content-type': 'application/json' }, payload: body });
}

/** Everything the store holds, to compare before and after a request that must change nothing. */
export function storeSnapshot(sim: TestSim): Record<string, unknown[]> {
  const store = sim.app.sim.ctx.store;
  // Every collection the store has (saved cards and queued outcomes included), so none is forgotten.
  return Object.fromEntries(store.collections.map((c) => [c, structuredClone([...store.all(c)])]));
}
