// The payments list of the console: filters and a search over the index, newest first, one page at a
// time. A page stops reading as soon as it has its rows (plus one, to know whether there is an older page).
import type { Environment, IntentRecord, MerchantRecord, PaymentStatus, Provider } from '../domain/records.js';
import { reportedStatus } from '../domain/views.js';
import type { SimClock } from '../runtime/clock.js';
import type { Store } from '../store/store.js';
import type { PaymentIndex } from './payment-index.js';

const PAGE_SIZE = 25;
export const STATUSES: PaymentStatus[] = ['PENDING', 'COMPLETED', 'FAILED'];
export const PROVIDERS: Provider[] = ['MPESA', 'AIRTEL', 'MTN', 'TIGOPESA', 'CARDS'];
export const ENVIRONMENTS: Environment[] = ['sandbox', 'production'];

export interface PaymentFilter {
  q?: string;
  status?: PaymentStatus;
  provider?: Provider;
  environment?: Environment;
  merchant?: string;
  /** Creation dates, YYYY-MM-DD, both included, on the merchant's clock. */
  from?: string;
  to?: string;
  /** The last reference of the previous page. */
  before?: string;
}

export interface PaymentRow {
  intent: IntentRecord;
  merchant: MerchantRecord | undefined;
  status: PaymentStatus;
  provider: Provider | null;
}

export interface PaymentPage {
  rows: PaymentRow[];
  /** The `before` of the next (older) page, or null when this is the last. */
  next: string | null;
}

const pick = <T extends string>(value: unknown, allowed: readonly T[]): T | undefined => (allowed.includes(value as T) ? (value as T) : undefined);
const day = (value: unknown) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);
const text = (value: unknown, max: number) => (typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, max) : undefined);

/** A filter read from a query string: anything unknown or malformed is left out rather than refused. */
export function readFilter(query: Record<string, unknown>): PaymentFilter {
  const filter: PaymentFilter = {
    q: text(query.q, 200),
    status: pick(query.status, STATUSES),
    provider: pick(query.provider, PROVIDERS),
    environment: pick(query.environment, ENVIRONMENTS),
    merchant: text(query.merchant, 64),
    from: day(query.from),
    to: day(query.to),
    before: text(query.before, 64),
  };
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as PaymentFilter;
}

export function listPayments(
  index: PaymentIndex,
  store: Store,
  clockFor: (merchantId: string) => SimClock,
  filter: PaymentFilter,
  size = PAGE_SIZE,
): PaymentPage {
  const candidates: Iterable<string> = filter.q ? index.search(filter.q, filter.before) : index.newestFirst(filter.before);
  const rows: PaymentRow[] = [];
  for (const reference of candidates) {
    const intent = store.get('intents', reference);
    if (!intent || (filter.merchant && intent.merchantId !== filter.merchant)) continue;
    const day = intent.createdAt.slice(0, 10);
    if ((filter.from && day < filter.from) || (filter.to && day > filter.to)) continue;
    const provider = intent.attempts.at(-1)?.provider ?? null;
    if (filter.provider && provider !== filter.provider) continue;
    const merchant = store.get('merchants', intent.merchantId);
    if (filter.environment && merchant?.environment !== filter.environment) continue;
    const status = reportedStatus(intent, clockFor(intent.merchantId).now());
    if (filter.status && status !== filter.status) continue;
    if (rows.length === size) return { rows, next: rows.at(-1)!.intent.id };
    rows.push({ intent, merchant, status, provider });
  }
  return { rows, next: null };
}
