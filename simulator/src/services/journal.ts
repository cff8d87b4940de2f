// The request journal (docs/decisions/0023): per merchant, the last JOURNAL_SIZE calls to the Little Pay
// API with what came in and went out. Diagnostics, not data: it lives in memory only, and writing it costs
// no store write on the request path.
import type { components } from '../../../client/src/generated/simulator.js';

export type JournalEntry = components['schemas']['JournalEntry'];
export type JournalView = components['schemas']['Journal'];

interface MerchantJournal {
  seq: number;
  dropped: number;
  entries: JournalEntry[];
}

export class Journal {
  private readonly byMerchant = new Map<string, MerchantJournal>();

  constructor(readonly limit: number) {}

  add(merchantId: string, entry: Omit<JournalEntry, 'seq'>): void {
    let journal = this.byMerchant.get(merchantId);
    if (!journal) this.byMerchant.set(merchantId, (journal = { seq: 0, dropped: 0, entries: [] }));
    journal.seq += 1;
    journal.entries.push({ seq: journal.seq, ...entry });
    // Oldest first out. A shift on a few hundred entries costs less than a ring buffer's bookkeeping.
    while (journal.entries.length > this.limit) {
      journal.entries.shift();
      journal.dropped += 1;
    }
  }

  view(merchantId: string): JournalView {
    const journal = this.byMerchant.get(merchantId);
    return { merchantId, limit: this.limit, dropped: journal?.dropped ?? 0, requests: [...(journal?.entries ?? [])] };
  }

  /** Forgets a merchant's journal (a reset); returns how many entries it held. */
  clear(merchantId: string): number {
    const count = this.byMerchant.get(merchantId)?.entries.length ?? 0;
    this.byMerchant.delete(merchantId);
    return count;
  }

  clearAll(): void {
    this.byMerchant.clear();
  }
}
