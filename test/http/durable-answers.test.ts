// "An answered write is on disk" (docs/decisions/0005, 0050), for every kind of answer: not only the
// first answer to a write, but a same-key retry, a status read and a long poll's result that see the record
// while its write is still under way. Each of them waits for that write; none answers before it.
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it, onTestFinished } from 'vitest';
import { memoryPersistence, Store, type Change } from '../../simulator/src/store/store.js';
import { basicAuth, intentBody, processMobile, startTestSim, status, until, untilPendingAttempt, type TestSim } from '../helpers/sim.js';

/** A memory store whose writes can be held, as a slow disk holds an fdatasync. */
function holdableStore() {
  let gate: Promise<void> | null = null;
  let open = () => {};
  /** Every change, in the order the store handed them to its files. */
  const appended: Change[] = [];
  const store = new Store({
    ...memoryPersistence(),
    append: async (changes) => {
      appended.push(...changes);
      if (gate) await gate;
    },
  });
  return {
    store,
    appended,
    hold: () => void (gate = new Promise<void>((resolve) => (open = resolve))),
    release: () => {
      gate = null;
      open();
    },
  };
}

/** The store, its writes let through again when the test ends (a failed test must not hang the sim's close). */
function slowDisk() {
  const disk = holdableStore();
  onTestFinished(() => disk.release());
  return disk;
}

/** The merchant's create intent call, with the key given. */
function createIntent(sim: TestSim, key: string) {
  const m = sim.sandbox;
  return sim.inject({
    method: 'POST',
    url: `/api/payments/${m.tokenId}/pay`,
    headers: { authorization: basicAuth(m), 'content-type': 'application/json' },
    payload: intentBody({ key }),
  });
}

function watch(request: Promise<LightMyRequestResponse>) {
  const state = { answered: false };
  void request.then(() => (state.answered = true));
  return state;
}

/** Turns enough for an answer from memory to arrive (they do, on today's main, in a few). */
async function turns(n = 100): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
}

describe('answers come only from what is on disk', () => {
  it('a same-key retry and a status read of an intent whose create is still being written wait for it', async () => {
    const disk = slowDisk();
    const sim = await startTestSim({}, { store: disk.store });
    const m = sim.sandbox;
    const create = () => createIntent(sim, 'SLOW1');
    disk.hold();
    const first = create();
    await until(() => disk.store.intentByKey(m.id, 'SLOW1') !== undefined); // in memory, not on disk
    const retry = create();
    const read = status(sim, m, 'SLOW1');
    const seen = [watch(first), watch(retry), watch(read)];
    await turns();
    expect(seen.map((s) => s.answered)).toEqual([false, false, false]);
    disk.release();
    const answers = await Promise.all([first, retry, read]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200]);
    const reference = answers[0]!.json().data.reference;
    expect(answers[1]!.json().data.reference).toBe(reference);
    expect(answers[2]!.json().data).toMatchObject({ reference, key: 'SLOW1' });
  });

  it("a long poll whose deadline comes while the attempt's result is being written answers after the write, as does a status read", async () => {
    const disk = slowDisk();
    // The PIN is entered at the very instant the long poll gives up: the result is being written when the deadline fires.
    const slow = await startTestSim({ pinDelayMs: 3000, longPollTimeoutMs: 3000 }, { store: disk.store });
    const m = slow.sandbox;
    const created = await createIntent(slow, 'SLOW2');
    const { reference } = created.json().data;
    const poll = processMobile(slow, reference, 'MPESA', '254712345678', true);
    await untilPendingAttempt(slow, reference);
    disk.hold();
    slow.clock.advance(3000);
    await until(() => disk.store.get('intents', reference)?.status === 'COMPLETED'); // in memory, not on disk
    const read = status(slow, m, 'SLOW2');
    const seen = [watch(poll), watch(read)];
    await turns();
    expect(seen.map((s) => s.answered)).toEqual([false, false]);
    disk.release();
    expect((await poll).json().data).toMatchObject({ status: 'COMPLETED' });
    expect((await read).json().data).toMatchObject({ reference, status: 'COMPLETED' });
  });

  it('with no PIN delay the result is written while the payment is, after it; the payment still answers its PIN prompt', async () => {
    const disk = slowDisk();
    const sim = await startTestSim({ pinDelayMs: 0 }, { store: disk.store });
    const m = sim.sandbox;
    const created = await createIntent(sim, 'SLOW3');
    const { reference } = created.json().data;
    disk.hold();
    const pay = processMobile(sim, reference, 'MPESA', '254712345678');
    const seen = watch(pay);
    // The result comes while the payment's own write is still held: it does not wait for the disk to start.
    await until(() => disk.store.get('intents', reference)?.status === 'COMPLETED');
    await turns();
    expect(seen.answered).toBe(false);
    disk.release();
    expect((await pay).json().data).toMatchObject({ status: 'PENDING', message: 'You will be promoted to enter your MPESA PIN' });
    expect((await status(sim, m, 'SLOW3')).json().data).toMatchObject({ reference, status: 'COMPLETED' });
    // In the log the attempt comes before its result, so no crash can leave a result without its attempt.
    const versions = disk.appended.flatMap((c) => ('value' in c && c.collection === 'intents' && c.value.id === reference ? [c.value.status] : []));
    expect(versions).toEqual(['PENDING', 'PENDING', 'COMPLETED']);
  });
});
