// buildApp: the whole simulator as a fastify instance that never listens by itself. Tests drive it
// with app.inject(); main.ts and the library entry make it listen.
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { readFileSync } from 'node:fs';
import type { Config } from './config.js';
import { loadOrCreateSigningKeys, generateSigningKeysAsync, type SigningKeys } from './callbacks/keys.js';
import { httpTransport, Outbox, type Transport } from './callbacks/outbox.js';
import { pointsAtSelf, selfAddresses, type SelfAddresses } from './callbacks/self-target.js';
import { localCourier, splitCourier } from './callbacks/courier.js';
import { workerCourier } from './callbacks/worker-courier.js';
import { memo } from './runtime/memo.js';
import { Ids } from './domain/ids.js';
import { ContractSet, type Operation } from './http/contract.js';
import { adminTokenAuthenticator, exposureWarning } from './http/admin-token.js';
import { authenticators } from './http/auth.js';
import { installCors } from './http/cors.js';
import { installControlPlaneGuard } from './http/control-plane-guard.js';
import { installFaults } from './http/fault-hooks.js';
import { consoleOpHandlers } from './http/handlers/console-ops.js';
import { controlHandlers } from './http/handlers/control.js';
import { installJournal } from './http/journal-hooks.js';
import { drainRefusedBody, errorBody, installErrorHandling, installJsonParser, installNotFound } from './http/errors.js';
import { RouteMethods } from './http/route-methods.js';
import { clientErrorHandler } from './http/client-errors.js';
import { ApiError } from './domain/errors.js';
import { callbackHandlers } from './http/handlers/callbacks.js';
import { littlePayHandlers } from './http/handlers/littlepay.js';
import { pageHandlers } from './http/handlers/pages.js';
import { simulatorHandlers } from './http/handlers/simulator.js';
import { providerStateHandlers } from './http/handlers/provider-states.js';
import { registerOperations, type OperationHandler } from './http/register-operations.js';
import type { ContractViolation } from './http/response-check.js';
import { routeSchemas, routeValidators, type RouteValidators } from './http/validators.js';
import { registerConsole } from './console/routes.js';
import { registerApiDocs } from './pages/api-docs.js';
import { registerPages } from './pages/checkout.js';
import { SimClock } from './runtime/clock.js';
import { loggerOptions, OneLinePerRequest, type LogStream } from './runtime/logging.js';
import { Waiters } from './services/attempts.js';
import { Cards } from './services/cards.js';
import { SavedCards } from './services/saved-cards.js';
import { commit, storeExactCounters, type Context } from './services/context.js';
import { createControlPlane, type ControlPlane } from './services/control-plane.js';
import { Controls } from './services/controls.js';
import { IntentActions } from './services/intent-actions.js';
import { Merchants } from './services/merchants.js';
import { Payments } from './services/payments.js';
import { MerchantClocks } from './services/test-clocks.js';
import { ProviderStates } from './services/provider-states.js';
import { createLowdbStore } from './store/lowdb-store.js';
import { createMemoryStore, type Store } from './store/store.js';

const VERSION: string = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;

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
  /** Waits out a latency fault; real time (cut short by a stop) unless a test wants to see the waits instead. */
  sleep?: (ms: number) => Promise<void>;
  /** Where log lines go (default: JSON lines on stdout); tests capture them to prove what is never logged. */
  logStream?: LogStream;
  /** With onContractViolation: told the operationId and status code of every reply. */
  onReply?: (operationId: string, status: number) => void;
}

export interface SimHandle {
  ctx: Context;
  payments: Payments;
  cards: Cards;
  merchants: Merchants;
  control: ControlPlane;
  routeCount: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    sim: SimHandle;
  }
}

/** Dates an error answer; set once the merchants' clocks exist (a request's merchant is known by then). */
type ErrorClock = { now(req: FastifyRequest): number };

/**
 * Every contract route brings its own validator (http/validators.ts: generated code, or Ajv at run time
 * when the contracts changed). These server-wide compilers are given so that fastify never loads its
 * default Ajv compiler and fast-json-stringify; answers are checked against the contract in tests
 * (http/response-check.ts), not serialised from schemas.
 */
type Compilers = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;

