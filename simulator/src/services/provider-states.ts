// Pact provider states: named situations a consumer pact can ask for ("a sandbox merchant with a
// completed MPESA payment with key ORDER123"), built through the same services the API uses. Each
// setup starts from a fresh merchant holding the documented fixed credentials (the one set up before
// gets new random ones), so states never collide on a key however often a verifier runs
// (docs/decisions/0060-provider-states.md).
import { cardOutcomeFor, mobileOutcomes, TEST_CARD_NUMBERS } from '../domain/catalogue.js';
import { luhnValid } from '../domain/cards.js';
import { ApiError, fieldError } from '../domain/errors.js';
import { DEFAULT_EXPIRY_MINUTES } from '../domain/intents.js';
import { newMerchant } from '../domain/merchants.js';
import type { AttemptRecord, Environment, IntentRecord, MerchantRecord } from '../domain/records.js';
import { iso } from '../runtime/clock.js';
import { finalizeAttempt, type Waiters } from './attempts.js';
import { Callbacks } from './callbacks.js';
import type { Cards } from './cards.js';
import { commit, type Context } from './context.js';
import type { Controls } from './controls.js';
import type { Merchants } from './merchants.js';
import type { Payments } from './payments.js';
import { lazyImport } from '../runtime/lazy.js';

/** The client library, for its EXAMPLE_DEVICE_INFORMATION: imported by the first state that enrolls a card, not at start. */
const client = lazyImport(() => import('../../../client/src/index.js'));

/** The credentials every provider state's merchant has, so a consumer pact can carry them as literals. */
export const PACT_CREDENTIALS: Record<Environment, Pick<MerchantRecord, 'clientId' | 'clientSecret' | 'tokenId' | 'apiKey'>> = {
  sandbox: {
    clientId: 'c0ffee0000000001',
    clientSecret: 'cGFjdC1zYW5kYm94LWtleQ==',
    tokenId: '00000000-0000-4000-8000-00000000000a',
    apiKey: 'sk_sandbox_c0ffee0000000000000000000000000000000001',
  },
  production: {
    clientId: 'c0ffee0000000002',
    clientSecret: 'cGFjdC1wcm9kdWN0aW9uIQ==',
    tokenId: '00000000-0000-4000-8000-00000000000b',
    apiKey: 'sk_live_c0ffee0000000000000000000000000000000002',
  },
};

const KEY = '([A-Za-z0-9_-]{1,64})';
const CHALLENGE_CARD = '5200000000002151';
/** The card a state saves when it names none: the frictionless test card, or in production (which declines test cards) a plain Visa. */
const SAVED_CARD = { sandbox: '4000000000002701', production: '4111111111111111' } as const;

export type StateValues = Record<string, string | number>;
/** Gets the environment and the name's other captures ({PROVIDER}, {KEY}) in order. */
type Builder = (env: Environment, captures: string[]) => Promise<StateValues>;

export interface ProviderStateDef {
  /** The name, with {environment}, {KEY} and {PROVIDER} where the caller fills one in. */
  name: string;
  description: string;
  pattern: RegExp;
}

export class ProviderStates {
  private readonly defs: Array<ProviderStateDef & { build: Builder }>;

