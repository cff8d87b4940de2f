// What the store promises about the disk when writes overlap: a record read while its write is under way
// can be waited on (landed), a reset's wait does not chase a steady stream of writes (idle), a compaction
// folds only versions whose log group is synced, and a log that cannot close a segment fails loudly
// instead of leaving every later commit waiting.
import { readlinkSync } from 'node:fs';
import type { FileHandle as Handle } from 'node:fs/promises';
import { describe, expect, it, vi } from 'vitest';
import { AppendOnlyJsonFile } from '../../simulator/src/store/append-file.js';
import { DurableJsonFile } from '../../simulator/src/store/durable-file.js';
import { createLowdbStore } from '../../simulator/src/store/lowdb-store.js';
import { memoryPersistence, Store, type Change } from '../../simulator/src/store/store.js';
import { FileHandle } from '../helpers/file-handle.js';
import { until } from '../helpers/sim.js';
import { eventually, intent, opened, putIntent, tempDir } from '../helpers/store-fixtures.js';

/** A memory store whose appends land only when the test says so, in order. */
function heldStore() {
  const held: Array<{ changes: Change[]; land: () => void; fail: (err: Error) => void }> = [];
  const store = new Store({
    ...memoryPersistence(),
    append: (changes) => new Promise<void>((land, fail) => held.push({ changes, land, fail })),
  });
  return { store, held };
}

const settled = (p: Promise<unknown>) => {
  const state = { done: false };
  void p.then(
    () => (state.done = true),
    () => (state.done = true),
  );
  return state;
};

describe('Store: answers only from what is on disk', () => {
  it('landed() is a promise while a version is being written, and nothing once it is on disk', async () => {
    const { store, held } = heldStore();
    await store.open();
    const commit = store.commit([putIntent(intent('i1', 'm1', 'K1'))]);
    const inMemory = store.get('intents', 'i1')!;
    expect(inMemory.key).toBe('K1'); // visible at once, so the next request sees it...
    const landing = store.landed(inMemory);
    expect(landing).toBeInstanceOf(Promise); // ...but an answer built from it has to wait
    const landed = settled(landing!);
    await new Promise((r) => setImmediate(r));
    expect(landed.done).toBe(false);
    held[0]!.land();
    await commit;
    expect(landed.done).toBe(true);
    expect(store.landed(store.get('intents', 'i1')!)).toBeUndefined();
  });

  it('landed() rejects when the write fails: no answer comes from a record the disk refused', async () => {
    const { store, held } = heldStore();
    await store.open();
    const commit = store.commit([putIntent(intent('i1', 'm1', 'K1'))]);
    const landing = store.landed(store.get('intents', 'i1')!)!;
    held[0]!.fail(new Error('disk full'));
    await expect(commit).rejects.toThrow('disk full');
    await expect(landing).rejects.toThrow('disk full');
    expect(store.healthy).toBe(false);
  });

  it('idle() waits for the writes begun before it, not for the ones a steady load keeps starting', async () => {
    const { store, held } = heldStore();
    await store.open();
    const first = store.commit([putIntent(intent('i1', 'm1', 'K1'))]);
    const idle = settled(store.idle());
    const later = store.commit([putIntent(intent('i2', 'm1', 'K2'))]); // begun after idle() was asked
    held[0]!.land();
    await first;
    await until(() => idle.done);
    expect(store.writing).toBe(true); // the later write is still under way, and idle() did not wait for it
    held[1]!.land();
    await later;
  });
});

describe('Store (lowdb): what a compaction folds, and a segment that cannot be closed', () => {
  it('folds into a chunk only versions whose log group is synced', async () => {
    const dir = await tempDir();
    // The update below supersedes a version: it starts a compaction at once.
    const store = await opened(createLowdbStore(dir, { compactAfterSuperseded: 1 }));
    await store.commit([putIntent(intent('i1', 'm1', 'K1'))]);
    const proto = FileHandle.prototype;
    const original = proto.datasync;
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let logSynced = false;
    // The log's fdatasync of the update waits for the gate; the chunks' own syncs go through.
    const datasync = vi.spyOn(proto, 'datasync').mockImplementation(async function (this: Handle) {
      if (!/\/wal-\d{12}\.json$/.test(readlinkSync(`/proc/self/fd/${this.fd}`))) return original.call(this);
      await gate;
      await original.call(this);
      logSynced = true;
    });
    const pagesWritten: Array<{ failed: boolean; logSynced: boolean }> = [];
    const write = DurableJsonFile.prototype.write;
    const pageWrite = vi.spyOn(DurableJsonFile.prototype, 'write').mockImplementation(function (this: DurableJsonFile<unknown>, data: unknown) {
      const records = (data as { records?: Array<Record<string, unknown>> } | null)?.records;
      if (records) pagesWritten.push({ failed: records.some((r) => 'status' in r && r.status === 'FAILED'), logSynced });
      return write.call(this, data);
    });
    const asked = vi.spyOn(store, 'landed');
    try {
      const update = store.commit([putIntent(intent('i1', 'm1', 'K1', { status: 'FAILED' }))]);
      // The compaction got as far as it can while the update's group is not synced: it wrote the chunk
      // (what it must not do) or it is waiting for the version to land.
      await eventually(() => pagesWritten.length > 0 || asked.mock.calls.length > 0);
      release();
      await update;
      await store.compact();
    } finally {
      datasync.mockRestore();
      pageWrite.mockRestore();
    }
    expect(pagesWritten.filter((p) => p.failed && !p.logSynced)).toEqual([]);
    expect(pagesWritten.some((p) => p.failed)).toBe(true); // folded once it was on disk
  });

  it('a segment whose close rejects fails the store: commits are refused, none hangs, health says down', async () => {
    const dir = await tempDir();
    // The update below supersedes a version: its append starts a compaction, which seals the segment while
    // the update is being written to it, so the segment is closed right after that write.
    const store = await opened(createLowdbStore(dir, { compactAfterSuperseded: 1 }));
    await store.commit([putIntent(intent('i1', 'm1', 'K1'))]);
    const closeFile = AppendOnlyJsonFile.prototype.close;
    const close = vi.spyOn(AppendOnlyJsonFile.prototype, 'close').mockImplementation(async function (this: AppendOnlyJsonFile) {
      await closeFile.call(this);
      throw new Error('EIO: the segment could not be closed');
    });
    try {
      // Its append was synced before the close failed: it is on disk, and told so.
      await store.commit([putIntent(intent('i1', 'm1', 'K1', { status: 'FAILED' }))]);
      await expect(store.commit([putIntent(intent('i3', 'm1', 'K3'))])).rejects.toThrow(/could not be closed/);
      expect(store.healthy).toBe(false);
    } finally {
      close.mockRestore();
    }
  });
});
