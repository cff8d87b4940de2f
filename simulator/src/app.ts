// buildApp: the whole simulator as a fastify instance that never listens by itself. Tests drive it
// with app.inject(); main.ts and the library entry make it listen.
import cors from '@fastify/cors';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { readFileSync } from 'node:fs';
import type { Config } from './config.js';
import { loadOrCreateSigningKeys, generateSigningKeys, type SigningKeys } from './callbacks/keys.js';
import { fetchTransport, Outbox, type Transport } from './callbacks/outbox.js';
import { Ids } from './domain/ids.js';
import { ContractSet } from './http/contract.js';
import { authenticators } from './http/auth.js';
import { errorBody, installErrorHandling, installJsonParser } from './http/errors.js';
import { ApiError } from './domain/errors.js';
import { littlePayHandlers } from './http/handlers/littlepay.js';
import { pageHandlers } from './http/handlers/pages.js';
import { simulatorHandlers } from './http/handlers/simulator.js';
import { providerStateHandlers } from './http/handlers/provider-states.js';
import { registerOperations, type OperationHandler } from './http/register-operations.js';
import { installResponseCheck, type ContractViolation } from './http/response-check.js';
import { createAjv } from './http/validation.js';
import { registerPages } from './pages/checkout.js';
import { SimClock } from './runtime/clock.js';
import type { Context } from './services/context.js';
import { Waiters } from './services/attempts.js';
import { Cards } from './services/cards.js';
import { Merchants } from './services/merchants.js';
import { Payments } from './services/payments.js';
import { ProviderStates } from './services/provider-states.js';
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
  /** Where log lines go (stdout by default); tests capture them to prove what is never logged. */
  logStream?: { write(line: string): void };
  /** Called for every reply that does not match the contract (tests fail on it). */
  onContractViolation?: (v: ContractViolation) => void;
  /** With onContractViolation: told the operationId and status code of every reply. */
  onReply?: (operationId: string, status: number) => void;
}

export interface SimHandle {
  ctx: Context;
  payments: Payments;
  cards: Cards;
  merchants: Merchants;
  routeCount: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    sim: SimHandle;
  }
}

/** fastify set for a gateway: our JSON parser and Ajv, and every framework error in the API's envelope. */
function createServer(config: Config, clock: SimClock, logStream?: AppOptions['logStream']): FastifyInstance {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      ...(logStream ? { stream: logStream } : {}),
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
  const bodyAjv = createAjv(false);
  const paramAjv = createAjv(true);
  app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? bodyAjv : paramAjv).compile(schema as object));
  installErrorHandling(app, () => clock.now());
  return app;
}

/** The store, keys, ids, clock and outbox every service shares. */
async function createContext(app: FastifyInstance, options: AppOptions, clock: SimClock): Promise<Context & { setPublicUrl(url: string): void }> {
  const { config } = options;
  const store = options.store ?? (config.memory ? createMemoryStore() : createLowdbStore(config.dataDir));
  await store.open();
  const keys = options.keys ?? (config.memory ? generateSigningKeys() : await loadOrCreateSigningKeys(config.dataDir));
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
async function registerRoutes(
  app: FastifyInstance,
  options: AppOptions,
  handlers: Record<string, OperationHandler>,
  merchants: Merchants,
  ctx: Context,
  cards: Cards,
): Promise<number> {
  await app.register(cors, {
    origin: '*',
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ['authorization', 'content-type', 'x-api-key', 'accept'],
    maxAge: 600,
  });
  const contracts = new ContractSet();
  const operations = CONTRACT_FILES.flatMap((f) => contracts.operations(f));
  if (options.onContractViolation) installResponseCheck(app, operations, options.onContractViolation, options.onReply);
  const routeCount = registerOperations(app, operations, handlers, authenticators(merchants));
  await registerPages(app, ctx, cards);
  return routeCount;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const startedAt = Date.now();
  let state: 'starting' | 'ok' | 'stopping' = 'starting';
  const clock = options.clock ?? new SimClock(options.config.clock);
  const app = createServer(options.config, clock, options.logStream);
  const ctx = await createContext(app, options, clock);
  const merchants = new Merchants(ctx);
  const waiters = new Waiters();
  const payments = new Payments(ctx, waiters);
  const cards = new Cards(ctx, payments, waiters);
  await merchants.ensureDemo();
  const handlers = {
    ...littlePayHandlers({ ctx, payments, cards, merchants }),
    ...pageHandlers({ ctx, cards }),
    ...simulatorHandlers({ ctx, merchants, version: VERSION, startedAt, state: () => state }),
    ...providerStateHandlers(new ProviderStates(ctx, merchants, payments, cards)),
  };
  const routeCount = await registerRoutes(app, options, handlers, merchants, ctx, cards);
  app.decorate('sim', { ctx, payments, cards, merchants, routeCount });

  app.addHook('onReady', async () => {
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
