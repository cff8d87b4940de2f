// startSimulator: a fresh simulator inside a test process, on a free port of 127.0.0.1, with nothing on disk
// and no process to manage (what WireMock's JUnit extension or emulate's createEmulator give their users).
// Each call is its own simulator: its own store, ids, clock, signing key and port.
//
//   const sim = await startSimulator({ seed: 'orders-test', clock: 'manual' });
//   const lp = sim.client(sim.merchants[0]);       // the typed client, with that merchant's credentials
//   await sim.clock.advance(3000);                  // the PIN is entered, the callback delivered
//   await sim.close();
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { colorWanted, configFromOptions, type Config, type SettingOptions } from './config.js';
import { merchantView } from './domain/sim-views.js';
import { checkDataDir } from './runtime/data-dir.js';
import { prettyLogStream, resolveLogFormat } from './runtime/logging.js';
import { clockControl, type SimulatorClock } from './services/clock-control.js';
import { createLittlePayClient, merchantClientOptions, type LittlePayClient, type SimSchemas } from '../../client/src/index.js';

export type { SimulatorClock } from './services/clock-control.js';
export {
  createLittlePayClient,
  createSimClient,
  merchantClientOptions,
  verifyCallback,
  DEFAULT_CALLBACK_TOLERANCE_SECONDS,
  type VerifyCallbackOptions,
  type LittlePayClient,
  type LittlePayClientOptions,
  type SimClient,
  type Schemas,
  type SimSchemas,
  type VerifyResult,
} from '../../client/src/index.js';

export type Merchant = SimSchemas['Merchant'];

/**
 * Every setting of the simulator by its command-line name in camelCase (see `littlepay-sim --help`), typed
 * from the settings table in config.ts, so a new setting is an option here without a word changed. The
 * ones whose library default differs from the command's, or that want a word, are described below.
 */
export type StartSimulatorOptions = SettingOptions & LibraryDefaults;

interface LibraryDefaults {
  /** Seed of every id, credential and name [littlepay]: the same seed gives the same merchants. */
  seed?: string;
  /** 'system' [default] runs in real time; 'manual' stands still at 2026-01-01 until clock.advance(). */
  clock?: Config['clock'];
  /** Keep nothing on disk [true, unless dataDir is given]. */
  memory?: boolean;
  /** A folder for the store and the signing key, to test restarts (then memory is false). */
  dataDir?: string;
  /** [silent] */
  logLevel?: Config['logLevel'];
  /** [0: a free port] */
  port?: number;
  /** [127.0.0.1] */
  host?: string;
  /** Base of checkoutUrl and the inbox URLs [the url below]. */
  publicUrl?: string;
  /** Delay before each retry of a failed callback, in ms ([] for none) [10s,30s,2m,10m,30m,1h,2h,4h,8h]. */
  callbackRetryScheduleMs?: readonly number[];
}

export interface Simulator {
  /** Where it listens, e.g. http://127.0.0.1:53124. */
  readonly url: string;
  /** The demo merchants: two sandbox, then one production. reset() brings back the same ones. */
  readonly merchants: readonly Merchant[];
  /** The typed Little Pay client with a merchant's credentials (the first demo merchant by default). */
  client(merchant?: Merchant): LittlePayClient;
  readonly clock: SimulatorClock;
  /** Back to a first start: no intents, callbacks or inbox messages; the demo merchants; the clock keeps its time. */
  reset(): Promise<void>;
  /** Answers the requests in flight and stops. Safe to call twice. */
  close(): Promise<void>;
}

function toConfig(options: StartSimulatorOptions): Config {
  const { dataDir, memory, ...rest } = options;
  if (memory === false && dataDir === undefined) {
    throw new TypeError('startSimulator: memory: false needs a dataDir (the folder to keep the store in)');
  }
  return configFromOptions(
    { port: 0, host: '127.0.0.1', logLevel: 'silent', ...rest, memory: memory ?? dataDir === undefined, ...(dataDir !== undefined ? { dataDir } : {}) },
    'startSimulator option',
  );
}

/** The URL a client on this machine uses for `host`: loopback when listening on every interface. */
function localUrl(host: string, port: number): string {
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
}

function boundPort(app: FastifyInstance): number {
  const address = app.server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

export async function startSimulator(options: StartSimulatorOptions = {}): Promise<Simulator> {
  const config = toConfig(options);
  if (!config.memory) await checkDataDir(config.dataDir);
  const isTTY = Boolean(process.stdout.isTTY);
  const pretty = resolveLogFormat(config.logFormat, isTTY) === 'pretty';
  // With no publicUrl given, port 0 in it follows the port bound (buildApp's onListen).
  const publicUrl = options.publicUrl === undefined ? localUrl(config.host, config.port) : config.publicUrl;
  const logStream = pretty ? prettyLogStream(process.stdout, colorWanted(process.env, isTTY)) : undefined;
  const app = await buildApp({ config: { ...config, publicUrl }, ...(logStream ? { logStream } : {}) });
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    await app.close();
    throw err;
  }
  const url = localUrl(config.host, boundPort(app));
  const merchants = (): Merchant[] =>
    app.sim.merchants
      .list()
      .filter((m) => m.demo)
      .map(merchantView);
  let demo = merchants();
  let closing: Promise<void> | undefined;
  return {
    url,
    get merchants() {
      return demo;
    },
    client(merchant = demo[0]!) {
      return createLittlePayClient(merchantClientOptions(url, merchant));
    },
    clock: clockControl(app.sim.ctx.globalClock, app.sim.ctx),
    async reset() {
      await app.sim.control.resets.resetAll();
      demo = merchants();
    },
    close() {
      return (closing ??= app.close().then(() => undefined));
    },
  };
}
