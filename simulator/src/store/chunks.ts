// The chunks: the compacted store, as lowdb files of at most `chunkSize` records of one collection each.
// A record stays in the chunk it was first put in, and chunks fill in the order records are created, so
// what a compaction rewrites is the few chunks that recent writes touched (new records land in the newest
// chunk) rather than everything stored. "Page" is the word of the HTML pages (checkout, 3-D Secure,
// console); the files keep the name they were first written with, page-<collection>-<n>.json, so that
// every data folder written before reads as it did (docs/decisions/0114-one-name-one-meaning.md).
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import type { CollectionName, Collections } from '../domain/records.js';
import { DurableJsonFile, jsonWithListPerLine, removeIfPresent } from './durable-file.js';
import { changedId, type Change, type RecordReader, type StoreView } from './store.js';
import { STORE_FORMAT } from './wal.js';

interface ChunkFile {
  version: typeof STORE_FORMAT;
  collection: CollectionName;
  records: Array<Collections[CollectionName]>;
}

const CHUNK_FILE_RE = /^page-([A-Za-z]+)-(\d+)\.json$/;
/** Every collection of records.ts: a record of one missing here could not be stored in a chunk (the compile checks the list is complete). */
const ALL: { [C in CollectionName]: true } = {
  merchants: true,
  intents: true,
  callbacks: true,
  inbox: true,
  meta: true,
  callbackSettings: true,
  callbackChecks: true,
  controls: true,
  tokens: true,
};
const COLLECTIONS: readonly CollectionName[] = Object.keys(ALL) as CollectionName[];

interface Book {
  chunkOf: Map<string, number>;
  members: Map<number, Set<string>>;
  newest: number;
  /** Chunks that changes since the last compaction began touched: a record's chunk is found (or given) as it changes. */
  touched: Set<number>;
  /** Chunks to rewrite whatever changes (one that still holds a record that moved on). */
  stale: Set<number>;
  /** The chunk the last change put into `touched` (0: none since the last compaction began). */
  lastTouched: number;
}

export interface ChunkRef {
  collection: CollectionName;
  chunk: number;
}

export class Chunks {
  /**
   * Versions the files hold that are no longer the latest since the last compaction began: changes that
   * replaced or removed a record stored before (in a chunk or earlier in the log), and records dropped from
   * memory. What a compaction would save; a new record costs it nothing (docs/decisions/0056).
   */
  superseded = 0;
  private readonly books = Object.fromEntries(
    COLLECTIONS.map((c) => [
      c,
      { chunkOf: new Map(), members: new Map(), newest: 0, touched: new Set<number>(), stale: new Set<number>(), lastTouched: 0 } satisfies Book,
    ]),
  ) as Record<CollectionName, Book>;

  constructor(
    private readonly dir: string,
    private readonly chunkSize: number,
  ) {}

  /** Reads every chunk, applying each record as a put. */
  async load(apply: (change: Change) => void): Promise<void> {
    // In chunk order, so that what `place` decides does not depend on the order readdir lists files in.
    const files = (await readdir(this.dir))
      .map((f) => CHUNK_FILE_RE.exec(f))
      .filter((m): m is RegExpExecArray => m !== null)
      .sort((a, b) => (a[1]! === b[1]! ? Number(a[2]) - Number(b[2]) : a[1]! < b[1]! ? -1 : 1));
    for (const [file, collection = '', n = ''] of files) {
      const book = this.books[collection as CollectionName];
      if (!book) throw new Error(`${join(this.dir, file)}: unknown collection "${collection}"`);
      const chunk = Number(n);
      const db = new Low<ChunkFile | null>(new DurableJsonFile(join(this.dir, file)), null);
      await db.read();
      if (!db.data || !Array.isArray(db.data.records)) throw new Error(`${join(this.dir, file)} is not a store chunk (no "records" list)`);
      const members = new Set<string>();
      for (const value of db.data.records) {
        apply({ collection, value } as Change);
        this.place(book, value.id, chunk, members);
      }
      book.members.set(chunk, members);
      book.newest = Math.max(book.newest, chunk);
    }
  }

