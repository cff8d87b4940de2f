// A lowdb adapter whose write() resolves only once the file is on disk: the text goes to a temp file,
// which is fsync'ed and then renamed over the target (so a reader sees the old file or the new one,
// never half of one). lowdb's own JSONFile (steno) renames without fsync, which survives a killed
// process but not a power cut. The caller fsyncs the folder once after a group of renames
// (syncFolder), which is what makes the renames themselves durable. Design: docs/decisions/0050.
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';

/** A file's text, or null when there is no such file (any other error is thrown). */
export async function readTextIfPresent(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

export class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    private readonly path: string,
    private readonly stringify: (data: T) => string = (data) => JSON.stringify(data),
  ) {}

  async read(): Promise<T | null> {
    const text = await readTextIfPresent(this.path);
    if (text === null) return null;
    try {
      return JSON.parse(text) as T;
    } catch (err) {
      throw new Error(
        `${this.path} is not valid JSON (${(err as Error).message}); it was edited or written by something else. Move the data folder away to start afresh.`,
      );
    }
  }

  async write(data: T): Promise<void> {
    const temp = tempPath(this.path);
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(this.stringify(data), 'utf8');
      await handle.datasync();
    } finally {
      await handle.close();
    }
    await rename(temp, this.path);
  }
}

/** `.name.tmp` beside the file: a leftover one is a write that never finished, and is never read. */
export function tempPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.tmp`);
}

export const isTempFile = (name: string): boolean => name.startsWith('.') && name.endsWith('.tmp');

/** Makes the creations, renames and removals done in a folder durable. */
export async function syncFolder(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function removeIfPresent(path: string): Promise<void> {
  await unlink(path).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw err;
  });
}

/** Items serialized between two turns of the event loop when a chunk is written beside requests. */
const SLICE = 100;

/**
 * JSON with one item of the list per line: as compact as JSON.stringify (the files are read back by
 * machines), yet a person can still read and diff a store file line by line. Serialized a slice of items at
 * a time with the event loop free in between: a chunk of 500 records is a millisecond of JSON.stringify, and
 * requests that arrive meanwhile should not wait for all of it.
 */
export async function jsonWithListPerLine(head: Record<string, unknown>, listName: string, items: readonly unknown[]): Promise<string> {
  const start = JSON.stringify({ ...head, [listName]: [] }).slice(0, -3);
  if (items.length === 0) return `${start}[]}\n`;
  let out = `${start}[\n`;
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
    out += (i === 0 ? '' : ',\n') + JSON.stringify(items[i]);
  }
  return `${out}\n]}\n`;
}
