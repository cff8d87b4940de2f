// The write-ahead log: every group of commits becomes one small lowdb file, wal-<seq>.json, written once
// and never rewritten, so the cost of a write depends on what is written, not on what is stored. Commits
// that arrive while a file is being written wait and go together into the next one (group commit): one
// fsync serves them all. Files are removed once a compaction has folded them into the pages.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { DurableJsonFile, jsonWithListPerLine, removeIfPresent, syncFolder } from './durable-file.js';
import type { Change } from './store.js';

export const STORE_FORMAT = 2;

interface WalFile {
  version: typeof STORE_FORMAT;
  seq: number;
  changes: Change[];
}

/** Most changes one log file takes: a burst is split rather than stringified in one long block. */
const MAX_GROUP_CHANGES = 2000;
const WAL_RE = /^wal-(\d+)\.json$/;

interface Waiting {
  changes: Change[];
  resolve: () => void;
  reject: (err: Error) => void;
}

export class WriteAheadLog {
  private pending: Waiting[] = [];
  private writing: Promise<void> | null = null;
  private failure: Error | null = null;
  /** Sequence number of the newest file started, and of the newest one known to be on disk. */
  private lastSeq = 0;
  private durableSeq = 0;
  private readonly onDisk: Array<{ seq: number; changes: number }> = [];
  private changesOnDisk = 0;
  private readonly durableWaiters: Array<{ seq: number; done: (err?: Error) => void }> = [];

  constructor(
    private readonly dir: string,
    private readonly afterWrite: () => void,
  ) {}

  /** Replays the log files newer than `after` (older ones are already in the pages), oldest first. */
  async load(after: number, apply: (change: Change) => void): Promise<void> {
    const numbers = (await readdir(this.dir))
      .map((f) => WAL_RE.exec(f)?.[1])
      .filter((n): n is string => n !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
    for (const seq of numbers) {
      if (seq <= after) {
        await removeIfPresent(this.file(seq)); // folded in by a compaction that stopped before tidying up
        continue;
      }
      const db = new Low<WalFile | null>(new DurableJsonFile(this.file(seq)), null);
      await db.read();
      if (!db.data || !Array.isArray(db.data.changes)) throw new Error(`${this.file(seq)} is not a store log file (no "changes" list)`);
      for (const change of db.data.changes) apply(change);
      this.onDisk.push({ seq, changes: db.data.changes.length });
      this.changesOnDisk += db.data.changes.length;
    }
    this.lastSeq = this.durableSeq = Math.max(after, numbers.at(-1) ?? 0);
  }

  /** Resolves once the changes are in a log file on disk. */
  append(changes: Change[]): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.push({ changes, resolve, reject });
      this.writing ??= this.drain();
    });
  }

  /** How much a compaction would fold in: log files on disk and the changes in them. */
  get backlog(): { files: number; changes: number } {
    return { files: this.onDisk.length, changes: this.changesOnDisk };
  }

  /** The sequence number of the newest file started: every change applied so far is in it or earlier, or pending. */
  get newestSeq(): number {
    return this.lastSeq;
  }

  /** Resolves when every file up to `seq` is on disk. */
  durableThrough(seq: number): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.durableSeq >= seq) return Promise.resolve();
    return new Promise((resolve, reject) => this.durableWaiters.push({ seq, done: (err) => (err ? reject(err) : resolve()) }));
  }

  /** Removes the files up to `seq` (their changes are in the pages now). */
  async removeThrough(seq: number): Promise<void> {
    while (this.onDisk.length > 0 && this.onDisk[0]!.seq <= seq) {
      const done = this.onDisk.shift()!;
      this.changesOnDisk -= done.changes;
      await removeIfPresent(this.file(done.seq));
    }
    await syncFolder(this.dir);
  }

  get failed(): boolean {
    return this.failure !== null;
  }

  async idle(): Promise<void> {
    while (this.writing) await this.writing;
  }

  /** Stops every later write: a log with a hole in it must not go on as if nothing happened. */
  fail(err: Error): void {
    this.failure ??= err;
    for (const w of this.pending.splice(0)) w.reject(this.failure);
    for (const w of this.durableWaiters.splice(0)) w.done(this.failure);
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0 && !this.failure) {
      const group = this.takeGroup();
      const changes = group.length === 1 ? group[0]!.changes : group.flatMap((w) => w.changes);
      const seq = ++this.lastSeq;
      try {
        const db = new Low<WalFile>(new DurableJsonFile(this.file(seq), (d) => jsonWithListPerLine({ version: d.version, seq: d.seq }, 'changes', d.changes)), { version: STORE_FORMAT, seq, changes });
        await db.write();
        await syncFolder(this.dir);
      } catch (err) {
        for (const w of group) w.reject(err as Error);
        this.fail(err as Error);
        break;
      }
      this.onDisk.push({ seq, changes: changes.length });
      this.changesOnDisk += changes.length;
      this.durableSeq = seq;
      for (const w of group) w.resolve();
      this.wakeDurable();
      this.afterWrite();
    }
    this.writing = null;
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

  private wakeDurable(): void {
    for (let i = this.durableWaiters.length - 1; i >= 0; i--) {
      const w = this.durableWaiters[i]!;
      if (w.seq <= this.durableSeq) {
        this.durableWaiters.splice(i, 1);
        w.done();
      }
    }
  }

  private file(seq: number): string {
    return join(this.dir, `wal-${String(seq).padStart(12, '0')}.json`);
  }
}
