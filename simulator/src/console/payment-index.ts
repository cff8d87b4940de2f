// The console's index of payments (docs/decisions/0107): intents in creation order, every search term
// (reference, key, phone number, saved-card token) to the intents that carry it, and each intent's
// callbacks. Kept up to date by observing the store's changes, so a page or a search never walks all
// intents to find a term, and the create and status paths pay a few Map operations per commit.
import type { CallbackRecord, CollectionName, Collections, IntentRecord } from '../domain/records.js';
import type { Change, Store } from '../store/store.js';

/** Lower case, without spaces, dashes and a leading "+": "+254 712-345 678" finds 254712345678. */
export function normalizeTerm(text: string): string {
  return text.trim().toLowerCase().replace(/[\s\-+()]/g, '');
}

/** The national part of a phone number (its last nine digits): 0712345678 and 254712345678 are one phone. */
function localPhone(digits: string): string | null {
  return /^\d{9,15}$/.test(digits) ? digits.slice(-9) : null;
}

function termsOf(intent: IntentRecord): string[] {
  const terms = new Set([normalizeTerm(intent.id), normalizeTerm(intent.key)]);
  for (const a of intent.attempts) {
    if (a.mobile) {
      const digits = normalizeTerm(a.mobile);
      terms.add(digits);
      const local = localPhone(digits);
      if (local) terms.add(local);
    }
    if (a.token) terms.add(a.token.id.toLowerCase());
  }
  return [...terms];
}

export class PaymentIndex {
  /** References in creation order; a removed one leaves a hole until the next compaction. */
  private order: Array<string | null> = [];
  private readonly position = new Map<string, number>();
  private holes = 0;
  private readonly byTerm = new Map<string, Set<string>>();
  private readonly termsByReference = new Map<string, string[]>();
  private readonly callbacksByReference = new Map<string, Set<string>>();
  private readonly stop: () => void;

  constructor(store: Store) {
    // The store keeps first-insertion order, which is creation order for intents.
    for (const intent of store.all('intents')) this.putIntent(intent);
    for (const cb of store.all('callbacks')) this.putCallback(cb);
    this.stop = store.observe((change, old) => this.apply(change, old));
  }

  close(): void {
    this.stop();
  }

  get size(): number {
    return this.position.size;
  }

  /** References newest first, starting below `before` (a reference from an earlier page) when given. */
  *newestFirst(before?: string): Generator<string> {
    let i = before === undefined ? this.order.length - 1 : (this.position.get(before) ?? this.order.length) - 1;
    for (; i >= 0; i--) {
      const reference = this.order[i];
      if (reference) yield reference;
    }
  }

  /** References carrying the term (whole, or as a prefix when nothing matches whole), newest first. */
  search(query: string, before?: string): string[] {
    const term = normalizeTerm(query);
    if (!term) return [];
    let found = this.byTerm.get(term) ?? this.byTerm.get(localPhone(term) ?? '');
    if (!found && term.length >= 3) {
      found = new Set();
      for (const [t, refs] of this.byTerm) if (t.startsWith(term)) for (const r of refs) found.add(r);
    }
    const limit = before === undefined ? Infinity : (this.position.get(before) ?? Infinity);
    return [...(found ?? [])].filter((r) => (this.position.get(r) ?? -1) < limit).sort((a, b) => this.position.get(b)! - this.position.get(a)!);
  }

  /** Ids of the callbacks sent about this payment (those still in memory), in the order they were made. */
  callbacksOf(reference: string): string[] {
    return [...(this.callbacksByReference.get(reference) ?? [])];
  }

  private apply(change: Change, old: Collections[CollectionName] | undefined): void {
    if (change.collection === 'intents') {
      if ('value' in change) this.putIntent(change.value as IntentRecord);
      else if (old) this.removeIntent((old as IntentRecord).id);
    } else if (change.collection === 'callbacks') {
      if ('value' in change) this.putCallback(change.value as CallbackRecord);
      else if (old) this.callbacksByReference.get((old as CallbackRecord).reference)?.delete(change.remove);
    }
  }

  private putIntent(intent: IntentRecord): void {
    if (!this.position.has(intent.id)) {
      this.position.set(intent.id, this.order.length);
      this.order.push(intent.id);
    }
    const before = this.termsByReference.get(intent.id);
    // An intent without attempts has only its reference and key, which never change.
    if (before && intent.attempts.length === 0) return;
    const terms = termsOf(intent);
    if (before) for (const t of before) if (!terms.includes(t)) this.byTerm.get(t)?.delete(intent.id);
    for (const t of terms) {
      let refs = this.byTerm.get(t);
      if (!refs) this.byTerm.set(t, (refs = new Set()));
      refs.add(intent.id);
    }
    this.termsByReference.set(intent.id, terms);
  }

  private removeIntent(reference: string): void {
    const at = this.position.get(reference);
    if (at === undefined) return;
    this.order[at] = null;
    this.position.delete(reference);
    this.holes += 1;
    for (const t of this.termsByReference.get(reference) ?? []) {
      const refs = this.byTerm.get(t);
      refs?.delete(reference);
      if (refs?.size === 0) this.byTerm.delete(t);
    }
    this.termsByReference.delete(reference);
    this.callbacksByReference.delete(reference);
    if (this.holes > 1024 && this.holes * 2 > this.order.length) this.compact();
  }

  private compact(): void {
    const kept = this.order.filter((r): r is string => r !== null);
    kept.forEach((r, i) => this.position.set(r, i));
    this.order = kept;
    this.holes = 0;
  }

  private putCallback(cb: CallbackRecord): void {
    let ids = this.callbacksByReference.get(cb.reference);
    if (!ids) this.callbacksByReference.set(cb.reference, (ids = new Set()));
    ids.add(cb.id);
  }
}
