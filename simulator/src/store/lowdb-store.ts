// The persisted store, in DATA_DIR/store as lowdb files: a write-ahead log that groups concurrent commits
// into one append (wal.ts), folded from time to time into pages of records (pages.ts). A commit resolves
// only once its append is fdatasync'ed, so an answered write survives a crash; what a write costs does not
// grow with what is stored; a start reads the pages and the log written since the last compaction.
// Design and measurements: docs/decisions/0050-store-log-and-pages.md.
import { mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { DurableJsonFile, isTempFile, removeIfPresent, syncFolder } from './durable-file.js';
import { readLegacySegments } from './legacy-segments.js';
import { Pages } from './pages.js';
import { Store, type Change, type Persistence, type RecordReader } from './store.js';
import { SEGMENT_BYTES, STORE_FORMAT, WriteAheadLog } from './wal.js';

export interface LowdbStoreOptions {
  /** Records per page file. */
  pageSize?: number;
  /** A compaction starts once the segment being written holds this many changes (or nearly fills its spare)... */
  compactAfterChanges?: number;
  /** ...or was first written this long ago: a quiet simulator does not keep a day of changes in its log. */
  compactAfterMs?: number;
}

export const DEFAULTS: Required<LowdbStoreOptions> = { pageSize: 500, compactAfterChanges: 50_000, compactAfterMs: 60_000 };

interface Manifest {
  version: typeof STORE_FORMAT;
  /** Every log file up to this sequence number is folded into the pages (and may be removed). */
  compactedThrough: number;
}

class LowdbPersistence implements Persistence {
  readonly kind = 'lowdb' as const;
  private readonly options: Required<LowdbStoreOptions>;
  private readonly wal: WriteAheadLog;
  private readonly pages: Pages;
  private records!: RecordReader;
  private compacting: Promise<void> | null = null;
  private legacy: string[] = [];
  private closed = false;

  constructor(
    private readonly dir: string,
    options: LowdbStoreOptions,
  ) {
    this.options = { ...DEFAULTS, ...options };
    this.wal = new WriteAheadLog(dir, (changes, bytes, ageMs) => {
      const o = this.options;
      if (changes >= o.compactAfterChanges || bytes >= SEGMENT_BYTES - 1024 * 1024 || ageMs >= o.compactAfterMs) this.maybeCompact();
    });
    this.pages = new Pages(dir, this.options.pageSize);
  }

  async load(apply: (change: Change) => void, records: RecordReader): Promise<void> {
    this.records = records;
    await mkdir(this.dir, { recursive: true });
    for (const f of await readdir(this.dir)) if (isTempFile(f)) await removeIfPresent(join(this.dir, f));
    const manifest = this.manifest(0);
    await manifest.read();
    await this.pages.load(apply);
    const replay = (change: Change) => {
      apply(change);
      this.pages.markDirty(change);
    };
    this.legacy = await readLegacySegments(this.dir, replay);
    await this.wal.load(manifest.data?.compactedThrough ?? 0, replay);
    // What the last run left in the log (it stopped without closing) is folded in the background.
    if (this.wal.segments > 0 || this.legacy.length > 0) this.maybeCompact();
  }

  append(changes: Change[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the store is closed'));
    for (const change of changes) this.pages.markDirty(change);
    return this.wal.append(changes);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.wal.idle();
    await this.compacting;
    // Leave the next start nothing to replay. After a write failure the log is the only record: keep it.
    if (!this.wal.failed && (this.wal.segments > 0 || this.legacy.length > 0 || this.pages.hasDirty)) await this.compact();
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
   * Folds the log into the pages: seals the segment being written, rewrites the pages the logged changes
   * touched (from the records as they are in memory now, at least as new as anything logged), records in
   * the manifest that the log is folded in up to the sealed segment, then removes the sealed segments. A
   * crash at any point leaves either the old manifest, so the log is replayed over the pages (later
   * versions win), or the new one.
   */
  private async compact(): Promise<void> {
    // Both in the same tick: every change marked dirty so far is in a sealed segment or still pending.
    const refs = this.pages.takeDirty();
    const { through, done } = this.wal.seal();
    for (const ref of refs) await this.pages.write(ref, this.records);
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
