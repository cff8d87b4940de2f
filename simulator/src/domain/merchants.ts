// Merchants and their credentials, generated deterministically from the seed. Formats follow what
// public code shows of the real ones (littlepay-api.md §2.1); apiKey and appId are our own [GAP] choice,
// recorded in docs/decisions/0002-credentials.md.
import { faker } from '../runtime/faker.js';
import { fieldError } from './errors.js';
import type { Ids } from './ids.js';
import type { Environment, MerchantRecord } from './records.js';

const DEFAULT_CURRENCIES: Record<Environment, string[]> = {
  sandbox: ['KES', 'USD', 'UGX', 'TZS', 'GHS'],
  production: ['KES'],
};

/** The demo merchants created on first start: two sandbox, one production. */
const DEMO_MERCHANTS: Array<{ environment: Environment; name: string }> = [
  { environment: 'sandbox', name: 'Demo Duka (sandbox)' },
  { environment: 'sandbox', name: 'Demo Soko (sandbox)' },
  { environment: 'production', name: 'Demo Live Shop (production)' },
];

export function newMerchant(ids: Ids, input: { environment: Environment; name?: string; currencies?: string[]; demo?: boolean }, now: string): MerchantRecord {
  const n = ids.int('merchant-name');
  faker().seed(n);
  const name = input.name ?? `${faker().company.name()} (${input.environment})`;
  const keyPrefix = input.environment === 'sandbox' ? 'sk_sandbox_' : 'sk_live_';
  return {
    id: `mer_${ids.hex('merchant-id', 12)}`,
    name,
    environment: input.environment,
    appId: ids.uuid('merchant-app-id'),
    clientId: ids.hex('merchant-client-id', 16),
    clientSecret: ids.next('merchant-client-secret').subarray(0, 16).toString('base64'),
    tokenId: ids.uuid('merchant-token-id'),
    apiKey: `${keyPrefix}${ids.hex('merchant-api-key', 40)}`,
    currencies: input.currencies ?? [...DEFAULT_CURRENCIES[input.environment]],
    demo: input.demo ?? false,
    createdAt: now,
  };
}

/**
 * A new clientSecret and apiKey for Rotate Key (docs/decisions/0106), from id streams of their own: how
 * many rotations happened changes no other merchant's credentials.
 */
export function rotatedCredentials(ids: Ids, environment: Environment): Pick<MerchantRecord, 'clientSecret' | 'apiKey'> {
  const keyPrefix = environment === 'sandbox' ? 'sk_sandbox_' : 'sk_live_';
  return {
    clientSecret: ids.next('merchant-rotated-secret').subarray(0, 16).toString('base64'),
    apiKey: `${keyPrefix}${ids.hex('merchant-rotated-api-key', 40)}`,
  };
}

/** The id and credentials a caller may fix when creating a merchant (so a CI job can configure its app once). */
export const FIXED_FIELDS = ['id', 'clientId', 'clientSecret', 'tokenId', 'apiKey'] as const;
export type FixedFields = Partial<Pick<MerchantRecord, (typeof FIXED_FIELDS)[number]>>;

/** Refuses fixed values another merchant already has, and an apiKey of the other environment. */
export function checkFixedCredentials(input: FixedFields & { environment: Environment }, existing: Iterable<MerchantRecord>): void {
  const prefix = input.environment === 'sandbox' ? 'sk_sandbox_' : 'sk_live_';
  if (input.apiKey !== undefined && !input.apiKey.startsWith(prefix)) {
    throw fieldError('VALIDATION_ERROR', 'body.apiKey', 'environment', `must start with ${prefix} for a ${input.environment} merchant`);
  }
  for (const m of existing) {
    for (const field of FIXED_FIELDS) {
      if (input[field] !== undefined && input[field] === m[field]) {
        throw fieldError('CREDENTIALS_IN_USE', `body.${field}`, 'unique', `is already the ${field} of merchant ${m.id}`);
      }
    }
  }
}

/** The demo merchants a first start makes: the first merchants of the seed, so their credentials are known in advance. */
export function demoMerchants(ids: Ids, now: string): MerchantRecord[] {
  return DEMO_MERCHANTS.map((d) => newMerchant(ids, { ...d, demo: true }, now));
}
