// buildApp: the whole simulator as a fastify instance that never listens by itself. Tests drive it
// with app.inject(); main.ts and the library entry make it listen.
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { readFileSync } from 'node:fs';
import type { Config } from './config.js';
import { loadOrCreateSigningKeys, generateSigningKeysAsync, type SigningKeys } from './callbacks/keys.js';
import { fetchTransport, Outbox, type Transport } from './callbacks/outbox.js';
import { Ids } from './domain/ids.js';
import { ContractSet } from './http/contract.js';
import { authenticators } from './http/auth.js';
import { installCors } from './http/cors.js';
import { errorBody, installErrorHandling, installJsonParser } from './http/errors.js';
import { ApiError } from './domain/errors.js';
import { littlePayHandlers } from './http/handlers/littlepay.js';
import { simulatorHandlers } from './http/handlers/simulator.js';
import { registerOperations, type OperationHandler } from './http/register-operations.js';
import { installResponseCheck, type ContractViolation } from './http/response-check.js';
import { compileOnFirstUse, createAjv } from './http/validation.js';
import { registerPages } from './pages/checkout.js';
import { SimClock } from './runtime/clock.js';
import type { Context } from './services/context.js';
import { Merchants } from './services/merchants.js';
import { Payments } from './services/payments.js';
import { createLowdbStore } from './store/lowdb-store.js';
import { createMemoryStore, type Store } from './store/store.js';

export const VERSION: string = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;

export const CONTRACT_FILES = ['littlepay.openapi.yaml', 'simulator.openapi.yaml'] as const;

export interface AppOptions {
  config: Config;
  /** Defaults to a lowdb store under config.dataDir, or memory with config.memory. */
  store?: Store;
  /** Defaults to the key pair in config.dataDir (made on first start), or a fresh one with config.memory. */
  keys?: SigningKeys;
  transport?: Transport;
  clock?: SimClock;
  /** Called for every reply that does not match the contract (tests fail on it). */
  onContractViolation?: (v: ContractViolation) => void;
}

export interface SimHandle {
  ctx: Context;
  payments: Payments;
  merchants: Merchants;
  routeCount: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    sim: SimHandle;
  }
}

/** fastify set for a gateway: our JSON parser and Ajv, and every framework error in the API's envelope. */
function createServer(config: Config, clock: SimClock): FastifyInstance {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      // Credentials never reach the log; bodies (with card data) are not logged at all.
      redact: ['req.headers.authorization', 'req.headers["x-api-key"]'],
    },
    bodyLimit: 1024 * 1024,
    // A bad Content-Length or a cut body must get a 4xx, never a hang.
    requestTimeout: 120_000,
    // Path parameters are checked against the contract's maxLength (a 400 naming the field) rather
    // than cut off by the router.
    routerOptions: { maxParamLength: 2048 },
    // Errors raised before routing (a malformed percent-encoding) get the same envelope as the rest.
    frameworkErrors: (err, _req, reply) => {
      const message = err.message.length > 200 ? `${err.message.slice(0, 200)}…` : err.message;
      void (reply as FastifyReply).code(400).send(errorBody(new ApiError('VALIDATION_ERROR', `url: ${message}`), clock.now()));
    },
  });
  installJsonParser(app);
  const bodyAjv = createAjv(false, false);
  const paramAjv = createAjv(true, false);
  app.setValidatorCompiler(({ schema, httpPart }) => compileOnFirstUse(() => (httpPart === 'body' ? bodyAjv : paramAjv).compile(schema as object)));
  installErrorHandling(app, () => clock.now());
  return app;
}

