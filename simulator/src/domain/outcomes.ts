// Which outcome an attempt gets, written once: a queued override, then the test number or card, then
// success (docs/decisions/0021). Outcome names come from the catalogue, whatever it holds, so a provider
// whose outcomes are added there (cards) can be queued without a change here.
import { catalogue, type CatalogueEntry } from './catalogue.js';
import { fieldError } from './errors.js';
import type { OutcomeQueues, OutcomeSource } from './records.js';

/** The queue that serves every provider's payment attempts, after the provider's own. */
export const ANY_PROVIDER = 'any';
/** The queue of refund outcomes: refunds take only from it, never from `any` (docs/decisions/0080). */
export const REFUNDS = 'REFUNDS';
const DEFAULT_OUTCOME = 'success';

export interface OutcomeChoice {
  outcome: string;
  /** A choice is made by a queue, a trigger or the default; only a hand-given answer is `resolved`. */
  source: Exclude<OutcomeSource, 'resolved'>;
  /** The queues after the choice (the head taken when an override was used). */
  queues: OutcomeQueues;
}

/**
 * The precedence rule. The provider's own queue comes before `any` (the more specific wins); an
 * override comes before the trigger, so a test can force an outcome without changing the request.
 */
export function chooseOutcome(queues: OutcomeQueues, provider: string, triggered: string | undefined): OutcomeChoice {
  for (const key of provider === REFUNDS ? [REFUNDS] : [provider, ANY_PROVIDER]) {
    const queue = queues[key];
    if (queue && queue.length > 0) {
      return { outcome: queue[0]!, source: 'override', queues: withQueue(queues, key, queue.slice(1)) };
    }
  }
  if (triggered !== undefined) return { outcome: triggered, source: 'trigger', queues };
  return { outcome: DEFAULT_OUTCOME, source: 'default', queues };
}

/** The queues with `key` replaced; an empty queue is left out. */
export function withQueue(queues: OutcomeQueues, key: string, queue: string[]): OutcomeQueues {
  const { [key]: _old, ...rest } = queues;
  return queue.length > 0 ? { ...rest, [key]: queue } : rest;
}

function providerOf(entry: CatalogueEntry): string | undefined {
  if (entry.trigger.kind === 'refund') return REFUNDS;
  return entry.trigger.provider ?? (entry.trigger.kind === 'card' ? 'CARDS' : undefined);
}

export interface OutcomeIndex {
  /** The outcome names of each provider. */
  byProvider: Map<string, Set<string>>;
  /** The outcome of each `${provider}:${number}` test number or card, and of each `REFUNDS:${amount}`. */
  byTrigger: Map<string, string>;
}

export function indexCatalogue(entries: readonly CatalogueEntry[]): OutcomeIndex {
  const byProvider = new Map<string, Set<string>>();
  const byTrigger = new Map<string, string>();
  for (const entry of entries) {
    const provider = providerOf(entry);
    if (!provider) continue;
    if (!byProvider.has(provider)) byProvider.set(provider, new Set());
    byProvider.get(provider)!.add(entry.outcome);
    const value = entry.trigger.mobile ?? entry.trigger.card ?? entry.trigger.amount?.toString();
    if (value !== undefined) byTrigger.set(`${provider}:${value}`, entry.outcome);
  }
  return { byProvider, byTrigger };
}

let served: OutcomeIndex | undefined;
/** The catalogue the simulator serves, indexed once. */
const catalogueIndex = (): OutcomeIndex => (served ??= indexCatalogue(catalogue()));

/** The outcome a test number (card number, refund amount) triggers with a provider (or REFUNDS), or undefined for any other. */
export function triggeredOutcome(provider: string, value: string, index = catalogueIndex()): string | undefined {
  return index.byTrigger.get(`${provider}:${value}`);
}

/** The outcome names that can be queued for a provider; for `any`, the names every payment provider has. */
export function queueableOutcomes(provider: string, index = catalogueIndex()): string[] {
  if (provider !== ANY_PROVIDER) return [...(index.byProvider.get(provider) ?? [])];
  const sets = [...index.byProvider].filter(([key]) => key !== REFUNDS).map(([, names]) => names);
  return [...(sets[0] ?? [])].filter((name) => sets.every((s) => s.has(name)));
}

/** Refuses a queue request naming an outcome the provider does not have (400, naming the item). */
export function checkQueueable(provider: string, outcomes: string[], index = catalogueIndex()): void {
  const known = queueableOutcomes(provider, index);
  if (known.length === 0) {
    throw fieldError('UNKNOWN_OUTCOME', 'body.provider', 'catalogue', `${provider} has no outcomes in the catalogue (GET /_sim/scenarios) yet`);
  }
  outcomes.forEach((name, i) => {
    if (known.includes(name)) return;
    const scope = provider === ANY_PROVIDER ? 'every payment provider has' : `${provider} has`;
    throw fieldError('UNKNOWN_OUTCOME', `body.outcomes.${i}`, 'catalogue', `"${name}" is not an outcome ${scope}; one of ${known.join(', ')}`);
  });
}
