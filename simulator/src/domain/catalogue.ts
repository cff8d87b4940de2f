// The one catalogue of test numbers and the outcome each triggers. The simulator serves it at
// GET /_sim/scenarios and the README's table is generated from it (npm run docs:scenarios).
// Any other valid number succeeds. Result codes and texts are Safaricom's STK codes (littlepay-api.md §8).
import type { MobileProvider, PaymentStatus } from './records.js';

export interface MobileOutcome {
  outcome: string;
  status: Exclude<PaymentStatus, 'PENDING'>;
  description: string;
  /** The provider's result code and text, as the M-Pesa leg reports them. */
  resultCode: number;
  message: string;
  /** 'pin' resolves after the PIN delay; 'slow' after the long-poll window has closed. */
  timing: 'pin' | 'slow';
}

export const mobileOutcomes = {
  success: { outcome: 'success', status: 'COMPLETED', description: 'The shopper enters the PIN; the payment completes', resultCode: 0, message: 'The service request is processed successfully.', timing: 'pin' },
  insufficient_funds: { outcome: 'insufficient_funds', status: 'FAILED', description: 'The wallet balance is too low', resultCode: 1, message: 'The balance is insufficient for the transaction.', timing: 'pin' },
  cancelled_by_user: { outcome: 'cancelled_by_user', status: 'FAILED', description: 'The shopper cancels the PIN prompt', resultCode: 1032, message: 'Request cancelled by user.', timing: 'pin' },
  no_pin_entered: { outcome: 'no_pin_entered', status: 'FAILED', description: 'The shopper never answers the PIN prompt (timeout)', resultCode: 1037, message: 'DS timeout user cannot be reached.', timing: 'pin' },
  wrong_pin: { outcome: 'wrong_pin', status: 'FAILED', description: 'The shopper enters a wrong PIN', resultCode: 2001, message: 'The initiator information is invalid.', timing: 'pin' },
  subscriber_busy: { outcome: 'subscriber_busy', status: 'FAILED', description: 'Another transaction is in progress for this number', resultCode: 1001, message: 'Unable to lock subscriber, a transaction is already in process for the current subscriber.', timing: 'pin' },
  slow_success: { outcome: 'slow_success', status: 'COMPLETED', description: 'Completes only after the long-poll window has closed (the answer is PENDING)', resultCode: 0, message: 'The service request is processed successfully.', timing: 'slow' },
} as const satisfies Record<string, MobileOutcome>;

export type MobileOutcomeName = keyof typeof mobileOutcomes;

/** Each provider's test numbers: its country code, a fixed prefix, and a suffix per outcome. */
const providerPrefixes: Record<MobileProvider, string> = {
  MPESA: '2547000000',
  AIRTEL: '2547330000',
  MTN: '2332400000',
  TIGOPESA: '2557100000',
};
const suffixes: Record<MobileOutcomeName, string> = {
  success: '00',
  insufficient_funds: '01',
  cancelled_by_user: '32',
  no_pin_entered: '37',
  wrong_pin: '20',
  subscriber_busy: '11',
  slow_success: '99',
};

export interface CatalogueEntry {
  outcome: string;
  status: 'COMPLETED' | 'FAILED';
  description: string;
  message: string;
  resultCode?: number;
  trigger: { kind: 'mobile' | 'card'; provider?: string; mobile?: string; card?: string };
}

const mobileByNumber = new Map<string, MobileOutcome>();
for (const [provider, prefix] of Object.entries(providerPrefixes)) {
  for (const [name, suffix] of Object.entries(suffixes)) {
    mobileByNumber.set(`${provider}:${prefix}${suffix}`, mobileOutcomes[name as MobileOutcomeName]);
  }
}

/** The outcome a mobile number triggers with a provider; any number not in the catalogue succeeds. */
export function mobileOutcomeFor(provider: MobileProvider, mobile: string): MobileOutcome {
  return mobileByNumber.get(`${provider}:${mobile}`) ?? mobileOutcomes.success;
}

export function catalogue(): CatalogueEntry[] {
  const entries: CatalogueEntry[] = [];
  for (const [provider, prefix] of Object.entries(providerPrefixes)) {
    for (const [name, suffix] of Object.entries(suffixes)) {
      const o: MobileOutcome = mobileOutcomes[name as MobileOutcomeName];
      entries.push({
        outcome: o.outcome,
        status: o.status,
        description: o.description,
        message: o.message,
        resultCode: o.resultCode,
        trigger: { kind: 'mobile', provider, mobile: `${prefix}${suffix}` },
      });
    }
  }
  return entries;
}
