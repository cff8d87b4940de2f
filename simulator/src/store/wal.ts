// The write-ahead log: segments wal-<seq>.json, each a lowdb document that only grows (append-file.ts).
// Commits that arrive while a write is under way wait and go together into the next one (group commit):
// one append and one fdatasync serve them all, so what a commit costs does not grow with what is stored.
// A segment that holds enough is sealed and the next one begun; sealed segments stay until a compaction
// folds them into the chunks and removes them (docs/decisions/0056).
import { open, readdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { AppendOnlyJsonFile, type Segment } from './append-file.js';
import { removeIfPresent, syncFolder } from './durable-file.js';
import type { Change } from './store.js';

export const STORE_FORMAT = 2;

/** Most changes one append takes: a burst is split rather than stringified in one long block. */
const MAX_GROUP_CHANGES = 2000;
/** The size of a spare segment; a segment is sealed before it outgrows it. */
export const SEGMENT_BYTES = 8 * 1024 * 1024;
/**
 * A spare is written and synced this much at a time. In one 8 MiB sync (15 to 50 ms of the disk) the log's
 * groups that fell meanwhile waited behind it: 256 KiB steps took the create p99 from 12.0 to 8.8 ms
 * (512 KiB: 12.3 to 9.3, 1 MiB: 12.8 to 10.8; alternating pairs, docs/decisions/0056).
 */
const SPACES = Buffer.alloc(256 * 1024, 0x20);
const WAL_RE = /^wal-(\d+)\.json$/;

interface Waiting {
  changes: Change[];
  resolve: () => void;
  reject: (err: Error) => void;
}

interface Active {
  seq: number;
  file: AppendOnlyJsonFile;
  db: Low<Segment>;
  /** Set when a compaction sealed it while a write to it was under way. */
  sealed?: () => void;
}

export class WriteAheadLog {
  private pending: Waiting[] = [];
  private writing: Promise<void> | null = null;
  private failure: Error | null = null;
  private active: Active | null = null;
  private busy: Active | null = null;
  private lastSeq = 0;
  /** Segments on disk that no longer take writes, oldest first. */
  private readonly sealedSeqs: number[] = [];
  private spare: string | null = null;
  private preparing: Promise<void> | null = null;
  /** The closing of the segment last sealed by a roll-over (a close waits for it). */
  private sealing: Promise<void> | null = null;
  private spares = 0;
  private closed = false;

  constructor(
    private readonly dir: string,
    /** Changes a segment takes at most (it is also sealed once it nearly fills its spare). */
    private readonly segmentChanges: number,
  ) {}

  /**
   * Replays the segments newer than `after` (older ones are in the chunks already), oldest first. Those older
   * ones are removed, unless `readOnly` (another process may own the folder).
   */
  async load(after: number, apply: (change: Change) => void, { readOnly = false } = {}): Promise<void> {
    const numbers = (await readdir(this.dir))
      .map((f) => WAL_RE.exec(f)?.[1])
      .filter((n): n is string => n !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
    for (const seq of numbers) {
      if (seq <= after) {
        if (!readOnly) await removeIfPresent(this.file(seq)); // folded in by a compaction that stopped before tidying up
        continue;
      }
      const db = new Low<Segment>(new AppendOnlyJsonFile(this.file(seq)), { version: STORE_FORMAT, seq, changes: [] });
      await db.read();
      const segment = db.data as Segment | null;
      if (!segment || !Array.isArray(segment.changes)) throw new Error(`${this.file(seq)} is not a store log segment (no "changes" list)`);
      for (const change of segment.changes) apply(change);
      this.sealedSeqs.push(seq);
    }
    this.lastSeq = Math.max(after, numbers.at(-1) ?? 0);
  }

  /** Resolves once the changes are in a segment on disk. */
  append(changes: Change[]): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.push({ changes, resolve, reject });
      this.writing ??= this.drain();
    });
  }

  /**
   * Seals the segment being written: later commits go to the next one. Returns the newest sealed
   * sequence number (every change applied so far is in a segment up to it, or still pending) and a
   * promise of the moment everything up to it is on disk.
   */
  seal(): { through: number; done: Promise<void> } {
    const active = this.active;
    this.active = null;
    if (!active) return { through: this.lastSeq, done: this.failure ? Promise.reject(this.failure) : Promise.resolve() };
    this.sealedSeqs.push(active.seq);
    if (this.busy !== active) return { through: active.seq, done: active.file.close() };
    return { through: active.seq, done: new Promise((resolve) => (active.sealed = resolve)) };
  }

  /** Seals the segment being written, so that the next write begins the next segment (from a spare). */
  private rollOver(): void {
    this.sealing = this.seal().done.catch((err: Error) => this.fail(err));
  }

  /** Segments (sealed or not) holding changes not yet folded into the chunks. */
  get segments(): number {
    return this.sealedSeqs.length + (this.active ? 1 : 0);
  }

  /** Removes the sealed segments up to `seq` (their changes are in the chunks now). */
  async removeThrough(seq: number): Promise<void> {
    while (this.sealedSeqs.length > 0 && this.sealedSeqs[0]! <= seq) await removeIfPresent(this.file(this.sealedSeqs.shift()!));
    await syncFolder(this.dir);
  }

  get failed(): boolean {
    return this.failure !== null;
  }

  async idle(): Promise<void> {
    while (this.writing) await this.writing;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.idle();
    await this.sealing;
    await this.active?.file.close();
    await this.preparing;
    if (this.spare) await removeIfPresent(this.spare);
    this.spare = null;
  }

  /** Stops every later write: a log with a hole in it must not go on as if nothing happened. */
  fail(err: Error): void {
    this.failure ??= err;
    for (const w of this.pending.splice(0)) w.reject(this.failure);
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending.length > 0 && !this.failure) await this.writeGroup(this.takeGroup());
    } finally {
      // Whatever happened, the next append starts a drain of its own: a log never waits on a finished one.
      this.writing = null;
    }
  }

  /**
   * Writes one group and answers its commits. A failure (the write, or the closing of a segment a compaction
   * sealed meanwhile) fails the log: every later commit is refused at once, never left waiting.
   */
  private async writeGroup(group: Waiting[]): Promise<void> {
    const target = (this.active ??= this.open(++this.lastSeq));
    this.busy = target;
    let durable = false;
    let error: Error | null = null;
    try {
      const created = target.file.written === 0;
      target.db.data.changes = forAppend(group);
      await target.db.write();
      target.db.data.changes = [];
      if (created) {
        await syncFolder(this.dir); // the new file's name is durable too
        // Prepared once writing has begun (not at start, where it would slow the start down), so a
        // simulator that writes has a spare ready by the time it rolls over to its next segment.
        this.prepareSpare();
      }
      durable = true;
    } catch (err) {
      error = err as Error;
    }
    this.busy = null;
    if (target.sealed) {
      try {
        await target.file.close();
      } catch (err) {
        error ??= err as Error;
      } finally {
        target.sealed();
      }
    }
    if (error) this.fail(error);
    // A group whose append is synced is on disk, whatever failed after it: its commits are told so. One whose
    // append failed is refused (a later start reads the log up to the last complete group).
    for (const w of group) {
      if (durable) w.resolve();
      else w.reject(error!);
    }
    if (error || this.active !== target) return;
    const full = target.file.written >= this.segmentChanges || target.file.size >= SEGMENT_BYTES - 1024 * 1024;
    // A segment begun without a spare (the first after a start) is left as soon as a spare is ready: a sync of
    // a file that grows waits for the file system's journal too (10 to 100 ms here under load, against 4 to 6
    // for one over a spare's spaces), and the first segment used to take seconds of writes to fill.
    if (full || (target.file.grows && this.spare !== null)) this.rollOver();
  }

  private open(seq: number): Active {
    const file = new AppendOnlyJsonFile(this.file(seq), (change) => this.line(change));
    // Without a spare ready (the first segment after a start) the segment grows as it is written.
    file.adopt(this.spare);
    this.spare = null;
    return { seq, file, db: new Low<Segment>(file, { version: STORE_FORMAT, seq, changes: [] }) };
  }

  /** Prepares the next segment's file in the background: SEGMENT_BYTES of spaces, synced, then named ready. */
  private prepareSpare(): void {
    if (this.spare || this.preparing || this.closed || this.failure) return;
    const n = ++this.spares;
    const filling = join(this.dir, `.wal-spare-${n}.filling.tmp`);
    const ready = join(this.dir, `.wal-spare-${n}.tmp`);
    this.preparing = (async () => {
      const handle = await open(filling, 'wx');
      try {
        // Synced a step at a time: the log's own fdatasync then never queues behind megabytes of spaces.
        for (let at = 0; at < SEGMENT_BYTES; at += SPACES.length) {
          await handle.write(SPACES, 0, SPACES.length, at);
          await handle.datasync();
        }
      } finally {
        await handle.close();
      }
      await rename(filling, ready);
      if (this.closed) await removeIfPresent(ready);
      else this.spare = ready;
    })()
      // No spare (a full disk, say): the next segment grows as it is written instead, which still works.
      .catch(async () => {
        await Promise.all([removeIfPresent(filling), removeIfPresent(ready)]).catch(() => {});
      })
      .finally(() => (this.preparing = null));
  }

  private line(change: Change): string {
    if (!('value' in change)) return JSON.stringify(change);
    return `{"collection":"${change.collection}","value":${JSON.stringify(change.value)}}`;
  }

  private takeGroup(): Waiting[] {
    let count = 0;
    let n = 0;
    while (n < this.pending.length && (n === 0 || count + this.pending[n]!.changes.length <= MAX_GROUP_CHANGES)) {
      count += this.pending[n]!.changes.length;
      n++;
    }
    return this.pending.splice(0, n);
  }

  private file(seq: number): string {
    return join(this.dir, `wal-${String(seq).padStart(12, '0')}.json`);
  }
}

/**
 * The changes of a group in commit order, except that each meta record (the id ceilings a commit carries
 * when one of its ids opened a new reserved block: domain/ids.ts) is written once, in its latest version,
 * first: a log cut short inside the group then still holds ceilings at least as far as every id in what it
 * kept, so no id is ever handed out twice.
 */
function forAppend(group: Waiting[]): Change[] {
  const meta = new Map<string, Change>();
  const rest: Change[] = [];
  for (const w of group) {
    for (const c of w.changes) {
      if (c.collection === 'meta' && 'value' in c) meta.set(c.value.id, c);
      else rest.push(c);
    }
  }
  return meta.size === 0 ? rest : [...meta.values(), ...rest];
}