  constructor(
    private readonly ctx: Context,
    private readonly merchants: Merchants,
    private readonly payments: Payments,
    private readonly cards: Cards,
    private readonly controls: Controls,
    /** The app's long-poll waiters: a payment a state finishes wakes a long poll held on it, as any other does. */
    private readonly waiters: Waiters,
  ) {
    const def = (name: string, description: string, source: string, build: Builder) => ({ name, description, pattern: new RegExp(`^${source}$`), build });
    this.defs = [
      def('a {environment} merchant', 'A fresh merchant with the fixed credentials of its environment.', 'an? (sandbox|production) merchant', async (env) => {
        await this.freshMerchant(env);
        return {};
      }),
      def(
        'a {environment} merchant with a pending intent with key {KEY}',
        `An intent of 1500 KES, not paid yet, expiring in ${DEFAULT_EXPIRY_MINUTES} minutes.`,
        `an? (sandbox|production) merchant with a pending intent with key ${KEY}`,
        (env, [key]) => this.intent(env, key!).then(values),
      ),
      def(
        'a {environment} merchant with a completed {PROVIDER} payment with key {KEY}',
        'An intent of 1500 KES paid in full by MPESA, AIRTEL, MTN or TIGOPESA, nothing refunded.',
        `an? (sandbox|production) merchant with a completed ${KEY} payment with key ${KEY}`,
        (env, [provider, key]) => this.paid(env, key!, provider!, 'success'),
      ),
      def(
        'a {environment} merchant with a failed {PROVIDER} payment with key {KEY}',
        'An intent of 1500 KES whose only attempt failed for insufficient funds.',
        `an? (sandbox|production) merchant with a failed ${KEY} payment with key ${KEY}`,
        (env, [provider, key]) => this.paid(env, key!, provider!, 'insufficient_funds'),
      ),
      def(
        'a {environment} merchant with an expired intent with key {KEY}',
        `An intent created ${DEFAULT_EXPIRY_MINUTES + 1} minutes ago that expired unpaid a minute ago.`,
        `an? (sandbox|production) merchant with an expired intent with key ${KEY}`,
        (env, [key]) => this.expired(env, key!),
      ),
      def(
        'a {environment} merchant with an intent with key {KEY} awaiting a 3-D Secure challenge',
        `An intent whose card (${CHALLENGE_CARD}) was enrolled and is waiting for the shopper's challenge answer.`,
        `an? (sandbox|production) merchant with an intent with key ${KEY} awaiting a 3-D Secure challenge`,
        (env, [key]) => this.enrolled(env, key!, CHALLENGE_CARD),
      ),
      def(
        'a {environment} merchant whose callback receiver was checked',
        "A fresh merchant that ran the receiver check against the simulator's own inbox (graded unsafe: the inbox accepts everything).",
        'an? (sandbox|production) merchant whose callback receiver was checked',
        async (env) => {
          const merchant = await this.freshMerchant(env);
          await new Callbacks(this.ctx).check(merchant.id, { url: this.inboxUrl() });
          return {};
        },
      ),
      def(
        'a {environment} merchant with a card saved by the payment with key {KEY}',
        `An intent of 1500 KES with metadata.createCustomer, paid by card (${SAVED_CARD.sandbox}; in production ${SAVED_CARD.production}), which saved it: its callback and status carry tokenInformation ({token}).`,
        `an? (sandbox|production) merchant with a card saved by the payment with key ${KEY}`,
        async (env, [key]) => {
          const merchant = await this.freshMerchant(env);
          const saved = await this.saveCard(merchant, key!, SAVED_CARD[env]);
          return { ...values(saved.intent), token: saved.token };
        },
      ),
      def(
        'a {environment} merchant with a saved card {CARD} and a pending intent with key {KEY}',
        'A card saved by an earlier payment (key {KEY}_SAVED; a declining test card is saved with a queued success) and a pending intent of 1500 KES to pay with it ({token}).',
        `an? (sandbox|production) merchant with a saved card ([0-9]{12,19}) and a pending intent with key ${KEY}`,
        async (env, [card, key]) => {
          checkSavable(card!);
          const merchant = await this.freshMerchant(env);
          const { token } = await this.saveCard(merchant, `${key!}_SAVED`, card!);
          return { ...values(await this.createIntent(merchant, key!)), token };
        },
      ),
      def(
        'a {environment} merchant with a pending intent with key {KEY} and a card saved by another {environment} merchant',
        "A pending intent of 1500 KES, and a token ({token}) saved by another merchant of the second environment: the Tokenization Guide's merchant and environment rules refuse it.",
        `an? (sandbox|production) merchant with a pending intent with key ${KEY} and a card saved by another (sandbox|production) merchant`,
        async (env, [key, otherEnv]) => {
          const other = await this.merchants.create({ environment: otherEnv as Environment, name: `Pact provider state (another ${otherEnv} merchant)` });
          const { token } = await this.saveCard(other, 'SAVED_ELSEWHERE', SAVED_CARD[otherEnv as Environment]);
          return { ...values(await this.intent(env, key!)), token };
        },
      ),
      def(
        'a {environment} merchant with an intent with key {KEY} enrolled with card {CARD}',
        'An intent whose test card (GET /_sim/scenarios) went through cspaToken and enroll; process pays it or fails it as the card says.',
        `an? (sandbox|production) merchant with an intent with key ${KEY} enrolled with card ([0-9]{12,19})`,
        (env, [key, card]) => this.enrolled(env, key!, card!),
      ),
    ];
  }

