// What a refund can come to: the three answers the docs give a refund (COMPLETED, FAILED, PENDING then a
// callback, littlepay-api.md §4.9) each reachable on purpose. A refund of a trigger amount, from any
// payment large enough, gets that outcome; a queued REFUNDS outcome (docs/decisions/0021) comes first.
// Choices: docs/decisions/0080-refund-outcomes.md.

/** How long a `refund_pending` refund stays PENDING, on the merchant's clock: a day, as a bank refund may. */
export const REFUND_HOLD_MS = 24 * 60 * 60 * 1000;

export interface RefundOutcome {
  outcome: string;
  /** The refund's final status. */
  status: 'COMPLETED' | 'FAILED';
  description: string;
  /** The message of the final answer or of the refund callback. */
  message: string;
  /**
   * When it becomes final: `provider` as the provider does it (cards in the answer, mobile money after
   * REFUND_DELAY_MS); `now` in the answer whatever the provider; `delay` after REFUND_DELAY_MS; `hold`
   * after REFUND_HOLD_MS. Whatever is not final in the answer is PENDING and called back.
   */
  timing: 'provider' | 'now' | 'delay' | 'hold';
  /** The refund amount that triggers it (whole units, so that every provider's payment can be refunded it). */
  amount?: number;
}

export const refundOutcomes = {
  success: {
    outcome: 'success',
    status: 'COMPLETED',
    description: 'The refund completes: a card refund in the answer, a mobile-money refund PENDING then COMPLETED after REFUND_DELAY_MS (3 s)',
    message: 'Success',
    timing: 'provider',
  },
  refund_declined: {
    outcome: 'refund_declined',
    status: 'FAILED',
    description: 'The refund fails at once: the answer is FAILED, no callback is sent and the refundable balance is unchanged',
    message: 'Refund declined by the provider: the payment cannot be refunded at the moment',
    timing: 'now',
    amount: 901,
  },
  refund_failed_later: {
    outcome: 'refund_failed_later',
    status: 'FAILED',
    description: 'The answer is PENDING; after REFUND_DELAY_MS (3 s) the refund fails, the refund callback says FAILED and the amount is refundable again',
    message: "Refund failed: the provider could not return the money to the payer's account",
    timing: 'delay',
    amount: 902,
  },
  refund_pending: {
    outcome: 'refund_pending',
    status: 'COMPLETED',
    description: "The answer is PENDING and stays so for a day on the merchant's clock (advance it through /_sim); then COMPLETED and called back",
    message: 'Success',
    timing: 'hold',
    amount: 903,
  },
} as const satisfies Record<string, RefundOutcome>;

export type RefundOutcomeName = keyof typeof refundOutcomes;

export function refundOutcome(name: string): RefundOutcome {
  return refundOutcomes[name as RefundOutcomeName] ?? refundOutcomes.success;
}

/** How long a new refund with this outcome stays PENDING: 0 when it is final in the answer. */
export function refundPendingMs(outcome: RefundOutcome, mobileMoney: boolean, refundDelayMs: number): number {
  switch (outcome.timing) {
    case 'provider':
      return mobileMoney ? refundDelayMs : 0;
    case 'now':
      return 0;
    case 'delay':
      return refundDelayMs;
    case 'hold':
      return REFUND_HOLD_MS;
  }
}
