// The callback outbox: a callback is stored before it is sent (in the same commit as the change that
// caused it), then delivered by a worker on the merchant's clock. A delivery succeeds only on a 2xx;
// otherwise it is retried on the configured schedule and marked failed after the last try. Pending
// callbacks are rescheduled on start, so nothing acknowledged is lost across a restart. Delivered ones
// beyond a limit are dropped from memory, oldest first; pending and failed ones never are. At most
// `concurrency` deliveries are in flight (docs/decisions/0072): 1,060 callbacks to a receiver that never
// answered once held a socket each until the process ran out of file descriptors. The others wait, in
// order, still pending in the store (so a restart sends them too). A slot is the request: it is free once
// the receiver has answered, while the delivery is still being recorded (decision 0118).
import type { CallbackRecord, DeliveryRecord } from '../domain/records.js';
import type { Ids } from '../domain/ids.js';
import { iso, type Clock, type SimClock } from '../runtime/clock.js';
import { changedId, type Put, type Store } from '../store/store.js';
import type { SignedCallback } from './signing.js';
import type { Courier } from './courier.js';
import { afterDelivery, copyOf, DEFAULT_CALLBACK_SETTINGS, DUPLICATE_DELAY_MS, newCallbackId, originOf, reorderedDeliveryAt } from './plan.js';
import { sendOnce, type Transport } from './transport.js';

export { RETRY_SCHEDULE_MS } from './plan.js';
export { httpTransport, type Transport, type TransportResult } from './transport.js';

export interface OutboxDeps {
  store: Store;
  ids: Ids;
  clockFor: (merchantId: string) => SimClock;
  /** Signature timestamps follow the simulator's own clock, not a merchant's test clock (decision 0030). */
  signingClock: Clock;
  /** Signs and sends a callback (in the delivery worker, or in this thread: courier.ts). */
  courier: Courier;
  /** For single requests outside the outbox, already signed (the receiver check). */
  transport: Transport;
  timeoutMs: number;
  retryScheduleMs: readonly number[];
  /** Delivered callbacks kept in memory. */
  memoryLimit: number;
  /** Deliveries in flight at once. */
  concurrency: number;
  /** Commits puts with the id counters they used and schedules the callbacks among them. */
  commit: (puts: Put[]) => Promise<void>;
  log: { warn: (obj: object, msg: string) => void };
}

export class Outbox {
  private readonly inFlight = new Set<string>();
  private readonly cancels = new Map<string, () => void>();
  private readonly running = new Set<Promise<unknown>>();
  /** Callbacks due while `concurrency` deliveries were in flight, oldest first (a Set keeps insertion order). */
  private readonly due = new Set<string>();
  private active = 0;
  /**
   * Delivered callbacks in memory, in the order they were delivered: kept exact by watching the store, so
   * a reset that removes callbacks shrinks it too, and the bound costs nothing per delivery.
   */
  private readonly delivered = new Set<string>();
  private unobserve: (() => void) | null = null;
  private stopped = false;

  constructor(private readonly deps: OutboxDeps) {}

  get alive(): boolean {
    return !this.stopped;
  }

  /** Schedules every pending callback and applies the memory bound (on start). */
  resume(): void {
    this.unobserve ??= this.deps.store.observe((change, old) => {
      if (change.collection !== 'callbacks') return;
      const was = (old as CallbackRecord | undefined)?.state === 'delivered';
      const is = 'value' in change && change.value.state === 'delivered';
      if (is && !was) this.delivered.add(change.value.id);
      else if (was && !is) this.delivered.delete(changedId(change));
    });
    for (const cb of this.deps.store.all('callbacks')) {
      if (cb.state === 'pending') this.schedule(cb);
      else if (cb.state === 'delivered') this.delivered.add(cb.id);
    }
    this.prune();
  }

  schedule(cb: CallbackRecord): void {
    if (this.stopped || cb.state !== 'pending' || cb.nextAttemptAt === null) return;
    this.cancels.get(cb.id)?.();
    const cancel = this.deps.clockFor(cb.merchantId).at(cb.nextAttemptAt, () => this.fire(cb.id));
    this.cancels.set(cb.id, cancel);
  }

  /** One request outside the outbox (the receiver check), with the same transport, timeout and log entry. */
  send(url: string, signed: SignedCallback, at: string): Promise<DeliveryRecord> {
    return this.track(sendOnce(this.deps.transport, url, signed, this.deps.timeoutMs, at));
  }

