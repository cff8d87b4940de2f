// The console's index of payments (docs/decisions/0107): intents in creation order, every search term
// (reference, key, phone number, saved-card token) to the intents that carry it, and each intent's
// callbacks. Kept up to date by observing the store's changes, so a page or a search never walks all
// intents to find a term. A commit only queues its change (one array push on the create path); the queue
// is applied when the console reads the index, or in one batch when it grows long.
import type { CallbackRecord, CollectionName, Collections, IntentRecord } from '../domain/records.js';
import type { Change, Store } from '../store/store.js';

/** Lower case, without spaces, "+" or brackets: "+254 712 345 678" finds 254712345678. */
function normalizeTerm(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s+()]/g, '');
}

/** Changes waiting to be applied beyond this many are applied at once, so the queue stays small. */
const MAX_PENDING = 4096;

/** The national part of a phone number (its last nine digits): 0712345678 and 254712345678 are one phone. */
function localPhone(digits: string): string | null {
  return /^\d{9,15}$/.test(digits) ? digits.slice(-9) : null;
}

function termsOf(intent: IntentRecord): string[] {
  // A reference is a lower-case UUID already, and a key is letters, digits and underscores.
  const key = intent.key.toLowerCase();
  if (intent.attempts.length === 0) return key === intent.id ? [key] : [intent.id, key];
  const terms = new Set([intent.id, key]);
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
  /** A term's one reference as a string (most terms are one payment's), a Set when several share it: 100,000 Sets would cost tens of MB. */
  private readonly byTerm = new Map<string, string | Set<string>>();
  private readonly callbacksByReference = new Map<string, Set<string>>();
  private stop: (() => void) | null = null;
  private pending: Array<[Change, Collections[CollectionName] | undefined]> = [];

  /**
   * Built from the store the first time the console reads it, and kept up to date from then on: a simulator
   * whose console nobody opens (a CI suite, the bench) pays nothing for it on its writes.
   */
  constructor(private readonly store: Store) {}

  private start(): void {
    // The store keeps first-insertion order, which is creation order for intents.
    for (const intent of this.store.all('intents')) this.putIntent(intent);
    for (const cb of this.store.all('callbacks')) this.putCallback(cb);
    this.stop = this.store.observe((change, old) => {
      if (change.collection !== 'intents' && change.collection !== 'callbacks') return;
      this.pending.push([change, old]);
      if (this.pending.length >= MAX_PENDING) this.drain();
    });
  }

  /** Applies the queued changes, in the order they were committed (builds the index on its first use). */
  private drain(): void {
    if (!this.stop) this.start();
    if (this.pending.length === 0) return;
    const queued = this.pending;
    this.pending = [];
    for (const [change, old] of queued) this.apply(change, old);
  }

  close(): void {
    this.stop?.();
  }

  get size(): number {
    this.drain();
    return this.position.size;
  }

  /** References newest first, starting below `before` (a reference from an earlier page) when given. */
  *newestFirst(before?: string): Generator<string> {
    this.drain();
    let i = before === undefined ? this.order.length - 1 : (this.position.get(before) ?? this.order.length) - 1;
    for (; i >= 0; i--) {
      const reference = this.order[i];
      if (reference) yield reference;
    }
  }

  /** References carrying the term (whole, or as a prefix when nothing matches whole), newest first. */
  search(query: string, before?: string): string[] {
    this.drain();
    const typed = normalizeTerm(query);
    // A phone number typed with dashes (0712-345-678); keys have none, and references are never all digits.
    const term = /^[\d-]+$/.test(typed) ? typed.replace(/-/g, '') : typed;
    if (!term) return [];
    let found = this.refsOf(term) ?? this.refsOf(localPhone(term) ?? '');
    if (!found && term.length >= 3) {
      const prefixed = new Set<string>();
      for (const [t, refs] of this.byTerm) if (t.startsWith(term)) for (const r of typeof refs === 'string' ? [refs] : refs) prefixed.add(r);
      found = [...prefixed];
    }
    const limit = before === undefined ? Infinity : (this.position.get(before) ?? Infinity);
    return (found ?? []).filter((r) => (this.position.get(r) ?? -1) < limit).sort((a, b) => this.position.get(b)! - this.position.get(a)!);
  }

  private refsOf(term: string): string[] | undefined {
    const refs = this.byTerm.get(term);
    return refs === undefined ? undefined : typeof refs === 'string' ? [refs] : [...refs];
  }

  private addTerm(term: string, reference: string): void {
    const refs = this.byTerm.get(term);
    if (refs === undefined) this.byTerm.set(term, reference);
    else if (typeof refs === 'string') {
      if (refs !== reference) this.byTerm.set(term, new Set([refs, reference]));
    } else refs.add(reference);
  }

  private removeTerm(term: string, reference: string): void {
    const refs = this.byTerm.get(term);
    if (refs === reference) this.byTerm.delete(term);
    else if (typeof refs === 'object') {
      refs.delete(reference);
      if (refs.size === 1) this.byTerm.set(term, refs.values().next().value!);
    }
  }

  /** Ids of the callbacks sent about this payment (those still in memory), in the order they were made. */
  callbacksOf(reference: string): string[] {
    this.drain();
    return [...(this.callbacksByReference.get(reference) ?? [])];
  }

  private apply(change: Change, old: Collections[CollectionName] | undefined): void {
    if (change.collection === 'intents') {
      if ('value' in change) this.putIntent(change.value as IntentRecord, old as IntentRecord | undefined);
      else if (old) this.removeIntent(old as IntentRecord);
    } else if (change.collection === 'callbacks') {
      if ('value' in change) this.putCallback(change.value as CallbackRecord);
      else if (old) this.callbacksByReference.get((old as CallbackRecord).reference)?.delete(change.remove);
    }
  }

  /** `old`: the version it replaces, whose terms are dropped (an update adds terms only with a new attempt). */
  private putIntent(intent: IntentRecord, old?: IntentRecord): void {
    if (!this.position.has(intent.id)) {
      this.position.set(intent.id, this.order.length);
      this.order.push(intent.id);
    }
    if (old && old.attempts.length === intent.attempts.length && old.attempts.at(-1)?.token?.id === intent.attempts.at(-1)?.token?.id) return;
    const terms = termsOf(intent);
    if (old) for (const t of termsOf(old)) if (!terms.includes(t)) this.removeTerm(t, intent.id);
    for (const t of terms) this.addTerm(t, intent.id);
  }

  private removeIntent(intent: IntentRecord): void {
    const reference = intent.id;
    const at = this.position.get(reference);
    if (at === undefined) return;
    this.order[at] = null;
    this.position.delete(reference);
    this.holes += 1;
    for (const t of termsOf(intent)) this.removeTerm(t, reference);
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
