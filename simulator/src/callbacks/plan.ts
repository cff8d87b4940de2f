// The delivery rules of the outbox as pure functions: what a callback looks like after a delivery, when a
// new one is first due, when a held one must wait for newer ones (reordering), and the copies made for a
// replay or a deliberate duplicate. Choices and their reasons: docs/decisions/0030 and 0031.
import type { CallbackRecord, CallbackSettingsRecord, DeliveryRecord } from '../domain/records.js';
import type { Ids } from '../domain/ids.js';
import { iso } from '../runtime/clock.js';

/** Delay before each retry after a failed delivery: spread over about 16 hours (the CALLBACK_RETRIES default). */
export const RETRY_SCHEDULE_MS = [10_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000, 7_200_000, 14_400_000, 28_800_000];

export type CallbackSettings = Omit<CallbackSettingsRecord, 'id'>;
export const DEFAULT_CALLBACK_SETTINGS: CallbackSettings = Object.freeze({ duplicates: false, reorder: false, reorderHoldMs: 10_000 });

/** How long after a 2xx the deliberate duplicate is sent (merchant's clock). */
export const DUPLICATE_DELAY_MS = 1_000;
/** Gap between the callbacks of a reordered batch, so that they also arrive in that order over real HTTP. */
export const REORDER_SPACING_MS = 1_000;

export function newCallbackId(ids: Ids): string {
  return `cb_${ids.hex('callback', 20)}`;
}

export function originOf(cb: CallbackRecord): NonNullable<CallbackRecord['origin']> {
  return cb.origin ?? 'event';
}

/** When a new callback is first due: at once, or after the hold when the merchant has reordering on. */
export function firstDeliveryAt(settings: CallbackSettings | undefined, nowMs: number): number {
  return settings?.reorder ? nowMs + settings.reorderHoldMs : nowMs;
}

/** The callback after one delivery: delivered on a 2xx; otherwise due again per the schedule, or failed after it. */
export function afterDelivery(cb: CallbackRecord, delivery: DeliveryRecord, nowMs: number, scheduleMs: readonly number[]): CallbackRecord {
  const retryIn = scheduleMs[cb.deliveries.length];
  const giveUp = !delivery.ok && retryIn === undefined;
  return {
    ...cb,
    deliveries: [...cb.deliveries, delivery],
    state: delivery.ok ? 'delivered' : giveUp ? 'failed' : 'pending',
    nextAttemptAt: delivery.ok || giveUp ? null : nowMs + retryIn!,
  };
}

/** A copy of a callback to send again (same body, signed when sent), due at `dueMs`. */
export function copyOf(cb: CallbackRecord, id: string, origin: 'replay' | 'duplicate', nowMs: number, dueMs: number): CallbackRecord {
  return {
    id,
    kind: cb.kind,
    merchantId: cb.merchantId,
    reference: cb.reference,
    url: cb.url,
    body: cb.body,
    state: 'pending',
    createdAt: iso(nowMs),
    nextAttemptAt: dueMs,
    deliveries: [],
    origin,
    originalId: cb.originalId ?? cb.id,
  };
}

/** A first delivery not yet made that is due no earlier than `dueMs` (a replay or a duplicate never waits). */
function dueNoEarlier(cb: CallbackRecord, dueMs: number): boolean {
  return cb.state === 'pending' && cb.deliveries.length === 0 && originOf(cb) === 'event' && cb.nextAttemptAt !== null && cb.nextAttemptAt >= dueMs;
}

/**
 * With reordering on, a held callback goes out only after every newer callback of its merchant that is
 * still waiting for its first delivery, one REORDER_SPACING_MS apart, so a burst arrives newest first.
 * "Still waiting" is judged at the callback's own due time, not the clock's: a manual clock moved far
 * ahead fires every due timer at once, and the order must not depend on the size of the jump. `all` is
 * every callback, oldest first. Returns the time to wait for, or null when the callback may go now.
 */
export function reorderedDeliveryAt(cb: CallbackRecord, all: Iterable<CallbackRecord>): number | null {
  if (cb.deliveries.length > 0 || originOf(cb) !== 'event' || cb.nextAttemptAt === null) return null;
  let seen = false;
  let newer = 0;
  let latest = 0;
  for (const other of all) {
    if (other.id === cb.id) seen = true;
    else if (seen && other.merchantId === cb.merchantId && dueNoEarlier(other, cb.nextAttemptAt)) {
      newer++;
      latest = Math.max(latest, other.nextAttemptAt!);
    }
  }
  return newer === 0 ? null : latest + newer * REORDER_SPACING_MS;
}
