import type { Charge } from './charge';
import { paymentEvent, type PaymentEvent } from './payment-events';

/**
 * What the ledger records for an order's charge, and the event that tells it: approved or
 * declined, never twice (rule 5 — one CHARGE per order; the repository's unique key enforces it).
 */
export function chargeRecorded(orderId: string, charge: Charge, at: Date): PaymentEvent {
  const data = {
    orderId,
    amount: { amount: charge.amount.amount, currency: charge.amount.currency },
    cardLast4: charge.cardLast4,
  };
  return charge.approved
    ? paymentEvent.chargeApproved(data, at)
    : paymentEvent.chargeDeclined(data, at);
}

/** A refund gives back an approved charge in full; a declined one took nothing to give back. */
export function refundFor(orderId: string, charge: Charge, at: Date): PaymentEvent {
  if (!charge.approved) throw new RangeError('Only an approved charge can be refunded');
  return paymentEvent.refundIssued(
    {
      orderId,
      amount: { amount: charge.amount.amount, currency: charge.amount.currency },
      cardLast4: charge.cardLast4,
    },
    at,
  );
}
