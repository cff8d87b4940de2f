// Merchants: the demo set made from the seed on first start, and the ones tests create for themselves.
import { timingSafeEqual } from 'node:crypto';
import { ApiError } from '../domain/errors.js';
import { checkFixedCredentials, demoMerchants, FIXED_FIELDS, newMerchant, rotatedCredentials, type FixedFields } from '../domain/merchants.js';
import type { Environment, MerchantRecord } from '../domain/records.js';
import { iso } from '../runtime/clock.js';
import { commit, type Context } from './context.js';

/** A secret compared in constant time against the stored one (kept as bytes in the index). */
function sameSecret(stored: Buffer, given: string): boolean {
  const y = Buffer.from(given);
  return stored.length === y.length && timingSafeEqual(stored, y);
}

/**
 * The merchants by each credential, rebuilt when the merchants change (rarely): every merchant call looks
 * its merchant up, twice for a Basic-auth call. A credential two merchants share is the first one's, as a
 * walk in stored order would find it.
 */
interface CredentialIndex {
  generation: number;
  /** Authorization headers already checked, and whose they are: a client sends the same one every time. */
  checkedHeaders: Map<string, MerchantRecord>;
  byClientId: Map<string, { merchant: MerchantRecord; secret: Buffer }>;
  byTokenId: Map<string, MerchantRecord>;
  byApiKey: Map<string, MerchantRecord>;
}

const MAX_CHECKED_HEADERS = 1024;

/**
 * The merchant with this id, or MERCHANT_NOT_FOUND: every /_sim operation on one merchant starts here, so
 * each answers a wrong id with the same 404 and the same hint.
 */
export function requireMerchant(ctx: Pick<Context, 'store'>, merchantId: string): MerchantRecord {
  const merchant = ctx.store.get('merchants', merchantId);
  if (!merchant) throw new ApiError('MERCHANT_NOT_FOUND', `No merchant has the id "${merchantId}"; GET /_sim/merchants lists them`);
  return merchant;
}

export class Merchants {
  private index: CredentialIndex | null = null;

  constructor(private readonly ctx: Context) {}

  list(): MerchantRecord[] {
    return [...this.ctx.store.all('merchants')];
  }

  /** Creates the demo merchants unless they exist already (first start, or after a full reset). */
  async ensureDemo(): Promise<void> {
    if (this.list().some((m) => m.demo)) return;
    const now = iso(this.ctx.globalClock.now());
    const created = demoMerchants(this.ctx.ids, now);
    await commit(
      this.ctx,
      created.map((value) => ({ collection: 'merchants' as const, value })),
    );
  }

  async create(input: { environment: Environment; name?: string; currencies?: string[] } & FixedFields): Promise<MerchantRecord> {
    checkFixedCredentials(input, this.ctx.store.all('merchants'));
    const fixed = Object.fromEntries(FIXED_FIELDS.filter((f) => input[f] !== undefined).map((f) => [f, input[f]]));
    const merchant = { ...newMerchant(this.ctx.ids, input, iso(this.ctx.globalClock.now())), ...fixed };
    await commit(this.ctx, [{ collection: 'merchants', value: merchant }]);
    return merchant;
  }

  /**
   * Rotate Key: a new clientSecret and apiKey. The credential index is rebuilt from the next request on
   * (the merchants' generation changed), so the old ones are refused from the moment this commit is applied.
   */
  async rotateKey(merchantId: string): Promise<MerchantRecord> {
    const merchant = requireMerchant(this.ctx, merchantId);
    const rotated: MerchantRecord = { ...merchant, ...rotatedCredentials(this.ctx.ids, merchant.environment) };
    await commit(this.ctx, [{ collection: 'merchants', value: rotated }]);
    return rotated;
  }

  byClientCredentials(clientId: string, clientSecret: string): MerchantRecord | undefined {
    const found = this.credentials().byClientId.get(clientId);
    return found && sameSecret(found.secret, clientSecret) ? found.merchant : undefined;
  }

  /**
   * The merchant of an Authorization header that was checked before (and the merchants have not changed
   * since): the header is the whole credential, so the same text is the same answer.
   */
  byCheckedHeader(header: string): MerchantRecord | undefined {
    return this.credentials().checkedHeaders.get(header);
  }

  /** Remembers a header that named this merchant's credentials (a bounded number: a client sends one). */
  rememberHeader(header: string, merchant: MerchantRecord): void {
    const seen = this.credentials().checkedHeaders;
    if (seen.size >= MAX_CHECKED_HEADERS) seen.clear();
    seen.set(header, merchant);
  }

  /** A lookup by the secret itself, as an API-key service does (the key is the whole credential). */
  byApiKey(apiKey: string): MerchantRecord | undefined {
    return this.credentials().byApiKey.get(apiKey);
  }

  byTokenId(tokenId: string): MerchantRecord | undefined {
    return this.credentials().byTokenId.get(tokenId);
  }

  private credentials(): CredentialIndex {
    const generation = this.ctx.store.generation('merchants');
    if (this.index?.generation === generation) return this.index;
    const index: CredentialIndex = { generation, checkedHeaders: new Map(), byClientId: new Map(), byTokenId: new Map(), byApiKey: new Map() };
    for (const m of this.ctx.store.all('merchants')) {
      if (!index.byClientId.has(m.clientId)) index.byClientId.set(m.clientId, { merchant: m, secret: Buffer.from(m.clientSecret) });
      if (!index.byTokenId.has(m.tokenId)) index.byTokenId.set(m.tokenId, m);
      if (!index.byApiKey.has(m.apiKey)) index.byApiKey.set(m.apiKey, m);
    }
    return (this.index = index);
  }
}