  list(): ProviderStateDef[] {
    return this.defs.map(({ name, description, pattern }) => ({ name, description, pattern }));
  }

  /** Sets up a named state; answers the values a pact injects (reference, key, credentials). */
  async setup(state: string): Promise<StateValues> {
    for (const d of this.defs) {
      const m = d.pattern.exec(state);
      if (!m) continue;
      const env = m[1] as Environment;
      const found = await d.build(env, m.slice(2));
      const merchant = this.fixed(env);
      // inboxUrl: a callback receiver every state can name (the receiver check's pact sends it).
      return { merchantId: merchant.id, inboxUrl: this.inboxUrl(), ...PACT_CREDENTIALS[env], ...found };
    }
    throw fieldError(
      'UNKNOWN_PROVIDER_STATE',
      'body.state',
      'known',
      `"${state}" is not a provider state this simulator knows; GET /_sim/provider-states lists them`,
    );
  }

  /**
   * Retires the merchant holding the fixed credentials (new random ones), then makes a fresh one with them
   * through Merchants.create, like any merchant made with fixed credentials (its checks included).
   */
  async freshMerchant(env: Environment): Promise<MerchantRecord> {
    const old = this.merchants.byTokenId(PACT_CREDENTIALS[env].tokenId);
    if (old) {
      const { clientId, clientSecret, tokenId, apiKey } = newMerchant(this.ctx.ids, { environment: env }, iso(this.ctx.globalClock.now()));
      await commit(this.ctx, [{ collection: 'merchants', value: { ...old, clientId, clientSecret, tokenId, apiKey } }]);
    }
    return this.merchants.create({ environment: env, name: `Pact provider state (${env})`, ...PACT_CREDENTIALS[env] });
  }

  /** The simulator's own inbox: delivered in-process, whatever the network around it. */
  private inboxUrl(): string {
    return `${this.ctx.publicUrl()}/_sim/inbox/provider-states`;
  }

  private fixed(env: Environment): MerchantRecord {
    const merchant = this.merchants.byTokenId(PACT_CREDENTIALS[env].tokenId);
    if (!merchant) throw new ApiError('INTERNAL_ERROR', 'the provider-state merchant vanished');
    return merchant;
  }

  private async intent(env: Environment, key: string): Promise<IntentRecord> {
    return this.createIntent(await this.freshMerchant(env), key);
  }

  private createIntent(merchant: MerchantRecord, key: string, createCustomer = false): Promise<IntentRecord> {
    return this.payments.createIntent(merchant, {
      ...(createCustomer ? { metadata: { createCustomer } } : {}),
      amount: 1500,
      currency: 'KES',
      description: `Order ${key}`,
      callbackUrl: this.inboxUrl(),
      key,
      returnUrl: 'https://shop.example/return',
      payload: { billingAddress: { firstName: 'Jane', lastName: 'Doe', email: 'jane@example.com' } },
    });
  }

