// The outbox's rules as pure functions (simulator/src/callbacks/plan.ts): the state after a delivery, the
// first due time, and the reordering of a burst of held callbacks, replayed step by step as the outbox
// would run them.
import { describe, expect, it } from 'vitest';
import { afterDelivery, firstDeliveryAt, reorderedDeliveryAt, REORDER_SPACING_MS } from '../../simulator/src/callbacks/plan.js';
import type { CallbackRecord } from '../../simulator/src/domain/records.js';

const HOLD = 10_000;

function cb(id: string, createdAt: number, over: Partial<CallbackRecord> = {}): CallbackRecord {
  return {
    id,
    kind: 'payment',
    merchantId: 'm1',
    reference: `ref-${id}`,
    url: 'https://merchant.example/cb',
    body: { id },
    state: 'pending',
    createdAt: new Date(createdAt).toISOString(),
    nextAttemptAt: createdAt + HOLD,
    deliveries: [],
    origin: 'event',
    ...over,
  };
}

describe('afterDelivery', () => {
  const schedule = [1000, 5000];
  const failed = { at: '2026-01-01T00:00:00.000Z', ok: false, statusCode: 500 };
  it.each([
    { tries: 0, ok: false, state: 'pending', next: 1000 },
    { tries: 1, ok: false, state: 'pending', next: 5000 },
    { tries: 2, ok: false, state: 'failed', next: null },
    { tries: 0, ok: true, state: 'delivered', next: null },
    { tries: 2, ok: true, state: 'delivered', next: null },
  ])('after $tries earlier deliveries, a delivery ok=$ok leaves it $state', ({ tries, ok, state, next }) => {
    const before = cb('c', 0, { deliveries: Array(tries).fill(failed) });
    const after = afterDelivery(before, { ...failed, ok, statusCode: ok ? 200 : 500 }, 0, schedule);
    expect(after.state).toBe(state);
    expect(after.nextAttemptAt).toBe(next);
    expect(after.deliveries).toHaveLength(tries + 1);
  });
});

describe('firstDeliveryAt', () => {
  it('is now, or now plus the hold when reordering is on', () => {
    expect(firstDeliveryAt(undefined, 5)).toBe(5);
    expect(firstDeliveryAt({ duplicates: true, reorder: false, reorderHoldMs: HOLD }, 5)).toBe(5);
    expect(firstDeliveryAt({ duplicates: false, reorder: true, reorderHoldMs: HOLD }, 5)).toBe(5 + HOLD);
  });
});

describe('reorderedDeliveryAt', () => {
  /** Runs the held callbacks as the outbox does (earliest due first) and returns the order they go out. */
  function release(all: CallbackRecord[]): string[] {
    const sent: string[] = [];
    for (let guard = 0; guard < 50; guard++) {
      const due = all.filter((c) => c.state === 'pending').sort((a, b) => a.nextAttemptAt! - b.nextAttemptAt!)[0];
      if (!due) return sent;
      const wait = reorderedDeliveryAt(due, all);
      if (wait === null) {
        sent.push(`${due.id}@${due.nextAttemptAt}`);
        due.state = 'delivered';
        due.deliveries = [{ at: '', ok: true, statusCode: 200 }];
      } else due.nextAttemptAt = wait;
    }
    throw new Error('no end');
  }

  it('sends a burst of three newest first, a spacing apart', () => {
    const all = [cb('c1', 0), cb('c2', 2000), cb('c3', 3000)];
    expect(release(all)).toEqual([`c3@${3000 + HOLD}`, `c2@${3000 + HOLD + REORDER_SPACING_MS}`, `c1@${3000 + HOLD + 2 * REORDER_SPACING_MS}`]);
  });

  it("ignores other merchants' callbacks, replays, duplicates and callbacks already sent", () => {
    const mine = cb('c1', 0);
    const others = [
      cb('other-merchant', 1000, { merchantId: 'm2' }),
      cb('replay', 1000, { origin: 'replay' }),
      cb('duplicate', 1000, { origin: 'duplicate' }),
      cb('retrying', 1000, { deliveries: [{ at: '', ok: false, statusCode: 500 }] }),
    ];
    expect(reorderedDeliveryAt(mine, [mine, ...others])).toBeNull();
    // Nor does an older callback make a newer one wait.
    const older = cb('c0', -5000);
    expect(reorderedDeliveryAt(mine, [older, mine])).toBeNull();
    expect(reorderedDeliveryAt(older, [older, mine])).toBe(HOLD + REORDER_SPACING_MS);
  });
});