  /** Waits for deliveries under way (for a graceful stop), and schedules nothing more. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unobserve?.();
    this.unobserve = null;
    for (const cancel of this.cancels.values()) cancel();
    this.cancels.clear();
    // Still pending in the store: the next start sends them.
    this.due.clear();
    await Promise.allSettled([...this.running]);
    this.deps.courier.release();
  }

  /**
   * Forgets every callback scheduled or waiting for a slot, without stopping: a full reset restarts ids,
   * so an id left waiting here could name a new callback and send it before its time.
   */
  forgetScheduled(): void {
    for (const cancel of this.cancels.values()) cancel();
    this.cancels.clear();
    this.due.clear();
  }

  /** Resolves when every delivery under way has finished (tests use it after advancing the clock). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    void work.finally(() => this.running.delete(work)).catch(() => {});
    return work;
  }

  /** Deliveries under way and callbacks waiting for a free slot (the health check and tests read it). */
  get load(): { inFlight: number; waiting: number } {
    return { inFlight: this.active, waiting: this.due.size };
  }

  private fire(id: string): void {
    this.cancels.delete(id);
    if (this.stopped || this.inFlight.has(id)) return;
    if (this.active >= this.deps.concurrency) {
      this.due.add(id);
      return;
    }
    this.start(id);
  }

  private start(id: string): void {
    this.active++;
    let freed = false;
    const free = () => {
      if (freed) return;
      freed = true;
      this.active--;
      this.startWaiting();
    };
    const work = this.deliver(id, free)
      .catch((err) => this.deps.log.warn({ err, callback: id }, 'callback delivery crashed'))
      .finally(free);
    void this.track(work);
  }

  private startWaiting(): void {
    for (const id of this.due) {
      if (this.stopped || this.active >= this.deps.concurrency) return;
      this.due.delete(id);
      if (!this.inFlight.has(id)) this.start(id);
    }
  }

  /** `free` gives the slot back once the request is over (the record's commit then holds no socket). */
  private async deliver(id: string, free: () => void): Promise<void> {
    const current = this.deps.store.get('callbacks', id);
    if (!current || current.state !== 'pending') return;
    const clock = this.deps.clockFor(current.merchantId);
    const settings = this.deps.store.get('callbackSettings', current.merchantId) ?? DEFAULT_CALLBACK_SETTINGS;
    if (settings.reorder) {
      const waitUntil = reorderedDeliveryAt(current, this.deps.store.all('callbacks'));
      if (waitUntil !== null) return this.deps.commit([{ collection: 'callbacks', value: { ...current, nextAttemptAt: waitUntil } }]);
    }
    this.inFlight.add(id);
    try {
      const delivery = await this.deps.courier
        .deliver({
          url: current.url,
          body: current.body,
          signedAtMs: this.deps.signingClock.now(),
          at: iso(clock.now()),
          timeoutMs: this.deps.timeoutMs,
        })
        .finally(free);
      const now = clock.now();
      const latest = this.deps.store.get('callbacks', id);
      // Removed while it was under way (a reset through /_sim): recording the delivery would bring it back.
      if (!latest) return;
      const next = afterDelivery(latest, delivery, now, this.deps.retryScheduleMs);
      const puts: Put[] = [{ collection: 'callbacks', value: next }];
      // A deliberate duplicate stands for the retry a gateway makes when the receiver's answer was lost.
      if (delivery.ok && settings.duplicates && originOf(next) === 'event') {
        puts.push({ collection: 'callbacks', value: copyOf(next, newCallbackId(this.deps.ids), 'duplicate', now, now + DUPLICATE_DELAY_MS) });
      }
      if (!delivery.ok) {
        const tries = next.deliveries.length;
        this.deps.log.warn({ callback: id, url: current.url, statusCode: delivery.statusCode, error: delivery.error, tries }, 'callback delivery failed');
      }
      await this.deps.commit(puts);
      if (next.state === 'delivered') this.prune();
    } finally {
      this.inFlight.delete(id);
    }
  }

  /** Drops the oldest delivered callbacks from memory beyond the limit (they stay in the log on disk). */
  private prune(): void {
    for (const id of this.delivered) {
      if (this.delivered.size <= this.deps.memoryLimit) return;
      // forget() tells the observer, which takes the id out of the set.
      if (!this.inFlight.has(id)) this.deps.store.forget('callbacks', id);
    }
  }
}