  /** A mobile-money payment made through the API, its provider result given at once instead of after the PIN delay. */
  private async paid(env: Environment, key: string, provider: string, outcome: 'success' | 'insufficient_funds'): Promise<StateValues> {
    if (!['MPESA', 'AIRTEL', 'MTN', 'TIGOPESA'].includes(provider)) {
      throw fieldError('UNKNOWN_PROVIDER_STATE', 'body.state', 'provider', `"${provider}" is not a mobile-money provider (MPESA, AIRTEL, MTN, TIGOPESA)`);
    }
    const created = await this.intent(env, key);
    const type = provider as 'MPESA' | 'AIRTEL' | 'MTN' | 'TIGOPESA';
    await this.payments.processMobile(created.id, { type, payment: { mobile: '254712345678' } }, false);
    const intent = this.payments.intent(created.id);
    const attempt = intent.attempts.at(-1)!;
    const result = mobileOutcomes[outcome];
    const now = this.ctx.clockFor(intent.merchantId).now();
    const done: AttemptRecord = {
      ...attempt,
      outcome,
      status: result.status,
      message: result.message,
      resultCode: result.resultCode,
      providerReference: result.status === 'COMPLETED' ? this.ctx.ids.hex('provider-reference', 10, true) : '',
      finishedAt: iso(now),
    };
    const final = await finalizeAttempt(this.ctx, this.waiters, intent, done);
    // The callback the payment set off, for a pact that replays it.
    const callback = [...this.ctx.store.all('callbacks')].find((cb) => cb.reference === final.id);
    return { ...values(final), ...(callback ? { callbackId: callback.id } : {}) };
  }

  /** An intent whose expiry has passed: created with the default expiry, then dated a minute more than that back. */
  private async expired(env: Environment, key: string): Promise<StateValues> {
    const intent = await this.intent(env, key);
    const now = this.ctx.clockFor(intent.merchantId).now();
    const createdAt = now - (intent.expiresInMinutes + 1) * 60_000;
    const aged: IntentRecord = { ...intent, createdAt: iso(createdAt), updatedAt: iso(createdAt), expiresAt: iso(now - 60_000) };
    await commit(this.ctx, [{ collection: 'intents', value: aged }]);
    return values(aged);
  }

  /**
   * Saves a card the way an integrator does (a createCustomer intent paid through cspaToken, enroll and
   * process); a card that would not be authorised is saved with a queued success, as decision 0013 says.
   */
  private async saveCard(merchant: MerchantRecord, key: string, card: string): Promise<{ intent: IntentRecord; token: string }> {
    const created = await this.createIntent(merchant, key, true);
    if (cardOutcomeFor(card, merchant.environment) !== undefined) await this.controls.queueOutcomes(merchant.id, 'CARDS', ['success']);
    const payment = { cc_number: card, cc_cvv: card.startsWith('34') || card.startsWith('37') ? '1234' : '123', cc_exp: '01/39', cc_name: 'Jane Doe' };
    await this.cards.createPaToken(created.id, { type: 'CARDS', payment });
    await this.cards.enroll(created.id, { deviceInformation: (await client()).EXAMPLE_DEVICE_INFORMATION });
    await this.cards.process(created.id, { type: 'CARDS' }, false);
    const intent = this.payments.intent(created.id);
    const token = intent.attempts.at(-1)?.token?.id;
    if (!token) throw new ApiError('INTERNAL_ERROR', `the provider state could not save card ending ${card.slice(-4)}`);
    return { intent, token };
  }

  private async enrolled(env: Environment, key: string, card: string): Promise<StateValues> {
    // Checked before anything is made, so a wrong name changes nothing.
    if (!TEST_CARD_NUMBERS.includes(card)) {
      throw fieldError('UNKNOWN_PROVIDER_STATE', 'body.state', 'testCard', `${card} is not a test card (GET /_sim/scenarios lists them)`);
    }
    const intent = await this.intent(env, key);
    await this.cards.createPaToken(intent.id, { type: 'CARDS', payment: { cc_number: card, cc_cvv: '123', cc_exp: '01/39', cc_name: 'Jane Doe' } });
    await this.cards.enroll(intent.id, { deviceInformation: (await client()).EXAMPLE_DEVICE_INFORMATION });
    return values(this.payments.intent(intent.id));
  }
}

/** A state that saves a named card checks it before anything is made, so a wrong name changes nothing. */
function checkSavable(card: string): void {
  if (!luhnValid(card))
    throw fieldError('UNKNOWN_PROVIDER_STATE', 'body.state', 'luhn', 'the card named is not a valid card number (the Luhn check digit does not match)');
}

function values(intent: IntentRecord): StateValues {
  return { reference: intent.id, key: intent.key };
}
