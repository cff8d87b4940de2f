// The persisted store's files: a commit is one write-ahead log file (several concurrent commits share
// one), compaction folds the log into chunks and rewrites only the chunks it touched, and whatever point a
// crash stops it at, a reopen finds the latest version of every record.
import { copyFile, readdir, readFile, rm, stat, writeFile, type FileHandle as Handle } from 'node:fs/promises';
import { readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createLowdbStore, type LowdbStoreOptions } from '../../simulator/src/store/lowdb-store.js';
import { SEGMENT_BYTES } from '../../simulator/src/store/wal.js';
import type { Change } from '../../simulator/src/store/store.js';
import { FileHandle } from '../helpers/file-handle.js';
import { eventually, intent, opened, putIntent, tempDir } from '../helpers/store-fixtures.js';

const files = async (dir: string) => (await readdir(join(dir, 'store'))).sort();
/** The store's files without temp ones (a spare segment being prepared, say). */
const kept = async (dir: string) => (await files(dir)).filter((f) => !f.startsWith('.'));
const wals = async (dir: string) => (await files(dir)).filter((f) => f.startsWith('wal-'));
const chunks = async (dir: string) => (await files(dir)).filter((f) => f.startsWith('page-'));
const json = async (dir: string, file: string) => JSON.parse(await readFile(join(dir, 'store', file), 'utf8'));
const inode = async (dir: string, file: string) => (await stat(join(dir, 'store', file))).ino;
const open = (dir: string, options: LowdbStoreOptions = {}) => opened(createLowdbStore(dir, options));

/** `n` intents i0..i{n-1}, one commit each, all at once. */
async function createMany(store: Awaited<ReturnType<typeof open>>, n: number, from = 0): Promise<void> {
  await Promise.all(Array.from({ length: n }, (_, k) => store.commit([putIntent(intent(`i${from + k}`, 'm1', `K${from + k}`, { amount: from + k + 1 }))])));
}

