// The create-intent bodies every workload, seed and reference uses, so that the simulator and the Map
// reference store the same thing.
export function createBody(key: string, callbackUrl: string): Record<string, unknown> {
  return {
    amount: 1500,
    currency: 'KES',
    description: 'Bench order',
    callbackUrl,
    key,
    payload: { billingAddress: { firstName: 'Jane', lastName: 'Doe', email: 'jane@example.com' } },
  };
}

/** The n-th intent stored before a run (keys SEED_0, SEED_1, ...). */
export const seedBody = (n: number): Record<string, unknown> => createBody(`SEED_${n}`, 'http://127.0.0.1:9/callback');
