// The Store: every record lives in memory (reads are synchronous and cheap) and every write goes
// through commit(), which makes it visible at once and resolves only when it is durable. Memory can
// therefore run ahead of the disk by the writes under way; an answer never does: a commit's caller answers
// after it resolves, and an answer built from a read (a same-key retry, a status read, a long poll's result)
// first waits for that record's write when it is still under way (landed). The memory and lowdb stores
// differ only in their Persistence, and pass one shared test suite (docs/decisions/0005-store.md).
import type { CollectionName, Collections, IntentRecord } from '../domain/records.js';
import { cloneRecord } from '../runtime/clone.js';

export type Put = { [C in CollectionName]: { collection: C; value: Collections[C] } }[CollectionName];
/** Deletes the record with this id (nothing happens when there is none). */
export interface Removal {
  collection: CollectionName;
  remove: string;
}
/** What a commit is made of: a whole record to store (replacing any earlier version), or a removal. */
export type Change = Put | Removal;

/** Reads the store's current version of a record (a persistence writes snapshots from it). */
export type RecordReader = <C extends CollectionName>(collection: C, id: string) => Collections[C] | undefined;

/** Told of every change as it is applied (`old`: the record it replaced or removed, if any). */
export type ChangeObserver = (change: Change, old: Collections[CollectionName] | undefined) => void;
/**
 * What a persistence reads back from the store: the current records, and whether their writes are on disk
 * (a compaction folds only versions that are: a chunk must never hold what a crash could still take back).
 */
export interface StoreView {
  get: RecordReader;
  /** Resolves once this version of a record is on disk; undefined when it is already (Store.landed). */
  landed(record: object): Promise<void> | undefined;
  /** Resolves once every removal under way is on disk (or has failed). */
  removalsLanded(): Promise<void>;
}

export const changedId = (change: Change): string => ('value' in change ? change.value.id : change.remove);

export interface Persistence {
  readonly kind: 'memory' | 'lowdb';
  /** Replays what is stored, oldest first, through `apply` (a later change of an id replaces an earlier one). */
  load(apply: (change: Change) => void, records: StoreView): Promise<void>;
  /** Resolves once the changes are on disk. Appends land in the order they were made (idle() relies on it). */
  append(changes: Change[]): Promise<void>;
  /** A record was dropped from memory only (Store.forget): the files may let it go too. */
  forgot(collection: CollectionName, id: string): void;
  /** Tidies the files now (the lowdb store folds its log into its chunks). */
  compactNow(): Promise<void>;
  /** Waits for every write under way, then closes the files (the next start reads them back). */
  close(): Promise<void>;
  /** Bytes on disk (0 for memory). */
  size(): Promise<number>;
  /** Set once the files cannot be written (a failed append, compaction or segment close): every later commit is refused. */
  readonly failed: boolean;
}

export class Store {
  private readonly tables: { [C in CollectionName]: Map<string, Collections[C]> } = {
    merchants: new Map(),
    intents: new Map(),
    callbacks: new Map(),
    inbox: new Map(),
    meta: new Map(),
    callbackSettings: new Map(),
    callbackChecks: new Map(),
    controls: new Map(),
    tokens: new Map(),
  };
  /** How many changes each collection has had: an index built from a collection knows when it is stale. */
  private readonly changes: Record<CollectionName, number> = {
    merchants: 0,
    intents: 0,
    callbacks: 0,
    inbox: 0,
    meta: 0,
    callbackSettings: 0,
    callbackChecks: 0,
    controls: 0,
    tokens: 0,
  };
  /** intents by merchant id, then by the merchant's key (no key string built per lookup) */
  private readonly intentsByKey = new Map<string, Map<string, IntentRecord>>();
  private readonly observers: ChangeObserver[] = [];
  private failure: Error | null = null;
  private opened = false;
  /** Commits whose write is under way: a count, as cheap as the commit path wants. */
  private writes = 0;
  /** The write of the latest commit: appends land in order, so once it has, every earlier one has too. */
  private lastWrite: Promise<void> = Promise.resolve();
  /**
   * The record versions whose write is under way, each with that write: only those (an entry goes when its
   * write ends), so the table stays as small as the writes in flight. Keyed by the stored object itself: a
   * lookup hashes no key string, and a version replaced meanwhile is simply never asked about again.
   */
  private readonly landing = new Map<object, Promise<void>>();
  /** The writes of commits with a removal in them, under way (rare: resets and tidying, never a request's write). */
  private readonly removing = new Set<Promise<void>>();

  constructor(private readonly persistence: Persistence) {}

  get kind(): 'memory' | 'lowdb' {
    return this.persistence.kind;
  }

  get healthy(): boolean {
    return this.opened && this.failure === null && !this.persistence.failed;
  }

  async open(): Promise<void> {
    await this.persistence.load((change) => this.apply(change), {
      get: (collection, id) => this.get(collection, id),
      landed: (record) => this.landed(record),
      removalsLanded: async () => {
        while (this.removing.size > 0) await Promise.allSettled([...this.removing]);
      },
    });
    this.opened = true;
  }

  get<C extends CollectionName>(collection: C, id: string): Collections[C] | undefined {
    return this.tables[collection].get(id) as Collections[C] | undefined;
  }

  all<C extends CollectionName>(collection: C): IterableIterator<Collections[C]> {
    return this.tables[collection].values() as IterableIterator<Collections[C]>;
  }

  /** Every collection's name (a full reset empties them all, whatever they are). */
  get collections(): CollectionName[] {
    return Object.keys(this.tables) as CollectionName[];
  }

