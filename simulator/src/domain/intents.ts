// Pure rules of intents and attempts: no I/O, no clock reads (time comes in as an argument).
import { hash } from 'node:crypto';
import type { components } from '../../../client/src/generated/littlepay.js';
import { ApiError, fieldError } from './errors.js';
import type { IntentRecord, MerchantRecord } from './records.js';

export type CreateIntentBody = components['schemas']['CreateIntentRequest'];

export const DEFAULT_CURRENCY = 'KES';
export const DEFAULT_EXPIRY_MINUTES = 30;

/** Rules of §4.1 that a JSON schema cannot say. Throws the first broken one. */
export function checkCreateIntent(body: CreateIntentBody, merchant: MerchantRecord): void {
  const currency = body.currency ?? DEFAULT_CURRENCY;
  if (!merchant.currencies.includes(currency)) {
    throw fieldError('CURRENCY_NOT_ENABLED', 'body.currency', 'enabled', `"${currency}" is not enabled for this merchant (enabled: ${merchant.currencies.join(', ')})`);
  }
  const billing = body.payload?.billingAddress;
  if (billing && !billing.email && !billing.phoneNumber) {
    throw fieldError('MISSING_CONTACT', 'body.payload.billingAddress', 'emailOrPhone', 'must have an email or a phoneNumber');
  }
}

/** A stable hash of the create request, to recognise a retry of the very same request. */
export function requestHash(body: CreateIntentBody, tokenId: string): string {
  // Defaults applied first: leaving out currency is the same request as sending KES.
  const normalised = { ...body, currency: body.currency ?? DEFAULT_CURRENCY, expiresAt: body.expiresAt ?? DEFAULT_EXPIRY_MINUTES };
  return hash('sha256', canonicalJson({ tokenId, body: normalised }), 'hex');
}

/** JSON with object keys sorted and undefined fields left out. Runs on every create: no map/filter chains. */
function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    default:
      return JSON.stringify(value) ?? '';
  }
  if (value === null) return 'null';
  let out: string;
  if (Array.isArray(value)) {
    out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonicalJson(value[i]);
    return `${out}]`;
  }
  out = '{';
  let first = true;
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined) continue;
    out += `${first ? '' : ','}${quote(key)}:${canonicalJson(v)}`;
    first = false;
  }
  return `${out}}`;
}

/** JSON.stringify of a string, without the call when nothing needs escaping (the usual case). */
function quote(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return JSON.stringify(s);
  }
  return `"${s}"`;
}

export function newIntent(
  body: CreateIntentBody,
  merchant: MerchantRecord,
  reference: string,
  hash: string,
  nowMs: number,
): IntentRecord {
  const minutes = body.expiresAt ?? DEFAULT_EXPIRY_MINUTES;
  const created = new Date(nowMs).toISOString();
  const payload: IntentRecord['payload'] = {};
  if (body.payload?.billingAddress) payload.billingAddress = body.payload.billingAddress;
  if (body.payload && 'customData' in body.payload) payload.customData = body.payload.customData;
  return {
    id: reference,
    merchantId: merchant.id,
    key: body.key,
    amount: body.amount,
    currency: body.currency ?? DEFAULT_CURRENCY,
    description: body.description,
    callbackUrl: body.callbackUrl,
    ...(body.returnUrl ? { returnUrl: body.returnUrl } : {}),
    expiresInMinutes: minutes,
    expiresAt: new Date(nowMs + minutes * 60_000).toISOString(),
    payload,
    metadata: { ...body.metadata },
    requestHash: hash,
    status: 'PENDING',
    paidAmount: 0,
    attempts: [],
    refunds: [],
    createdAt: created,
    updatedAt: created,
  };
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

/** Amount charged by a provider: MPESA cannot take decimals and rounds to the nearest whole unit (§3.4). */
export function chargedAmount(amount: number, provider: string): number {
  return provider === 'MPESA' ? Math.round(amount) : amount;
}

/** Money left to refund. PENDING and COMPLETED refunds count; FAILED ones give the money back. */
export function refundable(intent: IntentRecord): number {
  const used = intent.refunds.filter((r) => r.status !== 'FAILED').reduce((sum, r) => sum + r.amount, 0);
  return roundMoney(intent.paidAmount - used);
}

export function roundMoney(n: number): number {
  return Math.round(n * 100) / 100;
}
