// Merchants: the demo set made from the seed on first start, and the ones tests create for themselves.
import { timingSafeEqual } from 'node:crypto';
import { checkFixedCredentials, demoMerchants, FIXED_FIELDS, newMerchant, type FixedFields } from '../domain/merchants.js';
import type { Environment, MerchantRecord } from '../domain/records.js';
import { iso } from '../runtime/clock.js';
import { commit, type Context } from './context.js';

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export class Merchants {
  constructor(private readonly ctx: Context) {}

  list(): MerchantRecord[] {
    return [...this.ctx.store.all('merchants')];
  }

  /** Creates the demo merchants unless they exist already (first start, or after a full reset). */
  async ensureDemo(): Promise<void> {
    if (this.list().some((m) => m.demo)) return;
    const now = iso(this.ctx.globalClock.now());
    const created = demoMerchants(this.ctx.ids, now);
    await commit(this.ctx, created.map((value) => ({ collection: 'merchants' as const, value })));
  }

  async create(input: { environment: Environment; name?: string; currencies?: string[] } & FixedFields): Promise<MerchantRecord> {
    checkFixedCredentials(input, this.ctx.store.all('merchants'));
    const fixed = Object.fromEntries(FIXED_FIELDS.filter((f) => input[f] !== undefined).map((f) => [f, input[f]]));
    const merchant = { ...newMerchant(this.ctx.ids, input, iso(this.ctx.globalClock.now())), ...fixed };
    await commit(this.ctx, [{ collection: 'merchants', value: merchant }]);
    return merchant;
  }

  byClientCredentials(clientId: string, clientSecret: string): MerchantRecord | undefined {
    return this.find((m) => m.clientId === clientId && sameSecret(m.clientSecret, clientSecret));
  }

  byApiKey(apiKey: string): MerchantRecord | undefined {
    return this.find((m) => sameSecret(m.apiKey, apiKey));
  }

  byTokenId(tokenId: string): MerchantRecord | undefined {
    return this.find((m) => m.tokenId === tokenId);
  }

  /** On every authenticated request: walks the stored merchants without copying them. */
  private find(match: (m: MerchantRecord) => boolean): MerchantRecord | undefined {
    for (const m of this.ctx.store.all('merchants')) if (match(m)) return m;
    return undefined;
  }
}
