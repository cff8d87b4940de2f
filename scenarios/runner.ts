// Runs journeys with the typed client against any base URL (in-process through an injected fetch, a
// local simulator, or the Docker container) and writes a readable transcript.
import { createLittlePayClient, createSimClient, merchantClientOptions, type LittlePayClient, type SimClient } from '../client/src/index.js';
import type { Expect, Journey, StepCall } from './journey.js';
import { callSim } from './sim-steps.js';

export interface RunOptions {
  baseUrl: string;
  fetch?: typeof fetch;
  /** Makes keys unique per run; defaults to the current time in base 36. */
  runId?: string;
  /** How long awaitCallback waits for the inbox (ms). */
  callbackWaitMs?: number;
  /** The simulator's SIM_ADMIN_TOKEN, when it has one (for /_sim). */
  adminToken?: string;
  log?: (line: string) => void;
}

export interface JourneyResult {
  name: string;
  passed: boolean;
  failure?: string;
}

type Vars = Record<string, string>;

export function interpolate<T>(value: T, vars: Vars): T {
  if (typeof value === 'string') return value.replace(/\$\{(\w+)\}/g, (m, name: string) => vars[name] ?? m) as T;
  if (Array.isArray(value)) return value.map((v) => interpolate(v, vars)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, vars)])) as T;
  return value;
}

/** The first difference between an expected partial value and the actual one, or null. */
export function mismatch(expected: unknown, actual: unknown, path = ''): string | null {
  const at = path || '(answer)';
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${at}: expected a list, got ${JSON.stringify(actual)}`;
    if (actual.length !== expected.length) return `${at}: expected ${expected.length} items, got ${actual.length}`;
    for (let i = 0; i < expected.length; i++) {
      const m = mismatch(expected[i], actual[i], `${path}[${i}]`);
      if (m) return m;
    }
    return null;
  }
  if (expected && typeof expected === 'object') {
    if (!actual || typeof actual !== 'object') return `${at}: expected an object, got ${JSON.stringify(actual)}`;
    for (const [k, v] of Object.entries(expected)) {
      const m = mismatch(v, (actual as Record<string, unknown>)[k], path ? `${path}.${k}` : k);
      if (m) return m;
    }
    return null;
  }
  return Object.is(expected, actual) ? null : `${at}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}

function pick(value: unknown, path: string): string {
  const found = path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], value);
  if (typeof found !== 'string') throw new Error(`nothing to save at ${path}`);
  return found;
}

/**
 * Makes one step's call with the typed clients (the Pact consumer tests drive the client through it too).
 * `merchantId` is the run's merchant, for the /_sim steps that act on it.
 */
export async function callStep(client: LittlePayClient, sim: SimClient, step: StepCall, merchantId = '') {
  switch (step.call) {
    case 'sim':
      return callSim(sim, step, merchantId);
    case 'queueOutcomes':
      return sim.queueOutcomes(merchantId, step.body);
    case 'clock':
      return sim.controlClock(merchantId, step.body);
    case 'createPaToken':
      return client.createPaToken(step.reference, step.body);
    case 'checkEnrollment':
      return client.checkEnrollment(step.reference, step.body);
    case 'answerChallenge':
      return sim.answerChallenge(step.reference, step.answer);
    case 'createIntent':
      return client.createIntent(step.body);
    case 'processPayment':
      return client.processPayment(step.reference, step.body, step.longPoll === undefined ? {} : { longPoll: step.longPoll });
    case 'getPaymentStatus':
      return client.getPaymentStatus(step.key);
    case 'refund':
      return client.refund(step.key, step.body);
  }
}

function check(expect: Expect, status: number, body: unknown): string | null {
  if (status !== expect.status) return `status: expected ${expect.status}, got ${status} ${JSON.stringify(body)}`;
  return expect.body === undefined ? null : mismatch(expect.body, body);
}