describe('Store (lowdb) on disk', () => {
  it('a new store opened on the same folder sees everything, the latest version of each record', async () => {
    const dir = await tempDir();
    const first = await open(dir);
    await first.commit([putIntent(intent('i1', 'm1', 'K1')), putIntent(intent('i2', 'm1', 'K2'))]);
    await first.commit([putIntent(intent('i1', 'm1', 'K1', { status: 'FAILED' })), { collection: 'intents', remove: 'i2' }]);
    await first.commit([{ collection: 'meta', value: { id: 'counters', values: { intent: 2 } } }]);
    await first.close();

    const again = await open(dir);
    expect(again.count('intents')).toBe(1);
    expect(again.get('intents', 'i1')?.status).toBe('FAILED');
    expect(again.intentByKey('m1', 'K2')).toBeUndefined();
    expect(again.get('meta', 'counters')?.values).toEqual({ intent: 2 });
  });

  it('a resolved commit is in a log file on disk even if the store is never closed', async () => {
    const dir = await tempDir();
    const first = await open(dir);
    await first.commit([putIntent(intent('i1', 'm1', 'K1'))]);
    const [log] = await wals(dir);
    expect(await json(dir, log!)).toEqual({ version: 2, seq: 1, changes: [putIntent(intent('i1', 'm1', 'K1'))] });
    await first.commit([putIntent(intent('i2', 'm1', 'K2'))]);
    expect((await json(dir, log!)).changes).toHaveLength(2); // appended to the same segment, still whole JSON
    const second = await open(dir);
    expect(second.get('intents', 'i1')?.key).toBe('K1');
  });

  it('commits that arrive while a write is under way share the next append and fdatasync (group commit)', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    const proto = FileHandle.prototype;
    const original = proto.datasync;
    const synced: string[] = [];
    // Which file each fdatasync was for (the store also syncs the spare segment it prepares).
    const datasync = vi.spyOn(proto, 'datasync').mockImplementation(function (this: Handle) {
      synced.push(readlinkSync(`/proc/self/fd/${this.fd}`));
      return original.call(this);
    });
    try {
      await createMany(store, 200);
    } finally {
      datasync.mockRestore();
    }
    // The first commit is written alone (the segment's first write, synced under its temporary name before
    // it is renamed); the 199 made while it was on its way share the second append.
    expect(synced.filter((f) => /\/\.?wal-\d{12}\.json(\.tmp)?$/.test(f))).toHaveLength(2);
    const [log] = await wals(dir);
    expect((await json(dir, log!)).changes).toHaveLength(200);
  });

  it('writes the id counters of a group once, in their latest version, before the records that used them', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    const counters = (n: number): Change => ({ collection: 'meta', value: { id: 'counters', values: { intent: n } } });
    await Promise.all(Array.from({ length: 50 }, (_, n) => store.commit([putIntent(intent(`i${n}`, 'm1', `K${n}`)), counters(n + 1)])));
    const [log] = await wals(dir);
    const changes = (await json(dir, log!)).changes as Change[];
    // The first commit alone, then the 49 that waited for it, as one group.
    expect(changes.map((c) => c.collection)).toEqual(['meta', 'intents', 'meta', ...Array(49).fill('intents')]);
    expect(changes[2]).toEqual(counters(50));
    expect((await open(dir)).get('meta', 'counters')?.values).toEqual({ intent: 50 });
  });

  it('rolls over to a spare segment prepared ahead, which is still a whole JSON document, and is cut to its JSON when closed', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.commit([putIntent(intent('i1', 'm1', 'K1'))]); // creates the first segment, then a spare
    // The spare is renamed to .wal-spare-<n>.tmp once it is filled and synced.
    await eventually(async () => (await files(dir)).some((f) => /^\.wal-spare-\d+\.tmp$/.test(f)));
    await store.compact(); // seals the first segment, folds it and removes it
    expect(await wals(dir)).toEqual([]);
    await store.commit([putIntent(intent('i2', 'm1', 'K2'))]);
    const [log] = await wals(dir);
    expect((await stat(join(dir, 'store', log!))).size).toBe(SEGMENT_BYTES);
    expect((await json(dir, log!)).changes).toEqual([putIntent(intent('i2', 'm1', 'K2'))]);
    await store.close();
    const text = await readFile(join(dir, 'store', log!), 'utf8');
    expect(text.endsWith('\n]}\n')).toBe(true);
    expect(JSON.parse(text).changes).toEqual([putIntent(intent('i2', 'm1', 'K2'))]);
    expect((await open(dir)).count('intents')).toBe(2);
  });

  it('seals a segment once it holds segmentChanges changes; later commits begin the next one', async () => {
    const dir = await tempDir();
    const store = await open(dir, { segmentChanges: 3 });
    for (let k = 0; k < 7; k++) await store.commit([putIntent(intent(`i${k}`, 'm1', `K${k}`))]);
    const counts = await Promise.all((await wals(dir)).map(async (f) => (await json(dir, f)).changes.length));
    // The first segment may be left early, once a spare is ready (the next test); every later one but the last holds 3.
    expect(counts[0]).toBeLessThanOrEqual(3);
    expect(counts.slice(1, -1).every((n) => n === 3)).toBe(true);
    expect(counts.at(-1)).toBeLessThanOrEqual(3);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(7);
    await store.close();
    expect((await open(dir)).count('intents')).toBe(7);
  });

  it('leaves the first segment after a start, which grows as it is written, as soon as a spare is ready', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.commit([putIntent(intent('i1', 'm1', 'K1'))]); // the first segment: no spare yet
    await eventually(async () => (await files(dir)).some((f) => /^\.wal-spare-\d+\.tmp$/.test(f)));
    await store.commit([putIntent(intent('i2', 'm1', 'K2'))]); // still the first segment, which is then sealed
    await store.commit([putIntent(intent('i3', 'm1', 'K3'))]); // the spare, now a segment
    const [first, second] = await wals(dir);
    expect((await json(dir, first!)).changes).toEqual([putIntent(intent('i1', 'm1', 'K1')), putIntent(intent('i2', 'm1', 'K2'))]);
    expect((await stat(join(dir, 'store', first!))).size).toBeLessThan(SEGMENT_BYTES);
    expect((await json(dir, second!)).changes).toEqual([putIntent(intent('i3', 'm1', 'K3'))]);
    expect((await stat(join(dir, 'store', second!))).size).toBe(SEGMENT_BYTES);
    await store.close();
    expect((await open(dir)).count('intents')).toBe(3);
  });

  it('a write costs the same however much is stored: an append to a new log segment, no chunk rewritten', async () => {
    const dir = await tempDir();
    const seeded = await open(dir, { chunkSize: 100 });
    await createMany(seeded, 1000);
    await seeded.compact();
    await seeded.close();
    expect(await wals(dir)).toEqual([]);
    const before = await kept(dir);
    const inodes = await Promise.all(before.map((f) => inode(dir, f)));

    const store = await open(dir, { chunkSize: 100 });
    await store.commit([putIntent(intent('i5', 'm1', 'K5', { status: 'COMPLETED' }))]);
    const added = (await kept(dir)).filter((f) => !before.includes(f));
    expect(added).toEqual([expect.stringMatching(/^wal-\d{12}\.json$/)]);
    expect(await Promise.all(before.map((f) => inode(dir, f)))).toEqual(inodes);
    expect((await stat(join(dir, 'store', added[0]!))).size).toBeLessThan(1000);
  });

  it('never folds a log of new records in the background: it keeps them once, and a start reads them from it', async () => {
    const dir = await tempDir();
    const store = await open(dir, { chunkSize: 10, segmentChanges: 20, compactAfterSuperseded: 1 });
    for (let round = 0; round < 5; round++) await createMany(store, 10, round * 10);
    await store.close();
    expect(await chunks(dir)).toEqual([]);
    expect(await wals(dir)).toHaveLength(3);
    const again = await open(dir, { chunkSize: 10 });
    expect(again.count('intents')).toBe(50);
    expect(again.intentByKey('m1', 'K49')?.amount).toBe(50);
  });

  it('compacts once the log holds compactAfterSuperseded superseded versions: chunks of at most chunkSize records, log files removed', async () => {
    const dir = await tempDir();
    const store = await open(dir, { chunkSize: 10, compactAfterSuperseded: 5 });
    await createMany(store, 50);
    // Four updates: still below the limit, nothing folded.
    for (let k = 0; k < 4; k++) await store.commit([putIntent(intent(`i${k}`, 'm1', `K${k}`, { status: 'COMPLETED' }))]);
    expect(await chunks(dir)).toEqual([]);
    // The fifth starts a compaction, in the background.
    await store.commit([putIntent(intent('i4', 'm1', 'K4', { status: 'COMPLETED' }))]);
    await eventually(async () => (await chunks(dir)).length === 5 && (await wals(dir)).length === 0);
    await store.close();
    expect(await wals(dir)).toEqual([]);
    expect(await chunks(dir)).toEqual([
      'page-intents-000001.json',
      'page-intents-000002.json',
      'page-intents-000003.json',
      'page-intents-000004.json',
      'page-intents-000005.json',
    ]);
    const first = await json(dir, 'page-intents-000001.json');
    expect(first.records.map((r: { id: string }) => r.id)).toEqual(Array.from({ length: 10 }, (_, k) => `i${k}`));
    expect(await json(dir, 'manifest.json')).toEqual({ version: 2, compactedThrough: expect.any(Number) });

    const again = await open(dir, { chunkSize: 10 });
    expect(again.count('intents')).toBe(50);
    expect(again.intentByKey('m1', 'K49')?.amount).toBe(50);
    expect(again.get('intents', 'i4')?.status).toBe('COMPLETED');
  });

  it('a start folds the log in the background when it finds more than compactAtStartAfterSegments segments', async () => {
    const dir = await tempDir();
    for (let run = 0; run < 3; run++) {
      const store = await open(dir);
      await store.commit([putIntent(intent(`i${run}`, 'm1', `K${run}`))]);
      await store.close();
    }
    expect(await wals(dir)).toHaveLength(3);
    const quiet = await open(dir, { compactAtStartAfterSegments: 3 });
    expect(quiet.count('intents')).toBe(3);
    await quiet.close();
    expect(await wals(dir)).toHaveLength(3);
    const tidy = await open(dir, { compactAtStartAfterSegments: 2 });
    await eventually(async () => (await wals(dir)).length === 0);
    expect(await chunks(dir)).toEqual(['page-intents-000001.json']);
    expect(tidy.count('intents')).toBe(3);
  });

  it('a compaction rewrites only the chunks whose records changed, and drops removed records', async () => {
    const dir = await tempDir();
    const seeded = await open(dir, { chunkSize: 10 });
    await createMany(seeded, 50);
    await seeded.compact();
    await seeded.close();
    const inodes = await Promise.all((await chunks(dir)).map((f) => inode(dir, f)));

    const store = await open(dir, { chunkSize: 10 });
    await store.commit([putIntent(intent('i15', 'm1', 'K15', { status: 'COMPLETED' }))]);
    await store.commit([{ collection: 'intents', remove: 'i42' }]);
    await store.compact();
    await store.close();
    const after = await Promise.all((await chunks(dir)).map((f) => inode(dir, f)));
    expect(after.map((ino, k) => ino === inodes[k])).toEqual([true, false, true, true, false]);
    const second = await json(dir, 'page-intents-000002.json');
    expect(second.records.find((r: { id: string }) => r.id === 'i15').status).toBe('COMPLETED');
    expect((await json(dir, 'page-intents-000005.json')).records.map((r: { id: string }) => r.id)).not.toContain('i42');

    // A chunk left empty is removed.
    const last = await open(dir, { chunkSize: 10 });
    await last.commit(Array.from({ length: 10 }, (_, k): Change => ({ collection: 'intents', remove: `i${k}` })));
    await last.compact();
    await last.close();
    expect(await chunks(dir)).not.toContain('page-intents-000001.json');
    expect((await open(dir, { chunkSize: 10 })).count('intents')).toBe(39);
  });

  it('a record made and removed between two compactions is in no chunk; one removed and made again is on the newest', async () => {
    const dir = await tempDir();
    const store = await open(dir, { chunkSize: 10 });
    await createMany(store, 15);
    await store.commit([putIntent(intent('gone', 'm1', 'KGONE'))]);
    await store.commit([{ collection: 'intents', remove: 'gone' }]);
    await store.commit([{ collection: 'intents', remove: 'i3' }]);
    await store.commit([putIntent(intent('i3', 'm1', 'K3', { amount: 99 }))]);
    await store.compact();
    await store.close();
    const ids = async (file: string) => (await json(dir, file)).records.map((r: { id: string }) => r.id);
    expect(await chunks(dir)).toEqual(['page-intents-000001.json', 'page-intents-000002.json']);
    expect(await ids('page-intents-000001.json')).toEqual(['i0', 'i1', 'i2', 'i4', 'i5', 'i6', 'i7', 'i8', 'i9']);
    expect(await ids('page-intents-000002.json')).toEqual(['i10', 'i11', 'i12', 'i13', 'i14', 'i3']);
    const reopened = await open(dir, { chunkSize: 10 });
    expect(reopened.count('intents')).toBe(15);
    expect(reopened.get('intents', 'i3')?.amount).toBe(99);
    expect(reopened.get('intents', 'gone')).toBeUndefined();
  });

  it('a record dropped from memory only (Store.forget) leaves its chunk at the next compaction, and a chunk left empty goes', async () => {
    const dir = await tempDir();
    const store = await open(dir, { chunkSize: 2 });
    // The store keeps inbox records as they come; their shape does not matter to the chunks.
    const message = (id: string) => ({ collection: 'inbox', value: { id, name: 'n', receivedAt: '2026-01-01T00:00:00.000Z' } }) as unknown as Change;
    await store.commit([message('a'), message('b'), message('c')]);
    store.forget('inbox', 'a');
    store.forget('inbox', 'c');
    await store.compact();
    await store.close();
    const ids = async (file: string) => (await json(dir, file)).records.map((r: { id: string }) => r.id);
    expect(await chunks(dir)).toEqual(['page-inbox-000001.json']);
    expect(await ids('page-inbox-000001.json')).toEqual(['b']);
    const reopened = await open(dir, { chunkSize: 2 });
    expect(reopened.count('inbox')).toBe(1);
    // Its chunk has room again: the next record goes there.
    await reopened.commit([message('d')]);
    await reopened.compact();
    await reopened.close();
    expect(await chunks(dir)).toEqual(['page-inbox-000001.json']);
    expect(await ids('page-inbox-000001.json')).toEqual(['b', 'd']);
  });

  it('records dropped from memory count towards the next compaction, as superseded versions do', async () => {
    const dir = await tempDir();
    const store = await open(dir, { chunkSize: 10, compactAfterSuperseded: 2 });
    const message = (id: string) => ({ collection: 'inbox', value: { id, name: 'n', receivedAt: '2026-01-01T00:00:00.000Z' } }) as unknown as Change;
    await store.commit([message('a'), message('b'), message('c')]);
    store.forget('inbox', 'a');
    store.forget('inbox', 'c');
    expect(await chunks(dir)).toEqual([]);
    // The next commit finds two superseded versions in the files and starts a compaction.
    await store.commit([message('d')]);
    await eventually(async () => (await wals(dir)).length === 0 && (await chunks(dir)).length === 1);
    expect((await json(dir, 'page-inbox-000001.json')).records.map((r: { id: string }) => r.id)).toEqual(['b', 'd']);
  });

  it('a crash after the chunks were written but before the manifest: the log replays over them', async () => {
    const dir = await tempDir();
    const store = await open(dir, { chunkSize: 10 });
    await createMany(store, 20);
    await store.commit([putIntent(intent('i3', 'm1', 'K3', { status: 'COMPLETED' }))]);
    const logs = await wals(dir);
    const saved = await Promise.all(logs.map((f) => readFile(join(dir, 'store', f))));
    await store.compact();
    await store.close();
    // Put the folded log files back and the manifest out of the way: as if the crash came just before it.
    await Promise.all(logs.map((f, k) => writeFile(join(dir, 'store', f), saved[k]!)));
    await rm(join(dir, 'store', 'manifest.json'));
    const again = await open(dir, { chunkSize: 10 });
    expect(again.count('intents')).toBe(20);
    expect(again.get('intents', 'i3')?.status).toBe('COMPLETED');
  });

  it('log files the manifest says are folded in are never replayed over newer chunks, and are removed', async () => {
    const dir = await tempDir();
    const store = await open(dir, { chunkSize: 10 });
    await store.commit([putIntent(intent('i1', 'm1', 'K1'))]);
    const [stale] = await wals(dir);
    await copyFile(join(dir, 'store', stale!), join(dir, 'stale'));
    await store.commit([putIntent(intent('i1', 'm1', 'K1', { status: 'COMPLETED' }))]);
    await store.compact();
    await store.close();
    await copyFile(join(dir, 'stale'), join(dir, 'store', stale!));
    const again = await open(dir, { chunkSize: 10 });
    expect(again.get('intents', 'i1')?.status).toBe('COMPLETED');
    expect(await wals(dir)).toEqual([]);
  });

  it('a chunk write that never finished (a leftover temp file) is ignored and removed', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.commit([putIntent(intent('i1', 'm1', 'K1'))]);
    await store.close();
    await writeFile(join(dir, 'store', '.page-intents-000001.json.tmp'), '{"version":2,"collection":"intents","records":[{"id":"i9"');
    const again = await open(dir);
    expect(again.count('intents')).toBe(1);
    expect(await files(dir)).not.toContain('.page-intents-000001.json.tmp');
  });

  it('a log segment cut short by a crash keeps every complete change before the cut', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.commit([putIntent(intent('i1', 'm1', 'K1'))]);
    await store.commit([putIntent(intent('i2', 'm1', 'K2'))]);
    const [log] = await wals(dir);
    const text = await readFile(join(dir, 'store', log!), 'utf8');
    // The append of a third commit, cut in the middle of its line: the closing bracket is gone too.
    await writeFile(join(dir, 'store', log!), `${text.slice(0, text.lastIndexOf('\n]}'))},\n{"collection":"intents","value":{"id":"i3","merch`);
    const again = await open(dir);
    expect([...again.all('intents')].map((i) => i.id)).toEqual(['i1', 'i2']);
    await again.compact();
    await again.close();
    expect(await wals(dir)).toEqual([]);
    expect((await open(dir)).count('intents')).toBe(2);
  });

  it('refuses to open a store file that was not written by the store, naming the file', async () => {
    const dir = await tempDir();
    const store = await open(dir);
    await store.commit([putIntent(intent('i1', 'm1', 'K1'))]);
    const [log] = await wals(dir);
    await writeFile(join(dir, 'store', log!), '{"version":2,"seq":1,"chan\n');
    await expect(createLowdbStore(dir).open()).rejects.toThrow(new RegExp(`${log!.replace('.', '\\.')} is not valid JSON`));
    await writeFile(join(dir, 'store', log!), '[]');
    await expect(createLowdbStore(dir).open()).rejects.toThrow(/is not a store log segment/);
    await rm(join(dir, 'store', log!));
    await writeFile(join(dir, 'store', 'page-intents-000001.json'), '{"records": [');
    await expect(createLowdbStore(dir).open()).rejects.toThrow(/page-intents-000001\.json is not valid JSON/);
  });

  it('reads a store written in the first format (segment files), then folds it into chunks', async () => {
    const dir = await tempDir();
    await open(dir); // makes the folder
    await writeFile(
      join(dir, 'store', 'segment-00000001.json'),
      JSON.stringify({ version: 1, puts: [putIntent(intent('i1', 'm1', 'K1')), putIntent(intent('i2', 'm1', 'K2'))] }),
    );
    await writeFile(
      join(dir, 'store', 'segment-00000002.json'),
      JSON.stringify({ version: 1, puts: [putIntent(intent('i1', 'm1', 'K1', { status: 'FAILED' }))] }),
    );
    const store = await open(dir);
    expect(store.get('intents', 'i1')?.status).toBe('FAILED');
    await store.close();
    expect((await files(dir)).filter((f) => f.startsWith('segment-'))).toEqual([]);
    const again = await open(dir);
    expect(again.count('intents')).toBe(2);
    expect(again.get('intents', 'i1')?.status).toBe('FAILED');
  });

  it('opened read-only, it reads everything and changes nothing: no temp file or folded segment removed, no fold, no commit', async () => {
    const dir = await tempDir();
    const store = await open(dir, { chunkSize: 10 });
    await createMany(store, 15);
    const [folded] = await wals(dir);
    const kept = await readFile(join(dir, 'store', folded!));
    await store.compact();
    await store.commit([putIntent(intent('i3', 'm1', 'K3', { status: 'COMPLETED' }))]);
    await store.close();
    // What a crash or a running simulator leaves: a folded segment not yet removed, a spare being made.
    await writeFile(join(dir, 'store', folded!), kept);
    await writeFile(join(dir, 'store', '.wal-spare-9.tmp'), ' '.repeat(64));
    const snapshot = async () => Promise.all((await files(dir)).map(async (f) => `${f} ${(await stat(join(dir, 'store', f))).mtimeMs}`));
    const before = await snapshot();

    // More segments than compactAtStartAfterSegments (0): a writable start would fold them.
    const reader = await open(dir, { chunkSize: 10, compactAtStartAfterSegments: 0, readOnly: true });
    expect(reader.count('intents')).toBe(15);
    expect(reader.get('intents', 'i3')?.status).toBe('COMPLETED');
    await expect(reader.commit([putIntent(intent('i99', 'm1', 'K99'))])).rejects.toThrow(/read-only/);
    await reader.compact();
    await reader.close();
    expect(await snapshot()).toEqual(before);
    // A folder with no store in it yet reads as empty, and is not made.
    const none = join(await tempDir(), 'nothing-here');
    expect((await opened(createLowdbStore(none, { readOnly: true }))).count('intents')).toBe(0);
    await expect(stat(none)).rejects.toThrow(/ENOENT/);
  });

  it('a store that cannot write rejects the commit, reports unhealthy, and refuses later commits', async () => {
    const dir = await tempDir();
    // A segment per write: the next write must create a new segment, in a folder that is gone.
    const store = await open(dir, { segmentChanges: 1 });
    await store.commit([putIntent(intent('i1', 'm1', 'K1'))]);
    // Retried: the store may be writing a spare segment into the folder at that moment.
    await rm(join(dir, 'store'), { recursive: true, force: true, maxRetries: 20, retryDelay: 5 });
    await expect(store.commit([putIntent(intent('i2', 'm1', 'K2'))])).rejects.toThrow();
    expect(store.healthy).toBe(false);
    await expect(store.commit([putIntent(intent('i3', 'm1', 'K3'))])).rejects.toThrow();
  });
});
