// The consumer of the message pacts: a merchant's callback endpoint as the README tells integrators to
// write it. It verifies the signature with the client's verifyCallback, then acts on the callback's
// kind (a refund callback has "reason", a payment callback has "provider"); a bad signature is refused.
// A payment that saved a card hands its token (tokenInformation.customer.id) on, to be stored with the shopper.
import { verifyCallback, type Schemas } from '../../client/src/index.js';

export type ReceivedCallback =
  | { accepted: true; kind: 'payment'; reference: string; key: string; status: Schemas['PaymentCallback']['status']; amount: number; savedCard?: string }
  | { accepted: true; kind: 'refund'; reference: string; key: string; status: Schemas['RefundCallback']['status']; amount: number }
  | { accepted: false; reason: string };

/** `nowMs`: the receiver's clock (the default replay window of verifyCallback is checked against it). */
export function receiveCallback(body: unknown, headers: Record<string, string | undefined>, publicKeyPem: string, nowMs = Date.now()): ReceivedCallback {
  const verified = verifyCallback(body, headers, publicKeyPem, { now: nowMs });
  if (!verified.ok) return { accepted: false, reason: verified.reason };
  if (!body || typeof body !== 'object') return { accepted: false, reason: 'not an object' };
  if ('reason' in body) {
    const refund = body as Schemas['RefundCallback'];
    return { accepted: true, kind: 'refund', reference: refund.reference, key: refund.key, status: refund.status, amount: refund.amount };
  }
  const payment = body as Schemas['PaymentCallback'];
  const savedCard = payment.tokenInformation?.customer.id;
  return {
    accepted: true,
    kind: 'payment',
    reference: payment.reference,
    key: payment.key,
    status: payment.status,
    amount: payment.amount,
    ...(savedCard ? { savedCard } : {}),
  };
}
