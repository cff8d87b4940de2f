// Handlers behind the simulator's own browser pages and the challenge's answer for scripts: they show a
// shopper only what the checkout page shows, and need no credentials.
import type { components } from '../../../../client/src/generated/simulator.js';
import { enrollAction, cardResult, type ChallengeAnswer } from '../../domain/three-ds.js';
import type { Cards } from '../../services/cards.js';
import { checkoutState } from '../../services/checkout-state.js';
import type { Context } from '../../services/context.js';
import type { Payments } from '../../services/payments.js';
import type { OperationHandler } from '../register-operations.js';

type S = components['schemas'];

export interface PageDeps {
  ctx: Context;
  cards: Cards;
  payments: Payments;
}

export function pageHandlers({ ctx, cards, payments }: PageDeps): Record<string, OperationHandler> {
  return {
    async getCheckoutState(req) {
      const { reference } = req.params as { reference: string };
      // The page shows only what is stored (docs/decisions/0005-store.md).
      return { body: checkoutState(ctx, await payments.storedIntent(reference)) };
    },

    async answerChallenge(req) {
      const { reference } = req.params as { reference: string };
      const { answer } = req.body as { answer: ChallengeAnswer };
      const { intent, session } = await cards.answerChallenge(reference, undefined, answer);
      const action = enrollAction(session) === 'MAKE_PAYMENT' ? 'MAKE_PAYMENT' : 'FAILED';
      const body: S['ChallengeResult'] = {
        reference,
        action,
        message: action === 'MAKE_PAYMENT' ? 'Authentication successful' : cardResult(session.failure ?? 'authentication_failed').message,
        status: intent.status,
      };
      return { body };
    },
  };
}
