// What every service shares: the store, the ids, the clocks and the outbox. Built once per app.
import type { Config } from '../config.js';
import type { Outbox } from '../callbacks/outbox.js';
import { firstDeliveryAt, newCallbackId } from '../callbacks/plan.js';
import type { SigningKeys } from '../callbacks/keys.js';
import type { Ids } from '../domain/ids.js';
import type { CallbackRecord } from '../domain/records.js';
import { iso, type SimClock } from '../runtime/clock.js';
import type { Put, Store } from '../store/store.js';

export interface Context {
  config: Config;
  store: Store;
  ids: Ids;
  keys: SigningKeys;
  outbox: Outbox;
  /** The merchant's test clock: follows globalClock until it is frozen, advanced or set through /_sim. */
  clockFor(merchantId: string): SimClock;
  globalClock: SimClock;
  /** The base URL shoppers and callbacks see (PUBLIC_URL; with port 0, the port actually bound). */
  publicUrl(): string;
  /** Whether a callback sent to this URL would reach the simulator itself (not its inbox; decision 0074). */
  pointsAtSelf(url: string): boolean;
  log: { warn: (obj: object, msg: string) => void; error: (obj: object, msg: string) => void };
}

/**
 * Runs timer-driven work; a failure is logged (it has no caller to answer), never an unhandled rejection.
 * The promise is returned so the clock that fired it can tell when it is done (a test clock's answer waits).
 */
export function background(ctx: Context, what: string, work: () => Promise<void>): Promise<void> {
  return work().catch((err) => ctx.log.error({ err }, `${what} failed`));
}

/**
 * Commits puts, with the id ceilings when their ids opened a new reserved block (domain/ids.ts), then
 * schedules any new callbacks.
 */
export async function commit(ctx: Context, puts: Put[], options?: { handOver?: boolean }): Promise<void> {
  const counters = ctx.ids.takeDirty();
  const all: Put[] = counters ? [...puts, { collection: 'meta', value: { id: 'counters', values: counters } }] : puts;
  await ctx.store.commit(all, options);
  for (const put of puts) if (put.collection === 'callbacks') ctx.outbox.schedule(put.value as CallbackRecord);
}

/**
 * On a graceful stop: stores the id counters as they are, in place of the ceilings reserved ahead of them,
 * so that the next start goes on with the very next id (a seeded run with restarts repeats exactly).
 */
export async function storeExactCounters(ctx: Context): Promise<void> {
  if (!ctx.store.healthy || !ctx.ids.ahead) return;
  try {
    await ctx.store.commit([{ collection: 'meta', value: { id: 'counters', values: ctx.ids.exact() } }]);
  } catch (err) {
    // Not fatal: the ceilings are stored, so the next start skips ids rather than repeating one.
    ctx.log.warn({ err }, 'the exact id counters could not be stored at the stop');
  }
}

export function newCallback(ctx: Context, init: Pick<CallbackRecord, 'kind' | 'merchantId' | 'reference' | 'url' | 'body'>, nowMs: number): CallbackRecord {
  return {
    id: newCallbackId(ctx.ids),
    ...init,
    state: 'pending',
    createdAt: iso(nowMs),
    nextAttemptAt: firstDeliveryAt(ctx.store.get('callbackSettings', init.merchantId), nowMs),
    deliveries: [],
    origin: 'event',
  };
}
