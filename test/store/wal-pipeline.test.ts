// Two groups of the log in flight (docs/decisions/0117): the next group is written while the one before it
// syncs, and answered only after it; a third waits; a group never overlaps a segment's first write or the
// move to the next segment; and a group behind one that failed is refused, whatever its own sync did.
import { readlinkSync } from 'node:fs';
import { readdir, readFile, type FileHandle as Handle } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppendOnlyJsonFile } from '../../simulator/src/store/append-file.js';
import { WriteAheadLog } from '../../simulator/src/store/wal.js';
import { FileHandle } from '../helpers/file-handle.js';
import { eventually, intent, putIntent, tempDir } from '../helpers/store-fixtures.js';

const SEGMENT = /^wal-\d{12}\.json$/;

/**
 * Records the log's writes and syncs in order and, once `hold` is set, keeps each sync of a segment waiting
 * until the test lets it go (or fails it). A segment's first write goes to its spare (or a temporary file)
 * and is synced there before the file takes its name: that sync is never held.
 */
function watchLog() {
  const events: string[] = [];
  const syncs: Array<{ file: string; release: () => void; fail: (err: Error) => void }> = [];
  const state = { hold: false, synced: 0 };
  const proto = FileHandle.prototype;
  const write = proto.write;
  const datasync = proto.datasync;
  const name = (handle: Handle) => basename(readlinkSync(`/proc/self/fd/${handle.fd}`));
  vi.spyOn(proto, 'write').mockImplementation(function (this: Handle, ...args: unknown[]) {
    const file = name(this);
    if (SEGMENT.test(file) || /^\.(wal-spare-\d+|wal-\d{12}\.json)\.tmp$/.test(file)) events.push(`write ${file}`);
    return (write as (...a: unknown[]) => ReturnType<Handle['write']>).apply(this, args) as never;
  });
  vi.spyOn(proto, 'datasync').mockImplementation(async function (this: Handle) {
    const file = name(this);
    if (!SEGMENT.test(file) || !state.hold) return datasync.call(this);
    events.push(`sync ${file}`);
    await new Promise<void>((release, fail) => syncs.push({ file, release, fail }));
    await datasync.call(this);
    state.synced++;
  });
  return { events, syncs, state };
}

/** Appends a group of `n` intents named after `tag`, recording its answer in `events`. */
function append(wal: WriteAheadLog, events: string[], tag: string, n = 1): Promise<void> {
  const changes = Array.from({ length: n }, (_, k) => putIntent(intent(`${tag}${k}`, 'm1', `K-${tag}${k}`)));
  return wal.append(changes).then(
    () => void events.push(`answered ${tag}`),
    (err: Error) => {
      events.push(`refused ${tag}`);
      throw err;
    },
  );
}

