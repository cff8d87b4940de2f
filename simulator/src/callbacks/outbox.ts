// The callback outbox: a callback is stored before it is sent (in the same commit as the change that
// caused it), then delivered by a worker on the merchant's clock. A delivery succeeds only on a 2xx;
// otherwise it is retried on RETRY_SCHEDULE and marked failed after the last try. Pending callbacks are
// rescheduled on start, so nothing acknowledged is lost across a restart.
import type { CallbackRecord, DeliveryRecord } from '../domain/records.js';
import { iso, type SimClock } from '../runtime/clock.js';
import type { Store } from '../store/store.js';
import { signCallback, type SignedCallback } from './signing.js';
import type { SigningKeys } from './keys.js';

/** Delay before each retry after a failed attempt: spread over about 16 hours ([GAP], docs/decisions/0004). */
export const RETRY_SCHEDULE_MS = [10_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000, 7_200_000, 14_400_000, 28_800_000];

export interface TransportResult {
  statusCode: number;
  text: string;
}
/** Sends one signed callback; throws on a network error or timeout. */
export type Transport = (url: string, signed: SignedCallback, timeoutMs: number) => Promise<TransportResult>;

export const fetchTransport: Transport = async (url, signed, timeoutMs) => {
  const res = await fetch(url, {
    method: 'POST',
    headers: signed.headers,
    body: signed.body,
    signal: AbortSignal.timeout(timeoutMs),
    redirect: 'manual',
  });
  const text = await res.text().catch(() => '');
  return { statusCode: res.status, text };
};

export interface OutboxDeps {
  store: Store;
  clockFor: (merchantId: string) => SimClock;
  keys: SigningKeys;
  transport: Transport;
  timeoutMs: number;
  log: { warn: (obj: object, msg: string) => void };
}

export class Outbox {
  private readonly inFlight = new Set<string>();
  private readonly cancels = new Map<string, () => void>();
  private readonly running = new Set<Promise<void>>();
  private stopped = false;

  constructor(private readonly deps: OutboxDeps) {}

  get alive(): boolean {
    return !this.stopped;
  }

  /** Schedules every pending callback (on start). */
  resume(): void {
    for (const cb of this.deps.store.all('callbacks')) if (cb.state === 'pending') this.schedule(cb);
  }

  schedule(cb: CallbackRecord): void {
    if (this.stopped || cb.state !== 'pending' || cb.nextAttemptAt === null) return;
    this.cancels.get(cb.id)?.();
    const cancel = this.deps.clockFor(cb.merchantId).at(cb.nextAttemptAt, () => this.fire(cb.id));
    this.cancels.set(cb.id, cancel);
  }

  /** Waits for deliveries under way (for a graceful stop), and schedules nothing more. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const cancel of this.cancels.values()) cancel();
    this.cancels.clear();
    await Promise.allSettled([...this.running]);
  }

  /** Resolves when every delivery under way has finished (tests use it after advancing the clock). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  private fire(id: string): void {
    this.cancels.delete(id);
    if (this.stopped || this.inFlight.has(id)) return;
    const run = this.deliver(id).catch((err) => this.deps.log.warn({ err, callback: id }, 'callback delivery crashed'));
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
  }

  private async deliver(id: string): Promise<void> {
    const current = this.deps.store.get('callbacks', id);
    if (!current || current.state !== 'pending') return;
    this.inFlight.add(id);
    try {
      const clock = this.deps.clockFor(current.merchantId);
      const signed = signCallback(current.body, this.deps.keys.privateKey, clock.now());
      const started = performance.now();
      const delivery: DeliveryRecord = { at: iso(clock.now()), ok: false };
      try {
        const res = await this.deps.transport(current.url, signed, this.deps.timeoutMs);
        delivery.statusCode = res.statusCode;
        delivery.ok = res.statusCode >= 200 && res.statusCode < 300;
        delivery.responseSnippet = res.text.slice(0, 200);
      } catch (err) {
        delivery.error = describeNetworkError(err);
      }
      delivery.latencyMs = Math.round(performance.now() - started);
      const latest = this.deps.store.get('callbacks', id);
      // Removed while it was under way (a reset through /_sim): recording the delivery would bring it back.
      if (!latest) return;
      const tries = latest.deliveries.length + 1;
      const retryIn = RETRY_SCHEDULE_MS[tries - 1];
      const next: CallbackRecord = {
        ...latest,
        deliveries: [...latest.deliveries, delivery],
        state: delivery.ok ? 'delivered' : retryIn === undefined ? 'failed' : 'pending',
        nextAttemptAt: delivery.ok || retryIn === undefined ? null : clock.now() + retryIn,
      };
      if (!delivery.ok) {
        this.deps.log.warn({ callback: id, url: current.url, statusCode: delivery.statusCode, error: delivery.error, tries }, 'callback delivery failed');
      }
      await this.deps.store.commit([{ collection: 'callbacks', value: next }]);
      this.schedule(next);
    } finally {
      this.inFlight.delete(id);
    }
  }
}

function describeNetworkError(err: unknown): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError') return 'timeout';
  return e.cause?.code ?? e.cause?.message ?? e.message ?? String(err);
}
