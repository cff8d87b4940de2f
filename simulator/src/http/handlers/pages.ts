// Handlers behind the simulator's own browser pages and the challenge's answer for scripts: they show a
// shopper only what the checkout page shows, and need no credentials.
import type { components } from '../../../../client/src/generated/simulator.js';
import { ApiError } from '../../domain/errors.js';
import { enrollAction, cardResult, type ChallengeAnswer } from '../../domain/three-ds.js';
import type { Cards } from '../../services/cards.js';
import { checkoutState } from '../../services/checkout-state.js';
import type { Context } from '../../services/context.js';
import type { OperationHandler } from '../register-operations.js';

type S = components['schemas'];

export interface PageDeps {
  ctx: Context;
  cards: Cards;
}

export function pageHandlers({ ctx, cards }: PageDeps): Record<string, OperationHandler> {
  return {
    async getCheckoutState(req) {
      const { reference } = req.params as { reference: string };
      const intent = ctx.store.get('intents', reference);
      if (!intent) throw new ApiError('INTENT_NOT_FOUND', `No intent with reference "${reference}"`);
      await ctx.store.landed(intent); // the page shows only what is stored (docs/decisions/0005-store.md)
      return { body: checkoutState(ctx, intent) };
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
