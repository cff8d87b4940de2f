// What the simulator stores. These are storage shapes, not wire shapes: the wire shapes are the
// contract's (client/src/generated) and are built from these in domain/views.ts.
import type { components } from '../../../client/src/generated/littlepay.js';
import type { components as simComponents } from '../../../client/src/generated/simulator.js';
import type { ClockState } from '../runtime/clock.js';

type Schemas = components['schemas'];
type SimSchemas = simComponents['schemas'];
export type Provider = Schemas['Provider'];
export type MobileProvider = Exclude<Provider, 'CARDS'>;
export type PaymentStatus = Schemas['PaymentStatus'];
export type BillingAddress = Schemas['BillingAddress'];
export type Environment = SimSchemas['Environment'];
export type MaskedCard = Schemas['MaskedCard'];

/** The merchant as /_sim shows it, plus what only the simulator needs. */
export type MerchantRecord = SimSchemas['Merchant'] & {
  demo: boolean;
  createdAt: string;
};

export interface AttemptRecord {
  id: string;
  provider: Provider;
  status: PaymentStatus;
  outcome: string;
  /** Where the outcome came from (docs/decisions/0021); absent on attempts stored before overrides existed. */
  outcomeSource?: OutcomeSource;
  message: string;
  amount: number;
  mobile?: string;
  /** For CARDS: what may be kept of the card (never the number or the CVV). */
  card?: MaskedCard;
  providerReference: string;
  resultCode?: number;
  /** For CARDS: the saved card (token) this attempt created (createCustomer) or paid with. */
  token?: AttemptToken;
  createdAt: string;
  /** When the pending attempt becomes final (ms since epoch, on the merchant's clock). */
  resolveAt: number;
  finishedAt?: string;
}

export interface AttemptToken {
  id: string;
  use: 'created' | 'used';
}

export interface RefundRecord {
  id: string;
  amount: number;
  status: PaymentStatus;
  /** The refund outcome it was given when asked for (docs/decisions/0080); absent on refunds stored before outcomes existed. */
  outcome?: string;
  /** A refund is never resolved by hand: its outcome comes from a queue, its amount, or neither. */
  outcomeSource?: SimSchemas['SimRefund']['outcomeSource'];
  /** The message of its final answer or callback, once final. */
  message?: string;
  reason: string;
  callbackUrl?: string;
  createdAt: string;
  resolveAt?: number;
  finishedAt?: string;
}

/**
 * The 3-D Secure state of the card being paid on an intent (cspaToken, enroll, challenge). Holds the
 * outcome the card number chose, never the number. Cleared when an attempt uses it up.
 */
export interface CardSessionRecord {
  /** Cardinal's ReferenceId for the device-data collection. */
  id: string;
  card: MaskedCard;
  outcome: string;
  /** Where the outcome came from: a queued override, the test card, or the default. */
  outcomeSource?: OutcomeSource;
  /** The outcome the card's own number chooses, whatever was queued: what a token saved from it keeps. */
  cardOutcome?: string;
  /** collecting: card known, enroll not done; authenticated/failed: decided; challenge: waiting for the shopper. */
  stage: 'collecting' | 'challenge' | 'authenticated' | 'failed';
  /** The outcome that failed it (authentication_failed, challenge_rejected, ...). */
  failure?: string;
  challenge?: { id: string; expiresAt: number };
  deviceDataCollected: boolean;
  createdAt: string;
  /** Enrollment and any challenge must be done by then (ms on the merchant's clock). */
  deadline: number;
}

export interface IntentRecord {
  id: string; // the reference
  merchantId: string;
  key: string;
  amount: number;
  currency: string;
  description: string;
  callbackUrl: string;
  returnUrl?: string;
  expiresInMinutes: number;
  expiresAt: string;
  payload: { billingAddress?: BillingAddress; customData?: unknown };
  metadata: { authenticationRedirectUrl?: string; createCustomer?: boolean };
  status: PaymentStatus;
  paidAmount: number;
  attempts: AttemptRecord[];
  refunds: RefundRecord[];
  card3ds?: CardSessionRecord;
  createdAt: string;
  updatedAt: string;
}

export type DeliveryRecord = SimSchemas['Delivery'];

export interface CallbackRecord {
  id: string;
  kind: 'payment' | 'refund';
  merchantId: string;
  reference: string;
  url: string;
  body: Record<string, unknown>;
  state: 'pending' | 'delivered' | 'failed';
  createdAt: string;
  /** When the next delivery is due. Named as on the wire (the Callback schema) and in stored data, both fixed. */
  nextAttemptAt: number | null;
  deliveries: DeliveryRecord[];
  /** Absent on records stored before replays and duplicates existed: read as 'event'. */
  origin?: SimSchemas['Callback']['origin'];
  originalId?: string;
}

/** A merchant's callback delivery settings; id is the merchant's id. */
export type CallbackSettingsRecord = SimSchemas['CallbackSettings'] & { id: string };

/** A merchant's last receiver check; id is the merchant's id. */
export interface CallbackCheckRecord {
  id: string;
  report: SimSchemas['CallbackCheck'];
}

export type InboxRecord = SimSchemas['InboxMessage'] & { id: string; name: string };

export type OutcomeSource = SimSchemas['SimAttempt']['outcomeSource'];
export type OutcomeQueues = SimSchemas['OutcomeQueues']['queues'];
export type FaultRecord = SimSchemas['Fault'];

/** A merchant's /_sim controls: its test clock, queued outcomes and faults. Absent until first used. */
export interface ControlRecord {
  id: string; // the merchant's id
  clock: ClockState | null;
  outcomes: OutcomeQueues;
  faults: FaultRecord[];
  /** The address-verification rule of card payments (docs/decisions/0081); absent means the default. */
  avs?: AvsRule;
}

export type AvsRule = SimSchemas['AvsSetting']['rule'];

/**
 * A saved card (Little Pay's Customer ID), issued by a successful card payment on an intent with
 * metadata.createCustomer. Bound to its merchant and, through it, to the merchant's environment.
 * Keeps what may be kept of the card and the outcome its number chooses (docs/decisions/0013).
 */
export interface TokenRecord {
  id: string; // 32 upper-case hex characters
  merchantId: string;
  environment: Environment;
  card: MaskedCard;
  cardOutcome: string;
  /** The intent whose payment saved the card. */
  reference: string;
  createdAt: string;
}

export interface MetaRecord {
  id: 'counters';
  values: Record<string, number>;
}

export interface Collections {
  merchants: MerchantRecord;
  intents: IntentRecord;
  callbacks: CallbackRecord;
  inbox: InboxRecord;
  meta: MetaRecord;
  callbackSettings: CallbackSettingsRecord;
  callbackChecks: CallbackCheckRecord;
  controls: ControlRecord;
  tokens: TokenRecord;
}
export type CollectionName = keyof Collections;
