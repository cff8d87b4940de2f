// The create-intent body the journeys share: a unique key per run, the run's inbox as callbackUrl.
import type { Schemas } from '../../client/src/index.js';

export function intent(key: string, amount = 1500): Schemas['CreateIntentRequest'] {
  return {
    amount,
    currency: 'KES',
    description: `Order ${key}`,
    callbackUrl: '${inbox}',
    key,
    payload: { billingAddress: { firstName: 'Jane', lastName: 'Doe', email: 'jane@example.com' } },
  };
}
