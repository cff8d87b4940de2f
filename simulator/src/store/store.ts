// The Store: every record lives in memory (reads are synchronous and cheap) and every write goes
// through commit(), which makes it visible at once and resolves only when it is durable. The memory
// and lowdb stores differ only in their Persistence, and pass one shared test suite.
import type { CollectionName, Collections, IntentRecord } from '../domain/records.js';

export type Put = { [C in CollectionName]: { collection: C; value: Collections[C] } }[CollectionName];

export interface Persistence {
  readonly kind: 'memory' | 'lowdb';
  /** Every put ever committed, oldest first (later puts of an id replace earlier ones). */
  load(): Promise<Put[]>;
  /** Resolves once the puts are on disk. */
  append(puts: Put[]): Promise<void>;
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
  async commit(puts: Put[]): Promise<void> {
    if (this.failure) throw this.failure;
    const copies = puts.map((p) => ({ collection: p.collection, value: structuredClone(p.value) }) as Put);
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

  private apply(put: Put): void {
    (this.tables[put.collection] as Map<string, unknown>).set(put.value.id, put.value);
    if (put.collection === 'intents') {
      this.intentsByKey.set(`${put.value.merchantId}\u0000${put.value.key}`, put.value);
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
