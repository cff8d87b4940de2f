// The persisted store: an append-only log of puts in numbered lowdb files ("segments"). Only the newest
// segment is ever rewritten, and it holds at most SEGMENT_LIMIT puts, so the cost of a write does not
// grow with what is stored (lowdb rewrites a whole file per write). Puts that arrive while a write is in
// flight are grouped into the next write. A commit resolves only after lowdb has renamed the file into
// place. On open, segments are replayed in order. Design: docs/decisions/0005-store.md.
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { Store, type Change, type Persistence } from './store.js';

interface Segment {
  version: 1;
  /** Puts and removals, in commit order (the name is the file format's). */
  puts: Change[];
}

export const SEGMENT_LIMIT = 500;
const SEGMENT_RE = /^segment-(\d{8})\.json$/;

class SegmentLog implements Persistence {
  readonly kind = 'lowdb' as const;
  private active!: Low<Segment>;
  private activeNumber = 0;
  private pending: Array<{ puts: Change[]; done: (err?: Error) => void }> = [];
  private writing: Promise<void> | null = null;

  constructor(private readonly dir: string) {}

  async load(): Promise<Change[]> {
    await mkdir(this.dir, { recursive: true });
    const numbers = (await readdir(this.dir))
      .map((f) => SEGMENT_RE.exec(f)?.[1])
      .filter((n): n is string => n !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
    const all: Change[] = [];
    for (const n of numbers) {
      const db = new Low<Segment>(new JSONFile(this.file(n)), { version: 1, puts: [] });
      try {
        await db.read();
      } catch (err) {
        throw new Error(`${this.file(n)} is not a valid store file (${(err as Error).message}); it was edited or written by something else. Move the data folder away to start afresh.`);
      }
      if (!Array.isArray(db.data?.puts)) throw new Error(`${this.file(n)} is not a store segment (no "puts" list)`);
      all.push(...db.data.puts);
      this.active = db;
      this.activeNumber = n;
    }
    if (numbers.length === 0 || this.active.data.puts.length >= SEGMENT_LIMIT) await this.roll();
    return all;
  }

  append(puts: Change[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ puts, done: (err) => (err ? reject(err) : resolve()) });
      if (!this.writing) this.writing = this.drain();
    });
  }

  async close(): Promise<void> {
    while (this.writing) await this.writing;
  }

  /**
   * Removes every segment once the writes under way are done, and starts again at segment 1. Newest first:
   * a crash half-way leaves an older, consistent history rather than a newer one with its start missing.
   */
  async clear(): Promise<void> {
    await this.close();
    const files = (await readdir(this.dir)).filter((f) => SEGMENT_RE.test(f)).sort().reverse();
    for (const f of files) await rm(join(this.dir, f), { force: true });
    this.activeNumber = 0;
    await this.roll();
  }

  async size(): Promise<number> {
    let total = 0;
    for (const f of await readdir(this.dir)) if (SEGMENT_RE.test(f)) total += (await stat(join(this.dir, f))).size;
    return total;
  }

  /** Writes everything pending, group by group, until nothing is left. */
  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const room = SEGMENT_LIMIT - this.active.data.puts.length;
      const group: typeof this.pending = [];
      let count = 0;
      // Take whole commits while they fit; a commit is never split across two segments.
      while (this.pending.length > 0 && (group.length === 0 || count + this.pending[0]!.puts.length <= room)) {
        const next = this.pending.shift()!;
        group.push(next);
        count += next.puts.length;
      }
      try {
        for (const g of group) this.active.data.puts.push(...g.puts);
        await this.active.write();
        for (const g of group) g.done();
        if (this.active.data.puts.length >= SEGMENT_LIMIT) await this.roll();
      } catch (err) {
        for (const g of group) g.done(err as Error);
      }
    }
    this.writing = null;
  }

  private async roll(): Promise<void> {
    this.activeNumber += 1;
    this.active = new Low<Segment>(new JSONFile(this.file(this.activeNumber)), { version: 1, puts: [] });
    await this.active.write();
  }

  private file(n: number): string {
    return join(this.dir, `segment-${String(n).padStart(8, '0')}.json`);
  }
}

export function createLowdbStore(dataDir: string): Store {
  return new Store(new SegmentLog(join(dataDir, 'store')));
}