async function logIn(dir: string, seq: number): Promise<string[]> {
  const text = await readFile(join(dir, `wal-${String(seq).padStart(12, '0')}.json`), 'utf8');
  return (JSON.parse(text) as { changes: Array<{ value: { id: string } }> }).changes.map((c) => c.value.id);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the log keeps two groups in flight', () => {
  it('writes the next group while the one before it syncs, answers them in order, and holds a third back', async () => {
    const dir = await tempDir();
    const wal = new WriteAheadLog(dir, 1000);
    const { events, syncs, state } = watchLog();
    await append(wal, events, 'a'); // the segment's first write: it names the file
    state.hold = true;
    const b = append(wal, events, 'b');
    await eventually(() => syncs.length === 1);
    const c = append(wal, events, 'c');
    // c is written and syncing while b's sync is still under way.
    await eventually(() => syncs.length === 2);
    const d = append(wal, events, 'd');
    syncs[1]!.release(); // c's sync ends first: c still waits for b
    await eventually(() => state.synced === 1);
    expect(events).not.toContain('answered c');
    syncs[0]!.release();
    await Promise.all([b, c]);
    // d went down only once b was answered: never three groups in flight.
    await eventually(() => syncs.length === 3);
    syncs[2]!.release();
    await d;
    await wal.close();
    const seen = events.slice(events.indexOf('answered a'));
    const bAnswered = seen.indexOf('answered b');
    expect(seen.slice(0, bAnswered + 1)).toEqual([
      'answered a',
      'write wal-000000000001.json',
      'sync wal-000000000001.json',
      'write wal-000000000001.json',
      'sync wal-000000000001.json',
      'answered b',
    ]);
    // Then c is answered, and d, begun once b was answered, is written, synced and answered.
    const rest = seen.slice(bAnswered + 1);
    expect([...rest].sort()).toEqual(['answered c', 'answered d', 'sync wal-000000000001.json', 'write wal-000000000001.json']);
    expect(rest.filter((e) => e !== 'answered c')).toEqual(['write wal-000000000001.json', 'sync wal-000000000001.json', 'answered d']);
    expect(await logIn(dir, 1)).toEqual(['a0', 'b0', 'c0', 'd0']);
  });

  it('never overlaps the move to the next segment: a group after a full one waits for it and goes to the next file', async () => {
    const dir = await tempDir();
    const wal = new WriteAheadLog(dir, 3);
    const { events, syncs, state } = watchLog();
    await append(wal, events, 'a');
    state.hold = true;
    const b = append(wal, events, 'b', 2); // fills the segment (three changes)
    await eventually(() => syncs.length === 1);
    const c = append(wal, events, 'c');
    syncs[0]!.release();
    await Promise.all([b, c]);
    await wal.close();
    // c's first write (to a spare, or a temporary file, which then takes the next segment's name) came after
    // b was answered.
    const afterB = events.slice(events.indexOf('sync wal-000000000001.json') + 1);
    expect(afterB[0]).toBe('answered b');
    expect(afterB[1]).toMatch(/^write \.(wal-spare-\d+|wal-000000000002\.json)\.tmp$/);
    expect(await logIn(dir, 1)).toEqual(['a0', 'b0', 'b1']);
    expect(await logIn(dir, 2)).toEqual(['c0']);
    expect((await readdir(dir)).filter((f) => SEGMENT.test(f))).toHaveLength(2);
  });

  it('refuses a group that followed a failed one even when its own sync succeeded, and every later append', async () => {
    const dir = await tempDir();
    const wal = new WriteAheadLog(dir, 1000);
    const { events, syncs, state } = watchLog();
    await append(wal, events, 'a');
    state.hold = true;
    const b = append(wal, events, 'b');
    await eventually(() => syncs.length === 1);
    const c = append(wal, events, 'c');
    await eventually(() => syncs.length === 2);
    syncs[1]!.release(); // c's own sync succeeds
    syncs[0]!.fail(new Error('EIO: b could not be synced'));
    await expect(b).rejects.toThrow(/b could not be synced/);
    await expect(c).rejects.toThrow(/b could not be synced/);
    expect(wal.failed).toBe(true);
    await expect(append(wal, events, 'd')).rejects.toThrow(/b could not be synced/);
    expect(events.filter((e) => e.startsWith('answered') || e.startsWith('refused'))).toEqual(['answered a', 'refused b', 'refused c', 'refused d']);
    await wal.close();
  });

  it('a seal (a compaction) while two groups are in flight closes the segment once both are answered', async () => {
    const dir = await tempDir();
    const wal = new WriteAheadLog(dir, 1000);
    const { events, syncs, state } = watchLog();
    await append(wal, events, 'a');
    state.hold = true;
    const b = append(wal, events, 'b');
    await eventually(() => syncs.length === 1);
    const c = append(wal, events, 'c');
    await eventually(() => syncs.length === 2);
    const closed = vi.spyOn(AppendOnlyJsonFile.prototype, 'close');
    const { through, done } = wal.seal();
    expect(through).toBe(1);
    let sealed = false;
    void done.then(() => (sealed = true));
    syncs[0]!.release();
    await b;
    expect(sealed).toBe(false); // c is still being written to it
    expect(closed).not.toHaveBeenCalled();
    syncs[1]!.release();
    await c;
    await done;
    expect(closed).toHaveBeenCalledOnce();
    state.hold = false;
    await append(wal, events, 'd'); // the next segment
    await wal.close();
    expect(await logIn(dir, 1)).toEqual(['a0', 'b0', 'c0']);
    expect(await logIn(dir, 2)).toEqual(['d0']);
  });
});
