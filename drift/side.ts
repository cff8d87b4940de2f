// One side of the comparison, live: the real service or a simulator, called with the typed clients and the
// scenario runner's callStep. Each side keeps its own values (references from its own answers), and a side
// that cannot go on with a journey (no shopper, a value its answer lacked) skips the rest of it, saying why.
import { createLittlePayClient, createSimClient, type SimClient } from '../client/src/index.js';
import { callStep, interpolate } from '../scenarios/index.js';
import { capturingFetch } from './capture.js';
import type { Observation } from './observation.js';
import type { DriftJourney, DriftStep } from './plan.js';

export interface Credentials {
  clientId: string;
  clientSecret: string;
  tokenId: string;
  apiKey: string;
}

export interface SideOptions {
  baseUrl: string;
  credentials: Credentials;
  runId: string;
  timeoutMs: number;
  /** True for the simulator, which plays the shopper of a `shopper` step. */
  playsShopper: boolean;
  /** The phone of whoever plays the M-Pesa shopper: the simulator's test number, or the integrator's own. */
  shopperMobile?: string;
  /** The callbackUrl this side's intents of a journey give. */
  callbackUrl(journey: string): string;
  /** The journey's `count`th callback on this side, or why there is none. */
  callback(journey: string, count: number): Promise<Observation>;
  /** The simulator's admin token, for the shopper's answers through /_sim. */
  adminToken?: string;
  fetch?: typeof fetch;
}

type Vars = Record<string, string>;

function pick(value: unknown, path: string): string | undefined {
  const found = path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), value);
  return typeof found === 'string' ? found : undefined;
}

export class LiveSide {
  private vars: Vars = {};
  private stopped: string | undefined;
  private readonly capture;
  /** For the shopper's steps through /_sim, which only a side that plays the shopper runs (the plan's type sees to it). */
  private readonly sim: SimClient;

  constructor(private readonly options: SideOptions) {
    this.capture = capturingFetch(options.fetch ?? fetch, options.timeoutMs);
    this.sim = createSimClient({ baseUrl: options.baseUrl, fetch: this.capture.fetch, ...(options.adminToken ? { adminToken: options.adminToken } : {}) });
  }

  startJourney(journey: DriftJourney): void {
    const { runId, credentials, shopperMobile } = this.options;
    this.vars = { run: runId, tokenId: credentials.tokenId, inbox: this.options.callbackUrl(journey.name), ...(shopperMobile ? { shopperMobile } : {}) };
    this.stopped = undefined;
  }

  async play(journey: DriftJourney, raw: DriftStep, label: string): Promise<Observation> {
    if (this.stopped) return { kind: 'skipped', reason: this.stopped };
    const shopperHere = this.options.playsShopper || (raw.realShopper === 'mobile' && this.options.shopperMobile !== undefined);
    if (raw.shopper && !shopperHere) {
      this.stopped = `follows ${label}, which needs a shopper`;
      return { kind: 'skipped', reason: raw.shopper };
    }
    const step = interpolate(raw, this.vars);
    const unresolved = /\$\{(\w+)\}/.exec(JSON.stringify(step));
    if (unresolved) return { kind: 'skipped', reason: `needs ${unresolved[1]}, which an earlier answer of this side did not carry` };
    const seen = await this.call(journey, step);
    if (seen.kind === 'answer' || seen.kind === 'callback') {
      for (const [name, path] of Object.entries(step.save ?? {})) {
        const value = pick(seen.body, path);
        if (value !== undefined) this.vars[name] = value;
      }
    }
    return seen;
  }

  private async call(journey: DriftJourney, step: DriftStep): Promise<Observation> {
    if (step.call === 'awaitCallback') return this.options.callback(journey.name, step.count);
    const fetchNow = this.capture.fetch;
    try {
      if (step.call === 'preflight') {
        const headers = { 'access-control-request-method': step.method, 'access-control-request-headers': step.headers };
        await fetchNow(`${this.options.baseUrl}${step.path}`, { method: 'OPTIONS', headers });
      } else {
        const { credentials } = this.options;
        // A secret of the right shape that is surely wrong: the answer to bad credentials, not to a malformed header.
        const clientSecret = step.wrongSecret ? Buffer.from('drift-check-nope').toString('base64') : credentials.clientSecret;
        const client = createLittlePayClient({ baseUrl: this.options.baseUrl, ...credentials, clientSecret, fetch: fetchNow });
        await callStep(client, this.sim, step);
      }
    } catch {
      // The capture says what happened (a timeout, a refused connection, an answer that is not JSON).
    }
    return this.capture.last();
  }
}
