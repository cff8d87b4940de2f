// The Store: every record lives in memory (reads are synchronous and cheap) and every write goes
// through commit(), which makes it visible at once and resolves only when it is durable. The memory
// and lowdb stores differ only in their Persistence, and pass one shared test suite.
import type { CollectionName, Collections, IntentRecord } from '../domain/records.js';
import { cloneRecord } from './clone.js';

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

export const changedId = (change: Change): string => ('value' in change ? change.value.id : change.remove);

export interface Persistence {
  readonly kind: 'memory' | 'lowdb';
  /** Replays what is stored, oldest first, through `apply` (a later change of an id replaces an earlier one). */
  load(apply: (change: Change) => void, records: RecordReader): Promise<void>;
  /** Resolves once the changes are on disk. */
  append(changes: Change[]): Promise<void>;
  /** A record was dropped from memory only (Store.forget): the files may let it go too. */
  forgot(collection: CollectionName, id: string): void;
  /** Tidies the files now (the lowdb store folds its log into its pages). */
  compactNow(): Promise<void>;
  /** Waits for every write under way, then closes the files (the next start reads them back). */
  close(): Promise<void>;
  /** Bytes on disk (0 for memory). */
  size(): Promise<number>;
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
  /** Commits whose write is under way (a reset waits for them): a count, as cheap as the commit path wants. */
  private writes = 0;
  private readonly whenIdle: Array<() => void> = [];

  constructor(private readonly persistence: Persistence) {}

  get kind(): 'memory' | 'lowdb' {
    return this.persistence.kind;
  }

  get healthy(): boolean {
    return this.opened && this.failure === null;
  }

  async open(): Promise<void> {
    await this.persistence.load(
      (change) => this.apply(change),
      (collection, id) => this.get(collection, id),
    );
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
    for (const change of copies) this.apply(change);
    this.writes += 1;
    try {
      await this.persistence.append(copies);
    } catch (err) {
      // A store that cannot write must not go on answering as if it could.
      this.failure = err as Error;
      throw err;
    } finally {
      if (--this.writes === 0) for (const resolve of this.whenIdle.splice(0)) resolve();
    }
  }

  /**
   * Drops a record from memory only: how the callback outbox and the inbox bound their memory. The files
   * keep it until the next compaction rewrites its page from memory (it was delivered or read by then).
   * Not for intents or merchants, whose indexes it does not update.
   */
  forget(collection: 'callbacks' | 'inbox', id: string): void {
    const old = this.tables[collection].get(id);
    if (!old || !this.tables[collection].delete(id)) return;
    this.persistence.forgot(collection, id);
    for (const observe of this.observers) observe({ collection, remove: id }, old);
  }

  /** Tidies the files now, after the writes under way (the lowdb store folds its log into its pages). */
  async compact(): Promise<void> {
    await this.idle();
    await this.persistence.compactNow();
  }

  /** True while a commit's write is under way. */
  get writing(): boolean {
    return this.writes > 0;
  }

  /** Resolves once every commit under way is durable (or has failed). */
  async idle(): Promise<void> {
    if (this.writes > 0) await new Promise<void>((resolve) => this.whenIdle.push(resolve));
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
});

export function createMemoryStore(): Store {
  return new Store(memoryPersistence());
}
