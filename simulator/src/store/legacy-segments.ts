// Stores written before format 2 (docs/decisions/0005): numbered segment files of puts, replayed in
// order. They are read once, folded into the chunks by the first compaction and then removed.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { DurableJsonFile } from './durable-file.js';
import type { Change, Put } from './store.js';

const SEGMENT_RE = /^segment-(\d{8})\.json$/;

/** Replays the legacy segments through `apply`, oldest first; returns their file names. */
export async function readLegacySegments(dir: string, apply: (change: Change) => void): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => SEGMENT_RE.test(f)).sort();
  for (const file of files) {
    const db = new Low<{ puts: Put[] } | null>(new DurableJsonFile(join(dir, file)), null);
    await db.read();
    if (!Array.isArray(db.data?.puts)) throw new Error(`${join(dir, file)} is not a store segment (no "puts" list)`);
    for (const put of db.data.puts) apply(put);
  }
  return files;
}
