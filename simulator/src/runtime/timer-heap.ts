// The clock's pending timers as a binary min-heap: every pending attempt, refund, callback retry and long-poll
// deadline holds one, so adding and cancelling must not cost a walk of all the others (a sorted array's
// insert and cancel are O(n); here both are O(log n)). Each entry knows its slot, so a cancel needs no search.
// Order is the due time, then the order of scheduling: two timers due at the same instant fire as they were
// set, which is what the sorted array did and what the tests of a frozen clock rely on.

export interface TimerEntry {
  readonly at: number;
  readonly seq: number;
  readonly task: () => unknown;
  /** Where the entry sits in the heap; -1 once it has fired or been cancelled. */
  slot: number;
}

const before = (a: TimerEntry, b: TimerEntry): boolean => a.at < b.at || (a.at === b.at && a.seq < b.seq);

export class TimerHeap {
  private items: TimerEntry[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): TimerEntry | undefined {
    return this.items[0];
  }

  push(entry: TimerEntry): void {
    entry.slot = this.items.length;
    this.items.push(entry);
    this.up(entry.slot);
  }

  pop(): TimerEntry | undefined {
    const top = this.items[0];
    if (top) this.removeAt(0);
    return top;
  }

  /** Removes an entry still in the heap (a cancel); an entry that fired or was removed already is ignored. */
  remove(entry: TimerEntry): void {
    if (entry.slot >= 0 && this.items[entry.slot] === entry) this.removeAt(entry.slot);
  }

  clear(): void {
    for (const entry of this.items) entry.slot = -1;
    this.items = [];
  }

  private removeAt(i: number): void {
    const items = this.items;
    const gone = items[i]!;
    const last = items.pop()!;
    gone.slot = -1;
    if (last === gone) return;
    items[i] = last;
    last.slot = i;
    // The entry moved into the hole may belong above it or below it.
    if (i > 0 && before(last, items[(i - 1) >> 1]!)) this.up(i);
    else this.down(i);
  }

  private up(i: number): void {
    const items = this.items;
    const entry = items[i]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(entry, items[parent]!)) break;
      items[i] = items[parent]!;
      items[i]!.slot = i;
      i = parent;
    }
    items[i] = entry;
    entry.slot = i;
  }

  private down(i: number): void {
    const items = this.items;
    const n = items.length;
    const entry = items[i]!;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const child = right < n && before(items[right]!, items[left]!) ? right : left;
      if (!before(items[child]!, entry)) break;
      items[i] = items[child]!;
      items[i]!.slot = i;
      i = child;
    }
    items[i] = entry;
    entry.slot = i;
  }
}
