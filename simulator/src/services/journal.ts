// The request journal (docs/decisions/0023): per merchant, the last JOURNAL_SIZE calls to the Little Pay
// API with what came in and went out. Diagnostics, not data: it lives in memory only, and writing it costs
// no store write on the request path.
import type { components } from '../../../client/src/generated/simulator.js';
import { maskCardData } from '../runtime/card-masking.js';

export type JournalEntry = components['schemas']['JournalEntry'];
export type JournalView = components['schemas']['Journal'];

/**
 * An entry as kept: texts are parsed only when someone reads the journal, off the request path. The
 * request is kept as its JSON text when that holds no card data (requestBody is then null), else as its
 * masked copy.
 */
export type KeptEntry = Omit<JournalEntry, 'seq' | 'responseBody'> & { requestText: string | null; responseText: string | null };

interface MerchantJournal {
  seq: number;
  dropped: number;
  entries: Array<KeptEntry & { seq: number }>;
}

/** A body bigger than this is summarised in the journal rather than kept. */
export const JOURNAL_BODY_LIMIT = 64 * 1024;

export function tooBig(bytes: number): string {
  return `(${bytes} bytes, not kept: over ${JOURNAL_BODY_LIMIT})`;
}

function parsed(text: string | null): unknown {
  if (text === null) return null;
  try {
    return maskCardData(JSON.parse(text));
  } catch {
    return null;
  }
}

export class Journal {
  private readonly byMerchant = new Map<string, MerchantJournal>();

  constructor(readonly limit: number) {}

  /** Keeps `entry` itself (the caller made it for this call and lets go of it), numbered in the merchant's sequence. */
  add(merchantId: string, entry: KeptEntry & { seq: number }): void {
    let journal = this.byMerchant.get(merchantId);
    if (!journal) this.byMerchant.set(merchantId, (journal = { seq: 0, dropped: 0, entries: [] }));
    journal.seq += 1;
    entry.seq = journal.seq;
    const text = entry.responseText;
    // A big answer is not kept, only a note of its size (as a JSON string, so reading it needs no special case).
    if (text !== null && text.length > JOURNAL_BODY_LIMIT) entry.responseText = JSON.stringify(tooBig(text.length));
    journal.entries.push(entry);
    // Oldest first out. A shift on a few hundred entries costs less than a ring buffer's bookkeeping.
    while (journal.entries.length > this.limit) {
      journal.entries.shift();
      journal.dropped += 1;
    }
  }

  view(merchantId: string): JournalView {
    const journal = this.byMerchant.get(merchantId);
    const requests = (journal?.entries ?? []).map(({ requestText, responseText, ...entry }) => ({
      ...entry,
      requestBody: requestText === null ? entry.requestBody : parsed(requestText),
      responseBody: parsed(responseText),
    }));
    return { merchantId, limit: this.limit, dropped: journal?.dropped ?? 0, requests };
  }

  /**
   * The kept calls about one payment (the console's timeline): those whose path names its reference or
   * key, and the create call, whose answer names the reference. Read off the request path.
   */
  about(merchantId: string, reference: string, key: string): JournalEntry[] {
    const keyInPath = `/${encodeURIComponent(key)}`;
    const entries = this.byMerchant.get(merchantId)?.entries ?? [];
    return entries
      .filter(
        (e) =>
          e.path.includes(reference) ||
          e.path.endsWith(keyInPath) ||
          e.path.includes(`${keyInPath}?`) ||
          (e.operationId === 'createIntent' && e.responseText?.includes(reference)),
      )
      .map(({ requestText, responseText, ...entry }) => ({
        ...entry,
        requestBody: requestText === null ? entry.requestBody : parsed(requestText),
        responseBody: parsed(responseText),
      }));
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