function ownCompilers(): FastifyServerOptions['schemaController'] {
  const validator = ({ url, httpPart }: { url?: string; httpPart?: string }) => {
    throw new Error(`${String(url)} ${String(httpPart)}: a route with a schema must bring its validator (http/validators.ts)`);
  };
  const serializer = () => (data: unknown) => JSON.stringify(data);
  // fastify's types describe its default compilers' pools; ours take the route schema and nothing else.
  return {
    compilersFactory: {
      buildValidator: (() => validator) as unknown as Compilers['buildValidator'],
      buildSerializer: (() => serializer) as unknown as Compilers['buildSerializer'],
    },
  };
}

/** The request line and headers together (Node's default, written down: the 414 and 431 messages name it). */
const MAX_HEADER_BYTES = 16 * 1024;
/** callbackUrls whose self-check answer is remembered (a sandbox sees a handful; a fuzzer, many). */
const MAX_SELF_VERDICTS = 1024;

/** fastify set for a gateway: our JSON parser, our compilers, and every framework error in the API's envelope. */
function createServer(config: Config, clock: SimClock, errorClock: ErrorClock, routeMethods: RouteMethods, logStream?: LogStream): FastifyInstance {
  const app = Fastify({
    schemaController: ownCompilers(),
    logger: loggerOptions(config, logStream),
    logController: new OneLinePerRequest(),
    bodyLimit: 1024 * 1024,
    // A slow client is dropped in bounded time (a 408 in the envelope, http/client-errors.ts): the
    // timeouts are checked every second rather than Node's default 30 s.
    requestTimeout: config.requestTimeoutMs,
    http: { headersTimeout: config.headersTimeoutMs, maxHeaderSize: MAX_HEADER_BYTES, connectionsCheckingInterval: 1000 },
    clientErrorHandler: clientErrorHandler({ routes: routeMethods, now: () => clock.now(), log: { info: (obj, msg) => app.log.info(obj, msg) } }),
    // Path parameters are checked against the contract's maxLength (a 400 naming the field) rather
    // than cut off by the router.
    routerOptions: { maxParamLength: 2048 },
    // Errors raised before routing (a malformed percent-encoding) get the same envelope as the rest.
    frameworkErrors: (err, _req, reply) => {
      const message = err.message.length > 200 ? `${err.message.slice(0, 200)}…` : err.message;
      void (reply as FastifyReply).code(400).send(errorBody(new ApiError('VALIDATION_ERROR', `url: ${message}`), clock.now()));
    },
  });
  routeMethods.collect(app);
  installJsonParser(app);
  installErrorHandling(app, (req) => errorClock.now(req));
  return app;
}

/**
 * Starts reading the store and the signing key pair (or making it: RSA, 50 to 230 ms) in the thread pool,
 * so that the files are read while fastify is set up (docs/decisions/0051). A failure is seen where they
 * are awaited, in createContext.
 */
function startOpening(options: AppOptions): { store: Store; open: Promise<void>; keys: Promise<SigningKeys> } {
  const { config } = options;
  const store = options.store ?? (config.memory ? createMemoryStore() : createLowdbStore(config.dataDir, { compactAfterSuperseded: config.storeCompactAfter }));
  const open = store.open();
  const keys = options.keys ? Promise.resolve(options.keys) : config.memory ? generateSigningKeysAsync() : loadOrCreateSigningKeys(config.dataDir);
  // Not unhandled while the other is awaited first.
  open.catch(() => {});
  keys.catch(() => {});
  return { store, open, keys };
}

