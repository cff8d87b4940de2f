// A lowdb adapter for a log segment that only ever grows: write() appends the changes the file does not
// hold yet in place of its closing bracket, then fdatasyncs. After every completed write the file is a
// whole JSON document ({"version":2,"seq":N,"changes":[ ... ]}) that any JSON reader, lowdb's JSONFile
// included, can open. Appending costs two system calls per group of commits, where rewriting the file
// (lowdb's JSONFile) costs its whole size and a rename. A crash in the middle of a write can only cut the
// last, unanswered, group short: read() keeps every complete line before the cut.
//
// The file can start as a spare: one already filled with spaces and synced (spaces after a JSON document
// are still JSON). Writing over bytes that exist does not change the file's size, so fdatasync need not
// wait for a journal commit of the file system, which on a busy machine is what makes a sync slow.
import { open, rename, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Adapter } from 'lowdb';
import type { Change } from './store.js';
import { readTextIfPresent, syncFolder, tempPath } from './durable-file.js';

export interface Segment {
  version: number;
  seq: number;
  changes: Change[];
}

const TAIL = '\n]}\n';

/**
 * What Low holds for a segment being written is the next append: write() adds data.changes after what
 * the file holds, and the caller empties the list (a segment's thousands of changes are not kept).
 */
export class AppendOnlyJsonFile implements Adapter<Segment> {
  private handle: FileHandle | null = null;
  /** Where the closing bracket starts: the next changes go there. */
  private end = 0;
  /** Changes in the file. */
  written = 0;
  /** Whether the last read found the file cut short by a crash. */
  recovered = false;
  /** A prepared file of spaces to become this one at the first write. */
  private spare: string | null = null;
  /** The file is a spare: spaces follow the JSON, to be cut off when it is closed. */
  private padded = false;
  /** No write failed half-way (the bytes after the JSON are still the spare's spaces). */
  private whole = true;

  constructor(
    readonly path: string,
    /** One change as JSON (the log reuses what it serialized when it compacts). */
    private readonly line: (change: Change) => string = (change) => JSON.stringify(change),
  ) {}

  adopt(spare: string | null): void {
    this.spare = spare;
  }

  /** The file was begun without a spare: each write grows it, so each sync also waits for the file system's journal. */
  get grows(): boolean {
    return this.handle !== null && !this.padded;
  }

  /** Bytes of JSON written (the file may be longer: a spare's spaces). */
  get size(): number {
    return this.end + TAIL.length;
  }

  async read(): Promise<Segment | null> {
    const text = await readTextIfPresent(this.path);
    if (text === null) return null;
    try {
      return JSON.parse(text) as Segment;
    } catch {
      this.recovered = true;
      return this.recover(text);
    }
  }

  /** Appends data.changes; the first write creates the file (see create). */
  async write(data: Segment): Promise<void> {
    const fresh = data.changes;
    let chunk = '';
    for (let i = 0; i < fresh.length; i++) chunk += `${this.written + i === 0 ? '' : ','}\n${this.line(fresh[i]!)}`;
    if (!this.handle) return this.create(data, chunk, fresh.length);
    const bytes = Buffer.from(chunk + TAIL, 'utf8');
    this.whole = false;
    await this.handle.write(bytes, 0, bytes.length, this.end);
    await this.handle.datasync();
    this.whole = true;
    this.end += bytes.length - TAIL.length;
    this.written += fresh.length;
  }

  /**
   * The first write: the header and the first changes go into the spare (or a new temporary file), are
   * synced, and only then does the file take its name, the folder synced with it. A crash before that
   * leaves a temporary file nobody reads (nothing in it was answered), never a segment that is not JSON.
   */
  private async create(data: Segment, chunk: string, count: number): Promise<void> {
    // Never over an old segment: the rename below would replace it without a word.
    if ((await readTextIfPresent(this.path)) !== null) throw new Error(`${this.path} exists already; a new log segment never replaces one`);
    const temp = this.spare ?? tempPath(this.path);
    const handle = await open(temp, this.spare ? 'r+' : 'w');
    try {
      const bytes = Buffer.from(JSON.stringify({ version: data.version, seq: data.seq, changes: [] }).slice(0, -2) + chunk + TAIL, 'utf8');
      await handle.write(bytes, 0, bytes.length, 0);
      await handle.datasync();
      await rename(temp, this.path);
      await syncFolder(dirname(this.path));
      this.end = bytes.length - TAIL.length;
    } catch (err) {
      await handle.close();
      throw err;
    }
    this.handle = handle;
    this.padded = this.spare !== null;
    this.spare = null;
    this.written += count;
  }

  /** Closes the file, first cutting off the spaces a spare left after the JSON (a segment takes no more writes once closed). */
  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    if (!handle) return;
    try {
      if (this.padded && this.whole) await handle.truncate(this.size);
    } finally {
      await handle.close();
    }
  }

  /** The header and every complete change line before the first one a crash cut short. */
  private recover(text: string): Segment {
    const lines = text.split('\n');
    const head = lines[0] ?? '';
    // Cut inside its first line: the file's very first write, which nothing was answered for.
    if (lines.length === 1) return { version: 0, seq: 0, changes: [] };
    let segment: Segment;
    try {
      segment = JSON.parse(`${head}]}`) as Segment;
    } catch {
      throw new Error(
        `${this.path} is not valid JSON and not a store log segment cut short by a crash; it was edited or written by something else. Move the data folder away to start afresh.`,
      );
    }
    for (const line of lines.slice(1)) {
      try {
        segment.changes.push(JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line) as Change);
      } catch {
        break; // the write a crash interrupted: it was never answered
      }
    }
    return segment;
  }
}
