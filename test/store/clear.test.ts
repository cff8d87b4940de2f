// Store.clear and Store.idle (used by reset): on both persistences, a clear forgets every record in memory
// and on disk, the store keeps working afterwards, and idle() waits for the writes under way.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLowdbStore } from '../../simulator/src/store/lowdb-store.js';
import { createMemoryStore, type Store } from '../../simulator/src/store/store.js';
import { merchant } from '../helpers/store-fixtures.js';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'littlepay-clear-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function opened(store: Store): Promise<Store> {
  await store.open();
  cleanups.push(() => store.close());
  return store;
}

const ids = (store: Store) => [...store.all('merchants')].map((m) => m.id);

describe.each([
  ['memory', async () => createMemoryStore()],
  ['lowdb', async () => createLowdbStore(await dataDir())],
])('Store.clear (%s)', (_kind, make) => {
  it('forgets every record, and takes new ones afterwards', async () => {
    const store = await opened(await make());
    await store.commit([
      { collection: 'merchants', value: merchant('mer_a') },
      { collection: 'meta', value: { id: 'counters', values: { x: 3 } } },
    ]);
    await store.clear();
    expect(ids(store)).toEqual([]);
    expect(store.get('meta', 'counters')).toBeUndefined();
    await store.commit([{ collection: 'merchants', value: merchant('mer_b') }]);
    expect(ids(store)).toEqual(['mer_b']);
  });

  it('idle() waits for the writes under way; a clear right after a commit leaves nothing', async () => {
    const store = await opened(await make());
    const first = store.commit([{ collection: 'merchants', value: merchant('mer_a') }]);
    await store.idle();
    expect(store.writing).toBe(false);
    await first;
    void store.commit([{ collection: 'merchants', value: merchant('mer_b') }]);
    await store.clear();
    expect(ids(store)).toEqual([]);
  });
});

describe('Store.clear on disk', () => {
  it('leaves nothing for the next start to load, and keeps what is committed after it', async () => {
    const dir = await dataDir();
    const store = createLowdbStore(dir);
    await store.open();
    // Enough puts to fill more than one segment.
    for (let i = 0; i < 3; i++)
      await store.commit(Array.from({ length: 300 }, (_, j) => ({ collection: 'merchants' as const, value: merchant(`mer_${i}_${j}`) })));
    // Still being written when the clear starts: it must not land on disk after the clear.
    void store.commit([{ collection: 'merchants', value: merchant('mer_late') }]);
    await store.clear();
    await store.commit([{ collection: 'merchants', value: merchant('mer_after') }]);
    await store.close();

    const reopened = await opened(createLowdbStore(dir));
    expect(ids(reopened)).toEqual(['mer_after']);
  });
});