/** The store, keys, ids, clock and outbox every service shares. */
async function createContext(
  app: FastifyInstance,
  options: AppOptions,
  clock: SimClock,
  opening: { store: Store; open: Promise<void>; keys: Promise<SigningKeys> },
): Promise<Context & { setPublicUrl(url: string): void; forgetSelf(): void; clocks: MerchantClocks }> {
  const { config } = options;
  const { store } = opening;
  await opening.open;
  const keys = await opening.keys;
  const clocks = new MerchantClocks(clock, store);
  let publicUrl = config.publicUrl;
  const baseTransport = options.transport ?? httpTransport;
  // Callbacks to the simulator's own inbox are delivered in-process: they then work whatever the network
  // between the container and PUBLIC_URL looks like.
  const isInbox = (url: string) => url.startsWith(`${publicUrl}/_sim/inbox/`);
  const transport: Transport = async (url, signed, timeoutMs) => {
    if (!isInbox(url)) return baseTransport(url, signed, timeoutMs);
    const res = await app.inject({ method: 'POST', url: url.slice(publicUrl.length), headers: signed.headers, payload: signed.body });
    return { statusCode: res.statusCode, text: res.body };
  };
  const local = localCourier(transport, keys.privateKey);
  const ids = new Ids(config.seed, store.get('meta', 'counters')?.values);
  // Built when first asked and again when the public URL follows the port bound (reading the interfaces costs a system call).
  let self: SelfAddresses | undefined;
  // Asked on every create and refund with the same few URLs: each answer (two URL parses) is remembered
  // until the addresses are built again.
  const verdicts = memo(MAX_SELF_VERDICTS, (url: string) => pointsAtSelf(url, selfNow()));
  const selfNow = () => {
    // Asked on every create and refund: the bound address is read only when the addresses are built
    // (server.address() is a system call, and was a tenth of a create's main thread when read each time).
    if (self) return self;
    verdicts.clear();
    const address = app.server.listening ? app.server.address() : null;
    const ports = [config.port, ...(address && typeof address === 'object' ? [address.port] : [])];
    return (self = selfAddresses(publicUrl, ports, [config.host, ...(config.allowedHosts === true ? [] : config.allowedHosts)]));
  };
  const context: Context & { setPublicUrl(url: string): void; forgetSelf(): void; clocks: MerchantClocks } = {
    config,
    store,
    ids,
    keys,
    globalClock: clock,
    clockFor: (merchantId) => clocks.for(merchantId),
    clocks,
    publicUrl: () => publicUrl,
    setPublicUrl: (url) => {
      publicUrl = url;
      self = undefined;
    },
    pointsAtSelf: (url) => {
      selfNow(); // rebuilt (and the answers forgotten) after a change of address
      return verdicts.get(url);
    },
    forgetSelf: () => (self = undefined),
    log: app.log,
    outbox: new Outbox({
      store,
      ids,
      clockFor: (merchantId) => clocks.for(merchantId),
      signingClock: clock,
      // The built-in inbox answers in-process, as do tests' transports; every other receiver is sent to from the delivery worker.
      courier: options.transport ? local : splitCourier(local, workerCourier(keys.privateKey), isInbox),
      transport,
      timeoutMs: config.callbackTimeoutMs,
      retryScheduleMs: config.callbackRetryScheduleMs,
      memoryLimit: config.callbackMemoryLimit,
      concurrency: config.callbackConcurrency,
      commit: (puts) => commit(context, puts),
      log: app.log,
    }),
  };
  return context;
}

/** One route per contract operation, and the pages. */
async function registerRoutes(
  app: FastifyInstance,
  options: AppOptions,
  operations: Operation[],
  handlers: Record<string, OperationHandler>,
  validators: RouteValidators,
  merchants: Merchants,
  ctx: Context,
  cards: Cards,
  control: ControlPlane,
): Promise<number> {
  // Tests only: it compiles the contract's response schemas with Ajv.
  if (options.onContractViolation)
    (await import('./http/response-check.js')).installResponseCheck(app, operations, options.onContractViolation, options.onReply);
  const auth = { ...authenticators(merchants), adminToken: adminTokenAuthenticator(ctx.config.adminToken) };
  const routeCount = registerOperations(app, operations, handlers, auth, validators);
  await registerPages(app, ctx, cards);
  registerApiDocs(app);
  await registerConsole(app, { ctx, control });
  return routeCount;
}

/**
 * A latency fault's wait, in real time: a client's own timeout is what it tests. A stop cuts it short and the
 * call goes on, so a 120 s latency cannot hold a SIGTERM past Docker's ten-second stop window.
 */
