// The persisted store, in DATA_DIR/store as lowdb files: a write-ahead log that groups concurrent commits
// into one append (wal.ts), folded into chunks of records (chunks.ts) once it holds enough superseded
// versions to be worth rewriting. A commit resolves only once its append is fdatasync'ed, so an answered
// write survives a crash; what a write costs does not grow with what is stored; a start reads the chunks and
// the log written since the last compaction.
// Design and measurements: docs/decisions/0050-store-log-and-pages.md, 0056-fold-superseded-versions.md.
import { existsSync } from 'node:fs';
import { mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import type { CollectionName } from '../domain/records.js';
import { DurableJsonFile, isTempFile, removeIfPresent, syncFolder } from './durable-file.js';
import { readLegacySegments } from './legacy-segments.js';
import { Chunks } from './chunks.js';
import { Store, type Change, type Persistence, type StoreView } from './store.js';
import { STORE_FORMAT, WriteAheadLog } from './wal.js';

export interface LowdbStoreOptions {
  /** Records per chunk file. */
  chunkSize?: number;
  /** Changes a log segment takes at most (it is also sealed once it nearly fills its spare); then the next one begins. */
  segmentChanges?: number;
  /**
   * A compaction starts once the log holds this many superseded versions (Chunks.superseded: updates,
   * removals, records dropped from memory). New records alone never start one: the log holds each once,
   * as a chunk would, and a start reads it as fast.
   */
  compactAfterSuperseded?: number;
  /** A start also compacts (in the background) when it finds more log segments than this: each run begins one. */
  compactAtStartAfterSegments?: number;
  /**
   * Reads the folder and never writes to it (no temp file removed, no compaction, every commit refused):
   * for looking into the data folder of a simulator that may be running (`littlepay-sim merchants`).
   */
  readOnly?: boolean;
}

const DEFAULTS: Required<LowdbStoreOptions> = {
  chunkSize: 500,
  segmentChanges: 50_000,
  compactAfterSuperseded: 50_000,
  compactAtStartAfterSegments: 16,
  readOnly: false,
};

interface Manifest {
  version: typeof STORE_FORMAT;
  /** Every log file up to this sequence number is folded into the chunks (and may be removed). */
  compactedThrough: number;
}

class LowdbPersistence implements Persistence {
  readonly kind = 'lowdb' as const;
  private readonly options: Required<LowdbStoreOptions>;
  private readonly wal: WriteAheadLog;
  private readonly chunks: Chunks;
  private records!: StoreView;
  private compacting: Promise<void> | null = null;
  private legacy: string[] = [];
  private closed = false;

  constructor(
    private readonly dir: string,
    options: LowdbStoreOptions,
  ) {
    this.options = { ...DEFAULTS, ...options };
    this.wal = new WriteAheadLog(dir, this.options.segmentChanges);
    this.chunks = new Chunks(dir, this.options.chunkSize);
  }

  async load(apply: (change: Change) => void, records: StoreView): Promise<void> {
    this.records = records;
    const readOnly = this.options.readOnly;
    if (readOnly && !existsSync(this.dir)) return; // nothing stored yet
    if (!readOnly) {
      await mkdir(this.dir, { recursive: true });
      // A running simulator's spare segment is a temp file too: only the folder's owner removes them.
      for (const f of await readdir(this.dir)) if (isTempFile(f)) await removeIfPresent(join(this.dir, f));
    }
    const manifest = this.manifest(0);
    await manifest.read();
    await this.chunks.load(apply);
    const replay = (change: Change) => {
      apply(change);
      this.chunks.markDirty(change);
    };
    this.legacy = await readLegacySegments(this.dir, replay);
    await this.wal.load(manifest.data?.compactedThrough ?? 0, replay, { readOnly });
    if (readOnly) return;
    // Folded in the background: a store of the first format, a log with enough superseded versions, or one
    // that many runs left a segment each in.
    if (this.legacy.length > 0 || this.chunks.superseded >= this.options.compactAfterSuperseded || this.wal.segments > this.options.compactAtStartAfterSegments)
      this.maybeCompact();
  }

  append(changes: Change[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the store is closed'));
    if (this.options.readOnly) return Promise.reject(new Error('the store was opened read-only'));
    for (const change of changes) this.chunks.markDirty(change);
    const written = this.wal.append(changes);
    if (this.chunks.superseded >= this.options.compactAfterSuperseded) this.maybeCompact();
    return written;
  }

  get failed(): boolean {
    return this.wal.failed;
  }

  forgot(collection: CollectionName, id: string): void {
    this.chunks.forgot(collection, id);
  }

  /** Folds the whole log into the chunks now (after any compaction under way). */
  async compactNow(): Promise<void> {
    await this.compacting;
    if (this.closed || this.wal.failed || this.options.readOnly) return;
    this.maybeCompact();
    await this.compacting;
  }

  /**
   * Waits for every write and any compaction under way, then closes the log (its last segment is read back
   * at the next start, like the others; a graceful stop does not fold it: docs/decisions/0056).
   */
  async close(): Promise<void> {
    this.closed = true;
    await this.wal.idle();
    await this.compacting;
    await this.wal.close();
  }

  async size(): Promise<number> {
    let total = 0;
    for (const f of await readdir(this.dir)) total += (await stat(join(this.dir, f)).catch(() => ({ size: 0 }))).size;
    return total;
  }

  private maybeCompact(): void {
    if (this.compacting || this.closed) return;
    this.compacting = this.compact()
      .catch((err: Error) => this.wal.fail(new Error(`store compaction failed: ${err.message}`)))
      .finally(() => (this.compacting = null));
  }

  /**
   * Folds the log into the chunks: seals the segment being written, rewrites the chunks the logged changes
   * touched (from the records as they are in memory now, at least as new as anything logged, each version
   * once its own write is synced: Chunks.write), records in
   * the manifest that the log is folded in up to the sealed segment, then removes the sealed segments. A
   * crash at any point leaves either the old manifest, so the log is replayed over the chunks (later
   * versions win), or the new one.
   */
  private async compact(): Promise<void> {
    // Both in the same tick: every change marked dirty so far is in a sealed segment or still pending.
    const refs = this.chunks.takeDirty();
    const { through, done } = this.wal.seal();
    for (const ref of refs) await this.chunks.write(ref, this.records);
    await done;
    if (this.wal.failed) throw new Error('the log could not be written');
    await syncFolder(this.dir);
    await this.manifest(through).write();
    await syncFolder(this.dir);
    await this.wal.removeThrough(through);
    for (const file of this.legacy.splice(0)) await removeIfPresent(join(this.dir, file));
  }

  private manifest(compactedThrough: number): Low<Manifest | null> {
    return new Low<Manifest | null>(new DurableJsonFile<Manifest | null>(join(this.dir, 'manifest.json')), { version: STORE_FORMAT, compactedThrough });
  }
}

export function createLowdbStore(dataDir: string, options: LowdbStoreOptions = {}): Store {
  return new Store(new LowdbPersistence(join(dataDir, 'store'), options));
}