  /**
   * Notes the chunk a change touches: a new record is given its chunk now (the newest one while it has room),
   * a removed one leaves its chunk. Done as each change is logged, a little at a time, so that starting a
   * compaction does not walk every id changed since the last one in one go (tens of thousands under load:
   * milliseconds during which no request is answered).
   */
  markDirty(change: Change): void {
    const book = this.books[change.collection];
    const id = changedId(change);
    const chunk = book.chunkOf.get(id);
    if ('value' in change) {
      if (chunk !== undefined) this.superseded++;
      const touched = chunk ?? this.assign(book, id);
      // Under load most changes touch the chunk the one before touched (new records fill the newest).
      if (touched !== book.lastTouched) {
        book.touched.add(touched);
        book.lastTouched = touched;
      }
    } else if (chunk !== undefined) {
      this.superseded++;
      book.chunkOf.delete(id);
      book.members.get(chunk)?.delete(id);
      book.touched.add(chunk);
    }
  }

  /** A record dropped from memory only (Store.forget): its chunk is rewritten without it at the next compaction. */
  forgot(collection: CollectionName, id: string): void {
    const book = this.books[collection];
    const chunk = book.chunkOf.get(id);
    if (chunk === undefined) return;
    this.superseded++;
    book.touched.add(chunk);
  }

  /** Starts a compaction: the chunks touched since the last one, in order. */
  takeDirty(): ChunkRef[] {
    this.superseded = 0;
    const out: ChunkRef[] = [];
    for (const collection of COLLECTIONS) {
      const book = this.books[collection];
      const chunks = new Set<number>([...book.stale, ...book.touched]);
      book.stale = new Set();
      book.touched = new Set();
      book.lastTouched = 0;
      for (const chunk of [...chunks].sort((a, b) => a - b)) out.push({ collection, chunk });
    }
    return out;
  }

  /**
   * Writes one chunk from the records as they are now (an empty chunk's file is removed), once every version
   * in it is on disk. Memory runs ahead of the log by the writes under way, and a chunk is read at every
   * start whatever the manifest says: folding a version whose group is not synced yet would let a crash
   * bring back a change nobody was answered for, or an id beyond the ceilings the log kept (then handed
   * out twice). A removal under way is waited for before the chunk is read, for the same reason.
   */
  async write(ref: ChunkRef, records: StoreView): Promise<void> {
    await records.removalsLanded();
    const list = this.read(ref, records.get);
    for (const value of list) {
      const landing = records.landed(value);
      // Rejected: the log failed, and the compaction with it (no chunk is written from a failed write).
      if (landing) await landing;
    }
    const path = join(this.dir, chunkFileName(ref));
    if (list.length === 0) {
      this.books[ref.collection].members.delete(ref.chunk);
      await removeIfPresent(path);
      return;
    }
    const text = await jsonWithListPerLine({ version: STORE_FORMAT, collection: ref.collection }, 'records', list);
    const db = new Low<ChunkFile>(new DurableJsonFile(path, () => text), { version: STORE_FORMAT, collection: ref.collection, records: list });
    await db.write();
  }

  /** The records of a chunk as they are in memory now; one dropped from memory only leaves the chunk. */
  private read(ref: ChunkRef, records: RecordReader): Array<Collections[CollectionName]> {
    const book = this.books[ref.collection];
    const ids = book.members.get(ref.chunk) ?? new Set<string>();
    const list: Array<Collections[CollectionName]> = [];
    for (const id of ids) {
      const value = records(ref.collection, id);
      if (value !== undefined) {
        list.push(value);
      } else {
        // Dropped from memory only (Store.forget: a delivered callback, an old inbox entry): it leaves
        // its chunk now, the file and the book alike.
        ids.delete(id);
        book.chunkOf.delete(id);
      }
    }
    return list;
  }

  private assign(book: Book, id: string): number {
    let chunk = book.newest;
    let members = book.members.get(chunk);
    if (chunk === 0 || (members?.size ?? 0) >= this.chunkSize) {
      chunk = ++book.newest;
      members = undefined;
    }
    if (!members) book.members.set(chunk, (members = new Set()));
    members.add(id);
    book.chunkOf.set(id, chunk);
    return chunk;
  }

  /**
   * A record is only ever given one chunk, so it cannot be in two unless a file was copied in by hand;
   * then the later chunk wins and the earlier one is rewritten without it at the next compaction.
   */
  private place(book: Book, id: string, chunk: number, members: Set<string>): void {
    const earlier = book.chunkOf.get(id);
    if (earlier !== undefined && earlier !== chunk) {
      book.members.get(earlier)?.delete(id);
      book.stale.add(earlier);
      this.superseded++;
    }
    book.chunkOf.set(id, chunk);
    members.add(id);
  }
}

const chunkFileName = (ref: ChunkRef): string => `page-${ref.collection}-${String(ref.chunk).padStart(6, '0')}.json`;