  count(collection: CollectionName): number {
    return this.tables[collection].size;
  }

  /** Changes so far to a collection (put or removed, a reset and the replay at open included). */
  generation(collection: CollectionName): number {
    return this.changes[collection];
  }

  /**
   * Calls `observer` with every change from now on (indexes kept beside the store, the console's live
   * updates). Called synchronously inside commit, so it must be cheap. Returns a function that stops it.
   */
  observe(observer: ChangeObserver): () => void {
    this.observers.push(observer);
    return () => {
      const i = this.observers.indexOf(observer);
      if (i >= 0) this.observers.splice(i, 1);
    };
  }

  intentByKey(merchantId: string, key: string): IntentRecord | undefined {
    return this.intentsByKey.get(merchantId)?.get(key);
  }

  /**
   * Applies the changes in memory now (so the next request sees them) and resolves when they are durable.
   * Records are cloned on the way in, so a caller that keeps mutating its object cannot change the store
   * behind a commit. `handOver`: the caller built every record of these changes for this commit, shares
   * none of their objects with anything else and never touches them again (a new intent): they are stored
   * as they are, without the copy.
   */
  async commit(changes: Change[], { handOver = false }: { handOver?: boolean } = {}): Promise<void> {
    if (this.failure) throw this.failure;
    let copies = changes;
    if (!handOver) {
      copies = new Array(changes.length);
      for (let i = 0; i < changes.length; i++) {
        const c = changes[i]!;
        copies[i] = 'value' in c ? ({ collection: c.collection, value: cloneRecord(c.value) } as Put) : { ...c };
      }
    }
    let removes = false;
    for (const change of copies) this.apply(change);
    this.writes += 1;
    const written = this.persistence.append(copies);
    this.lastWrite = written;
    for (const change of copies) {
      if ('value' in change) this.landing.set(change.value, written);
      else removes = true;
    }
    if (removes) this.removing.add(written);
    try {
      await written;
    } catch (err) {
      // A store that cannot write must not go on answering as if it could.
      this.failure ??= err as Error;
      throw err;
    } finally {
      this.writes -= 1;
      for (const change of copies) if ('value' in change) this.landing.delete(change.value);
      if (removes) this.removing.delete(written);
    }
  }

  /**
   * Resolves once this version of a record (as get, all or intentByKey gave it) is on disk, and rejects if
   * its write failed. Undefined when it is on disk already, which is nearly always: a read that answers a
   * caller awaits it, and pays nothing more than a lookup unless the record's write is still under way.
   */
  landed(record: object): Promise<void> | undefined {
    return this.landing.get(record);
  }

  /**
   * Drops a record from memory only: how the callback outbox and the inbox bound their memory. The files
   * keep it until the next compaction rewrites its chunk from memory (it was delivered or read by then).
   * Not for intents or merchants, whose indexes it does not update.
   */
  forget(collection: 'callbacks' | 'inbox', id: string): void {
    const old = this.tables[collection].get(id);
    if (!old || !this.tables[collection].delete(id)) return;
    this.persistence.forgot(collection, id);
    for (const observe of this.observers) observe({ collection, remove: id }, old);
  }

  /** Tidies the files now, after the writes under way (the lowdb store folds its log into its chunks). */
  async compact(): Promise<void> {
    await this.idle();
    await this.persistence.compactNow();
  }

  /** True while a commit's write is under way. */
  get writing(): boolean {
    return this.writes > 0;
  }

  /**
   * Resolves once every commit begun before the call is durable (or has failed). Commits begun later are not
   * waited for: under a steady stream of writes there may never be a moment with none under way.
   */
  async idle(): Promise<void> {
    if (this.writes > 0) await this.lastWrite.catch(() => {});
  }

  /**
   * Forgets every record (a reset), after the writes under way, as one commit of removals: the log
   * and its compaction treat it like any other change, so a crash leaves the old data or none.
   */
  async clear(): Promise<void> {
    await this.idle();
    const removals: Change[] = [];
    for (const collection of this.collections) for (const record of this.all(collection)) removals.push({ collection, remove: record.id });
    await this.commit(removals);
  }

  async close(): Promise<void> {
    await this.persistence.close();
  }

  size(): Promise<number> {
    return this.persistence.size();
  }

  private apply(change: Change): void {
    const table = this.tables[change.collection] as Map<string, Collections[CollectionName]>;
    this.changes[change.collection] += 1;
    if (this.observers.length > 0) for (const observe of this.observers) observe(change, table.get(changedId(change)));
    if ('value' in change) {
      table.set(change.value.id, change.value);
      if (change.collection === 'intents') {
        let keys = this.intentsByKey.get(change.value.merchantId);
        if (!keys) this.intentsByKey.set(change.value.merchantId, (keys = new Map()));
        keys.set(change.value.key, change.value);
      }
      return;
    }
    const old = table.get(change.remove);
    if (!old) return;
    table.delete(change.remove);
    if (change.collection === 'intents') {
      const { merchantId, key } = old as IntentRecord;
      const keys = this.intentsByKey.get(merchantId);
      if (keys?.get(key) === old) keys.delete(key);
    }
  }
}

export const memoryPersistence = (): Persistence => ({
  kind: 'memory',
  load: async () => {},
  append: async () => {},
  forgot: () => {},
  compactNow: async () => {},
  close: async () => {},
  size: async () => 0,
  failed: false,
});

export function createMemoryStore(): Store {
  return new Store(memoryPersistence());
}
