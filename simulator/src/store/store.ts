// The Store: every record lives in memory (reads are synchronous and cheap) and every write goes
// through commit(), which makes it visible at once and resolves only when it is durable. The memory
// and lowdb stores differ only in their Persistence, and pass one shared test suite.
import type { CollectionName, Collections, IntentRecord } from '../domain/records.js';

export type Put = { [C in CollectionName]: { collection: C; value: Collections[C] } }[CollectionName];
/** Forgets a record (a reset through /_sim). */
export interface Removal {
  collection: CollectionName;
  remove: string;
}
/** What the log holds: a record's new version, or its removal. */
export type Change = Put | Removal;

export interface Persistence {
  readonly kind: 'memory' | 'lowdb';
  /** Every change ever committed, oldest first (later puts of an id replace earlier ones, removals forget it). */
  load(): Promise<Change[]>;
  /** Resolves once the changes are on disk. */
  append(changes: Change[]): Promise<void>;
  close(): Promise<void>;
  /** Bytes on disk (0 for memory). */
  size(): Promise<number>;
  /** Forgets everything on disk: the next load() returns nothing (a reset). */
  clear(): Promise<void>;
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
  };
  /** intents by `${merchantId}\u0000${key}` */
  private readonly intentsByKey = new Map<string, IntentRecord>();
  private failure: Error | null = null;
  private opened = false;
  /** Commits applied in memory whose write is not durable yet. */
  private readonly writes = new Set<Promise<void>>();

  constructor(private readonly persistence: Persistence) {}

  get kind(): 'memory' | 'lowdb' {
    return this.persistence.kind;
  }

  get healthy(): boolean {
    return this.opened && this.failure === null;
  }

  async open(): Promise<void> {
    for (const put of await this.persistence.load()) this.apply(put);
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

  intentByKey(merchantId: string, key: string): IntentRecord | undefined {
    return this.intentsByKey.get(`${merchantId}\u0000${key}`);
  }

  /**
   * Applies the puts in memory now (so the next request sees them) and resolves when they are durable.
   * Records are cloned on the way in, so a caller that keeps mutating its object cannot change the store
   * behind a commit.
   */
  async commit(changes: Change[]): Promise<void> {
    if (this.failure) throw this.failure;
    const copies = changes.map((p) => ('remove' in p ? { ...p } : ({ collection: p.collection, value: structuredClone(p.value) } as Put)));
    for (const put of copies) this.apply(put);
    const write = this.persistence.append(copies);
    this.writes.add(write);
    try {
      await write;
    } catch (err) {
      // A store that cannot write must not go on answering as if it could.
      this.failure = err as Error;
      throw err;
    } finally {
      this.writes.delete(write);
    }
  }

  /**
   * Drops a record from memory only (the log on disk keeps it, so it comes back at the next start and is
   * dropped again): how the callback outbox and the inbox bound their memory. Not for intents or merchants,
   * whose indexes it does not update.
   */
  forget(collection: 'callbacks' | 'inbox', id: string): void {
    this.tables[collection].delete(id);
  }

  /** True while a commit's write is under way. */
  get writing(): boolean {
    return this.writes.size > 0;
  }

  /** Resolves once every commit under way is durable (or has failed). */
  async idle(): Promise<void> {
    while (this.writes.size > 0) await Promise.allSettled([...this.writes]);
  }

  /**
   * Forgets every record, in memory and on disk, after the writes under way (a reset). Commits made
   * while it runs may be lost: call it when nothing else is writing.
   */
  async clear(): Promise<void> {
    await this.idle();
    await this.persistence.clear();
    for (const table of Object.values(this.tables)) table.clear();
    this.intentsByKey.clear();
  }

  async close(): Promise<void> {
    await this.persistence.close();
  }

  size(): Promise<number> {
    return this.persistence.size();
  }

  private apply(change: Change): void {
    if ('remove' in change) return this.remove(change);
    const put = change;
    (this.tables[put.collection] as Map<string, unknown>).set(put.value.id, put.value);
    if (put.collection === 'intents') {
      this.intentsByKey.set(`${put.value.merchantId}\u0000${put.value.key}`, put.value);
    }
  }

  private remove(removal: Removal): void {
    const table = this.tables[removal.collection] as Map<string, unknown>;
    const old = table.get(removal.remove);
    table.delete(removal.remove);
    if (removal.collection === 'intents' && old) {
      const intent = old as IntentRecord;
      this.intentsByKey.delete(`${intent.merchantId}\u0000${intent.key}`);
    }
  }
}

export const memoryPersistence = (): Persistence => ({
  kind: 'memory',
  load: async () => [],
  append: async () => {},
  close: async () => {},
  size: async () => 0,
  clear: async () => {},
});

export function createMemoryStore(): Store {
  return new Store(memoryPersistence());
}