function latencySleep(stopping: AbortSignal): (ms: number) => Promise<void> {
  return (ms) =>
    new Promise<void>((resolve) => {
      if (stopping.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        stopping.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      stopping.addEventListener('abort', done, { once: true });
    });
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const startedAt = Date.now();
  let state: 'starting' | 'ok' | 'stopping' = 'starting';
  const clock = options.clock ?? new SimClock(options.config.clock);
  const errorClock: ErrorClock = { now: () => clock.now() };
  const opening = startOpening(options);
  const routeMethods = new RouteMethods();
  const app = createServer(options.config, clock, errorClock, routeMethods, options.logStream);
  const ctx = await createContext(app, options, clock, opening);
  errorClock.now = (req) => {
    const merchantId = req.simMerchantId ?? req.merchant?.id;
    return merchantId ? ctx.clockFor(merchantId).now() : clock.now();
  };
  // Read once: each reading copies every schema of the contract.
  const contracts = new ContractSet();
  const operations = CONTRACT_FILES.flatMap((f) => contracts.operations(f));
  const validators = await routeValidators(routeSchemas(operations));
  const apiOperations = operations.filter((o) => o.contract === 'littlepay.openapi.yaml').map((o) => o.operationId);
  const controls = new Controls(ctx, apiOperations);
  const merchants = new Merchants(ctx);
  const waiters = new Waiters();
  const payments = new Payments(ctx, controls, waiters);
  const savedCards = new SavedCards(ctx, controls, waiters);
  const cards = new Cards(ctx, payments, controls, waiters, savedCards);
  const control = createControlPlane(ctx, { clocks: ctx.clocks, controls, payments, merchants });
  const actions = new IntentActions(ctx, payments, cards);
  await merchants.ensureDemo();
  const handlers = {
    ...littlePayHandlers({ ctx, payments, cards, merchants }),
    ...pageHandlers({ ctx, cards, payments }),
    ...simulatorHandlers({ ctx, merchants, version: VERSION, startedAt, state: () => state }),
    ...callbackHandlers(ctx),
    ...controlHandlers({ ctx, ...control }),
    ...consoleOpHandlers({ ctx, actions, merchants, controls }),
    ...providerStateHandlers(new ProviderStates(ctx, merchants, payments, cards, controls, waiters)),
  };
  // First of all: nothing about /_sim runs for a request it refuses.
  installControlPlaneGuard(app, { config: ctx.config, publicUrl: ctx.publicUrl, now: (req) => errorClock.now(req) });
  // Before the routes: fault hooks run first, then the journal records what the caller actually got.
  const hookDeps = { store: ctx.store, merchants, operations: new Set(apiOperations), journal: control.journal, clockFor: ctx.clockFor };
  const stopping = new AbortController();
  installFaults(app, { ...hookDeps, controls, sleep: options.sleep ?? latencySleep(stopping.signal) });
  installJournal(app, hookDeps);
  installCors(app);
  installNotFound(app, routeMethods, (req) => errorClock.now(req));
  const routeCount = await registerRoutes(app, options, operations, handlers, validators, merchants, ctx, cards, control);
  app.decorate('sim', { ctx, payments, cards, merchants, control, routeCount });

  app.addHook('onReady', async () => {
    ctx.outbox.resume();
    payments.resume();
    state = 'ok';
    app.log.info({ routes: routeCount, store: ctx.store.kind, validators: validators.source }, `built ${routeCount} routes from the contracts`);
  });
  // Listening on port 0 picks a free port: the default PUBLIC_URL (http://localhost:0) then follows it.
  app.addHook('onListen', async () => {
    const address = app.server.address();
    ctx.forgetSelf();
    const url = new URL(ctx.publicUrl());
    if (url.port === '0' && address && typeof address === 'object') {
      url.port = String(address.port);
      ctx.setPublicUrl(url.toString().replace(/\/+$/, ''));
    }
    const warning = address && typeof address === 'object' ? exposureWarning(address.address, ctx.config.adminToken) : null;
    if (warning) app.log.warn(warning);
  });
  // An answer sent while stopping closes its connection: a client's idle keep-alive socket would otherwise
  // hold the stop open for the whole keep-alive window.
  // A callback hook: it runs on every request, and an async one costs a promise per request.
  app.addHook('onSend', (req, reply, payload, done) => {
    if (state === 'stopping') void reply.header('connection', 'close');
    else if (reply.statusCode >= 400) drainRefusedBody(req, reply);
    done(null, payload);
  });
  app.addHook('preClose', async () => {
    state = 'stopping';
    stopping.abort();
    payments.stop();
  });
  app.addHook('onClose', async () => {
    await ctx.outbox.stop();
    ctx.clocks.forgetAll();
    clock.close();
    await storeExactCounters(ctx);
    await ctx.store.close();
  });
  return app;
}
