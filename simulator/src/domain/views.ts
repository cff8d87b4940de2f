// Wire shapes built from stored records: every answer and callback body is typed by the contract.
import type { components } from '../../../client/src/generated/littlepay.js';
import { isExpired } from './intents.js';
import type { AttemptRecord, IntentRecord, RefundRecord } from './records.js';

type S = components['schemas'];
export type ProcessData = S['ProcessPaymentResponse']['data'];
export type StatusData = S['PaymentStatusResponse']['data'];
export type PaymentCallbackBody = S['PaymentCallback'];
export type RefundCallbackBody = S['RefundCallback'];

/** The message of the documented PENDING answer, misspelling included ("promoted", §4.2). */
export function pinPromptMessage(provider: string): string {
  return `You will be promoted to enter your ${provider} PIN`;
}

/** `stepUp` is the challenge a pending card attempt waits for (meta.stepUpUrl and meta.accessToken). */
export function processView(intent: IntentRecord, attempt: AttemptRecord, stepUp?: { url: string; token: string }): ProcessData {
  const meta: ProcessData['meta'] = {
    provider: attempt.provider,
    providerReference: attempt.status === 'PENDING' ? '' : attempt.providerReference,
    stepUpUrl: stepUp?.url ?? null,
    accessToken: stepUp?.token ?? null,
    amount: attempt.amount,
    currency: intent.currency,
    description: intent.description,
    reference: intent.id,
  };
  if (attempt.provider === 'MPESA' && attempt.status !== 'PENDING') {
    meta.mpesaResponse = {
      MobileNumber: attempt.mobile ?? '',
      TrxID: attempt.status === 'COMPLETED' ? attempt.providerReference : '',
      ResultCode: attempt.resultCode ?? 0,
      ResultDesc: attempt.message,
    };
  }
  return { status: attempt.status, message: attempt.message, meta };
}

const EMPTY_BILLING = {
  firstName: '',
  lastName: '',
  address1: '',
  locality: '',
  administrativeArea: '',
  postalCode: '',
  country: '',
  email: '',
  phoneNumber: '',
};

/** The documented examples show every billing field, empty when not given. */
function payloadView(intent: IntentRecord): StatusData['payload'] {
  const out: StatusData['payload'] = { billingAddress: { ...EMPTY_BILLING, ...intent.payload.billingAddress } };
  if ('customData' in intent.payload) out.customData = intent.payload.customData;
  return out;
}

/** The status an intent reports: an expired, unpaid intent reports FAILED with expired: true (docs/decisions/0003). */
export function reportedStatus(intent: IntentRecord, nowMs: number): StatusData['status'] {
  const pending = intent.attempts.some((a) => a.status === 'PENDING');
  if (!pending && isExpired(intent, nowMs)) return 'FAILED';
  return intent.status;
}

export function statusView(intent: IntentRecord, nowMs: number): StatusData {
  const last = intent.attempts.at(-1);
  return {
    reference: intent.id,
    status: reportedStatus(intent, nowMs),
    payload: payloadView(intent),
    amount: intent.amount,
    currency: intent.currency,
    description: intent.description,
    payment: { provider: last?.provider ?? null, details: last?.card ?? null },
    ...tokenInformation(last),
    key: intent.key,
    expired: isExpired(intent, nowMs),
    attempts: intent.attempts.map((a) => ({
      reference: intent.id,
      provider: a.provider,
      status: a.status,
      message: a.message,
      providerReference: a.providerReference,
      date: a.finishedAt ?? a.createdAt,
    })),
    refunds: intent.refunds.map((r) => ({
      amount: r.amount,
      status: r.status,
      ...(r.reason ? { reason: r.reason } : {}),
      date: r.finishedAt ?? r.createdAt,
    })),
  };
}

/** Callback dates have whole seconds, as in the documented example ("2025-02-03T13:49:46.000Z"). */
function wholeSeconds(isoDate: string): string {
  return new Date(Math.floor(Date.parse(isoDate) / 1000) * 1000).toISOString();
}

export function paymentCallbackBody(intent: IntentRecord, attempt: AttemptRecord): PaymentCallbackBody {
  return {
    reference: intent.id,
    status: attempt.status === 'COMPLETED' ? 'COMPLETED' : 'FAILED',
    payload: payloadView(intent),
    amount: attempt.amount,
    key: intent.key,
    currency: intent.currency,
    provider: attempt.provider,
    date: wholeSeconds(attempt.finishedAt ?? attempt.createdAt),
    // Card callbacks also say which card paid, masked, in the status answer's shape.
    ...(attempt.card ? { payment: { provider: attempt.provider, details: attempt.card } } : {}),
    ...tokenInformation(attempt),
  };
}

/**
 * The saved card an attempt created (createCustomer) or paid with, as the Tokenization Guide shows it:
 * top level in the flat callback, under data in the status answer (docs/decisions/0013).
 */
function tokenInformation(attempt: AttemptRecord | undefined): { tokenInformation?: S['TokenInformation'] } {
  return attempt?.token ? { tokenInformation: { customer: { id: attempt.token.id } } } : {};
}

export function refundCallbackBody(intent: IntentRecord, refund: RefundRecord): RefundCallbackBody {
  return {
    status: refund.status === 'COMPLETED' ? 'COMPLETED' : 'FAILED',
    message: refund.message ?? (refund.status === 'COMPLETED' ? 'Success' : 'Refund failed'),
    amount: refund.amount,
    reason: refund.reason,
    date: refund.finishedAt ?? refund.createdAt,
    reference: intent.id,
    key: intent.key,
  };
}