/** The store, keys, ids, clock and outbox every service shares. */
async function createContext(app: FastifyInstance, options: AppOptions, clock: SimClock): Promise<Context & { setPublicUrl(url: string): void; keysLoaded: Promise<Error | null> }> {
  const { config } = options;
  // A new RSA key pair takes 50 to 170 ms: it is made in the thread pool while the rest starts, and is
  // in `keys` before the app is ready (nothing signs or serves it earlier).
  const keys = options.keys ?? ({} as SigningKeys);
  const keysLoaded = options.keys
    ? Promise.resolve(null)
    : (config.memory ? generateSigningKeysAsync() : loadOrCreateSigningKeys(config.dataDir)).then((made) => (Object.assign(keys, made), null), (err: Error) => err);
  const store = options.store ?? (config.memory ? createMemoryStore() : createLowdbStore(config.dataDir));
  await store.open();
  let publicUrl = config.publicUrl;
  const baseTransport = options.transport ?? fetchTransport;
  // Callbacks to the simulator's own inbox are delivered in-process: they then work whatever the network
  // between the container and PUBLIC_URL looks like.
  const transport: Transport = async (url, signed, timeoutMs) => {
    if (!url.startsWith(`${publicUrl}/_sim/inbox/`)) return baseTransport(url, signed, timeoutMs);
    const res = await app.inject({ method: 'POST', url: url.slice(publicUrl.length), headers: signed.headers, payload: signed.body });
    return { statusCode: res.statusCode, text: res.body };
  };
  return {
    keysLoaded,
    config,
    store,
    ids: new Ids(config.seed, store.get('meta', 'counters')?.values),
    keys,
    globalClock: clock,
    clockFor: () => clock,
    publicUrl: () => publicUrl,
    setPublicUrl: (url) => (publicUrl = url),
    log: app.log,
    outbox: new Outbox({ store, clockFor: () => clock, keys, transport, timeoutMs: config.callbackTimeoutMs, log: app.log }),
  };
}

/** One route per contract operation, CORS for the browser-side calls, and the pages. */
async function registerRoutes(app: FastifyInstance, options: AppOptions, handlers: Record<string, OperationHandler>, merchants: Merchants, ctx: Context): Promise<number> {
  installCors(app);
  const contracts = new ContractSet();
  const operations = CONTRACT_FILES.flatMap((f) => contracts.operations(f));
  if (options.onContractViolation) installResponseCheck(app, operations, options.onContractViolation);
  const routeCount = registerOperations(app, operations, handlers, authenticators(merchants));
  registerPages(app, ctx);
  return routeCount;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const startedAt = Date.now();
  let state: 'starting' | 'ok' | 'stopping' = 'starting';
  const clock = options.clock ?? new SimClock(options.config.clock);
  const app = createServer(options.config, clock);
  const ctx = await createContext(app, options, clock);
  const merchants = new Merchants(ctx);
  const payments = new Payments(ctx);
  await merchants.ensureDemo();
  const handlers = {
    ...littlePayHandlers({ ctx, payments, merchants }),
    ...simulatorHandlers({ ctx, merchants, version: VERSION, startedAt, state: () => state }),
  };
  const routeCount = await registerRoutes(app, options, handlers, merchants, ctx);
  app.decorate('sim', { ctx, payments, merchants, routeCount });

  app.addHook('onReady', async () => {
    const keysFailed = await ctx.keysLoaded;
    if (keysFailed) throw keysFailed;
    ctx.outbox.resume();
    payments.resume();
    state = 'ok';
    app.log.info({ routes: routeCount, store: ctx.store.kind }, `built ${routeCount} routes from the contracts`);
  });
  // Listening on port 0 picks a free port: the default PUBLIC_URL (http://localhost:0) then follows it.
  app.addHook('onListen', async () => {
    const address = app.server.address();
    const url = new URL(ctx.publicUrl());
    if (url.port === '0' && address && typeof address === 'object') {
      url.port = String(address.port);
      ctx.setPublicUrl(url.toString().replace(/\/+$/, ''));
    }
  });
  app.addHook('preClose', async () => {
    state = 'stopping';
    payments.releaseAll();
  });
  app.addHook('onClose', async () => {
    await ctx.outbox.stop();
    clock.close();
    await ctx.store.close();
  });
  return app;
}