export async function runJourney(journey: Journey, options: RunOptions): Promise<JourneyResult> {
  const log = options.log ?? (() => {});
  const fetchOpt = options.fetch ? { fetch: options.fetch } : {};
  const sim = createSimClient({ baseUrl: options.baseUrl, ...fetchOpt, ...(options.adminToken ? { adminToken: options.adminToken } : {}) });
  const runId = options.runId ?? Date.now().toString(36).toUpperCase();
  log(`journey ${journey.name}: ${journey.summary}`);
  const fail = (failure: string): JourneyResult => {
    log(`  ✗ ${failure}`);
    return { name: journey.name, passed: false, failure };
  };
  const health = await sim.health();
  const merchant = await sim.createMerchant({ environment: journey.environment, name: `Scenario ${journey.name}` });
  if (!health.data || !merchant.data) return fail('the simulator did not answer /_sim/health and /_sim/merchants');
  const inboxName = `${journey.name}-${runId}`.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 64);
  const vars: Vars = { run: runId.replace(/[^A-Za-z0-9]/g, ''), inbox: `${health.data.publicUrl}/_sim/inbox/${inboxName}`, merchant: merchant.data.id };
  const client = createLittlePayClient({ ...merchantClientOptions(options.baseUrl, merchant.data), ...fetchOpt });
  const clients = new Map<string, LittlePayClient>();
  const tokenIds = new Map<string, string>();
  for (const [name, environment] of Object.entries(journey.others ?? {})) {
    const other = await sim.createMerchant({ environment, name: `Scenario ${journey.name} (${name})` });
    if (!other.data) return fail(`could not create the ${environment} merchant "${name}" through /_sim/merchants`);
    vars[name] = other.data.id;
    tokenIds.set(name, other.data.tokenId);
    clients.set(name, createLittlePayClient({ ...merchantClientOptions(options.baseUrl, other.data), ...fetchOpt }));
  }

  for (const raw of journey.steps) {
    const step = interpolate(raw, vars);
    if (step.call === 'awaitCallback') {
      const deadline = Date.now() + (options.callbackWaitMs ?? 15_000);
      let messages: unknown[] = [];
      while (Date.now() < deadline) {
        messages = (await sim.inbox(inboxName)).data?.messages ?? [];
        if (messages.length >= step.count) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      if (messages.length < step.count) return fail(`awaitCallback: expected ${step.count} callbacks in the inbox, got ${messages.length}`);
      const m = mismatch(step.expect.body, messages[step.count - 1]);
      if (m) return fail(`awaitCallback: ${m}`);
      for (const [name, path] of Object.entries(step.save ?? {})) vars[name] = pick(messages[step.count - 1], path);
      log(`  ✓ callback #${step.count} received`);
      continue;
    }
    const as = 'as' in step ? step.as : undefined;
    let acting = as === undefined ? client : clients.get(as);
    if (!acting) return fail(`${step.call}: the journey has no other merchant "${as}"`);
    if (step.call === 'createIntent' && step.tokenIdOf !== undefined) {
      // The run's own credentials with another merchant's Token ID in the path.
      const tokenId = tokenIds.get(step.tokenIdOf);
      if (!tokenId || as !== undefined) return fail(`createIntent: tokenIdOf names another merchant of the journey, and goes without "as"`);
      acting = createLittlePayClient({ ...merchantClientOptions(options.baseUrl, merchant.data), tokenId, ...fetchOpt });
    }
    const { data, error, response } = await callStep(acting, sim, step, merchant.data.id);
    const body = data ?? error;
    const problem = check(step.expect, response.status, body);
    if (problem) return fail(`${step.call}: ${problem}`);
    for (const [name, path] of Object.entries(step.save ?? {})) vars[name] = pick(body, path);
    log(`  ✓ ${step.call} → ${response.status}`);
  }
  return { name: journey.name, passed: true };
}

export async function runJourneys(journeys: Journey[], options: RunOptions): Promise<JourneyResult[]> {
  const results: JourneyResult[] = [];
  for (const j of journeys) results.push(await runJourney(j, options));
  return results;
}
