// Pure rules of intents and attempts: no I/O, no clock reads (time comes in as an argument).
import type { components } from '../../../client/src/generated/littlepay.js';
import { iso } from '../runtime/clock.js';
import { cloneRecord, EMPTY_LIST, EMPTY_OBJECT } from '../runtime/clone.js';
import { checkAmount, minorUnitDigits, roundToUnit } from './amounts.js';
import { ApiError, fieldError } from './errors.js';
import type { IntentRecord, MerchantRecord } from './records.js';

export type CreateIntentBody = components['schemas']['CreateIntentRequest'];

const DEFAULT_CURRENCY = 'KES';
export const DEFAULT_EXPIRY_MINUTES = 30;

/** Rules of §4.1 that a JSON schema cannot say. Throws the first broken one. */
export function checkCreateIntent(body: CreateIntentBody, merchant: MerchantRecord): void {
  const currency = body.currency ?? DEFAULT_CURRENCY;
  if (!merchant.currencies.includes(currency)) {
    throw fieldError(
      'CURRENCY_NOT_ENABLED',
      'body.currency',
      'enabled',
      `"${currency}" is not enabled for this merchant (enabled: ${merchant.currencies.join(', ')})`,
    );
  }
  checkAmount(body.amount, currency, 'body.amount');
  // The key is stored, looked up and shown by /_sim; masked, it would be another key.
  if (body.key.includes('*')) throw fieldError('VALIDATION_ERROR', 'body.key', 'notCardNumber', 'must not hold a card number');
  const billing = body.payload?.billingAddress;
  if (billing && !billing.email && !billing.phoneNumber) {
    throw fieldError('MISSING_CONTACT', 'body.payload.billingAddress', 'emailOrPhone', 'must have an email or a phoneNumber');
  }
}

/**
 * Whether a create with a key the merchant already used is a retry of the request that made `intent`
 * (decision 0006): the same JSON value, whatever the order of its fields, with the defaults applied (no
 * currency is KES, no expiresAt is 30, no payload or metadata is an empty one). Compared with what the
 * intent stored, which is every field of the request: nothing is computed on the create path for it.
 */
export function isSameCreateRequest(intent: IntentRecord, body: CreateIntentBody): boolean {
  return (
    intent.amount === body.amount &&
    intent.currency === (body.currency ?? DEFAULT_CURRENCY) &&
    intent.description === body.description &&
    intent.callbackUrl === body.callbackUrl &&
    intent.returnUrl === body.returnUrl &&
    intent.expiresInMinutes === (body.expiresAt ?? DEFAULT_EXPIRY_MINUTES) &&
    sameJson(intent.payload, storedPayload(body)) &&
    sameJson(intent.metadata, body.metadata ?? {})
  );
}

/** Equal JSON values: objects whatever the order of their fields (a field set to undefined is absent). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const xKeys = Object.keys(x).filter((k) => x[k] !== undefined);
  const yKeys = Object.keys(y).filter((k) => y[k] !== undefined);
  return xKeys.length === yKeys.length && xKeys.every((k) => Object.hasOwn(y, k) && sameJson(x[k], y[k]));
}

function storedPayload(body: CreateIntentBody): IntentRecord['payload'] {
  const payload: IntentRecord['payload'] = {};
  if (body.payload?.billingAddress) payload.billingAddress = body.payload.billingAddress;
  if (body.payload && 'customData' in body.payload) payload.customData = body.payload.customData;
  return payload;
}

const NO_ITEMS = EMPTY_LIST as never[];
const NO_FIELDS = EMPTY_OBJECT as Record<string, never>;

/**
 * A new intent's record. It shares no object with the body (what it takes from it is copied), so the store
 * keeps it as it is; its empty lists and metadata are the store's shared frozen ones (runtime/clone.ts).
 */
export function newIntent(body: CreateIntentBody, merchant: MerchantRecord, reference: string, nowMs: number): IntentRecord {
  const minutes = body.expiresAt ?? DEFAULT_EXPIRY_MINUTES;
  const created = iso(nowMs);
  const intent: IntentRecord = {
    id: reference,
    merchantId: merchant.id,
    key: body.key,
    amount: body.amount,
    currency: body.currency ?? DEFAULT_CURRENCY,
    description: body.description,
    callbackUrl: body.callbackUrl,
    expiresInMinutes: minutes,
    expiresAt: new Date(nowMs + minutes * 60_000).toISOString(),
    payload: cloneRecord(storedPayload(body)),
    metadata: body.metadata === undefined ? NO_FIELDS : cloneRecord(body.metadata),
    status: 'PENDING',
    paidAmount: 0,
    attempts: NO_ITEMS,
    refunds: NO_ITEMS,
    createdAt: created,
    updatedAt: created,
  };
  // Added after the literal, not spread into it (a spread makes V8 build every new intent the slow way).
  if (body.returnUrl) intent.returnUrl = body.returnUrl;
  return intent;
}

export function isExpired(intent: IntentRecord, nowMs: number): boolean {
  return intent.status !== 'COMPLETED' && nowMs >= Date.parse(intent.expiresAt);
}

/** Whether a new attempt may start on the intent now. */
export function checkCanProcess(intent: IntentRecord, nowMs: number): void {
  if (intent.status === 'COMPLETED') throw new ApiError('INTENT_COMPLETED', `Intent ${intent.id} has already been paid`);
  if (intent.attempts.some((a) => a.status === 'PENDING')) {
    throw new ApiError('PAYMENT_IN_PROGRESS', `Intent ${intent.id} has an attempt still pending; wait for its result before retrying`);
  }
  if (isExpired(intent, nowMs)) {
    throw new ApiError('INTENT_EXPIRED', `Intent ${intent.id} expired at ${intent.expiresAt}; create a new intent`);
  }
}

/**
 * Amount charged by a provider: mobile money moves whole units and rounds to the nearest one, as M-Pesa is
 * documented to (§3.4; decision 0073 applies it to every wallet); a card takes the intent's amount.
 */
export function chargedAmount(amount: number, provider: string): number {
  return provider === 'CARDS' ? amount : Math.round(amount);
}

/** Money left to refund. PENDING and COMPLETED refunds count; FAILED ones give the money back. */
export function refundable(intent: IntentRecord): number {
  const used = intent.refunds.filter((r) => r.status !== 'FAILED').reduce((sum, r) => sum + r.amount, 0);
  return roundToUnit(intent.paidAmount - used, minorUnitDigits(intent.currency));
}
