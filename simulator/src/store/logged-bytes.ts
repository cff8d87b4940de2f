// Where the log wrote each record's JSON since the last seal: a compaction copies those bytes into the
// record's page instead of serializing the record a second time (decision 0054). Kept as places in the
// groups' own Buffers (already off the V8 heap, and alive until the compaction in any case): three numbers
// per record, so the thousands of records between two compactions add no objects for the collector to move.
import type { CollectionName } from '../domain/records.js';

export class LoggedBytes {
  private readonly groups: Buffer[] = [];
  private readonly groupOf: number[] = [];
  private readonly startOf: number[] = [];
  private readonly endOf: number[] = [];
  private readonly slots = new Map<CollectionName, Map<string, number>>();

  /** A group's bytes as written; returns the number the records in it are noted under. */
  addGroup(bytes: Buffer): number {
    return this.groups.push(bytes) - 1;
  }

  /** The record's latest logged version is bytes [start, end) of the group. */
  note(collection: CollectionName, id: string, group: number, start: number, end: number): void {
    let slots = this.slots.get(collection);
    if (!slots) this.slots.set(collection, (slots = new Map()));
    slots.set(id, this.groupOf.length);
    this.groupOf.push(group);
    this.startOf.push(start);
    this.endOf.push(end);
  }

  /** The record's latest logged change is not a version to copy (a removal, or bytes not noted). */
  drop(collection: CollectionName, id: string): void {
    this.slots.get(collection)?.delete(id);
  }

  /** The JSON of the record's latest logged version, or undefined when none was noted since the seal before. */
  bytesOf(collection: CollectionName, id: string): Buffer | undefined {
    const slot = this.slots.get(collection)?.get(id);
    if (slot === undefined) return undefined;
    return this.groups[this.groupOf[slot]!]!.subarray(this.startOf[slot], this.endOf[slot]);
  }
}
