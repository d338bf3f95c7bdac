/**
 * Charges and refunds, in memory. A charge is recorded once the decider has answered; a refund is
 * taken in one synchronous step (check, then record), so two refunds of one charge racing each
 * other cannot both succeed.
 */
import { ApiError } from './errors';
import { newId } from './ids';

export interface Charge {
  id: string;
  paymentMethodId: string;
  status: 'approved' | 'declined';
  amount: number;
  currency: string;
  last4: string;
  metadata: Record<string, string>;
  createdAt: Date;
}

export interface Refund {
  id: string;
  chargeId: string;
  amount: number;
  status: 'succeeded';
  createdAt: Date;
}

export interface Ledger {
  recordCharge(charge: Omit<Charge, 'id' | 'createdAt'>): Charge;
  /** Refunds an approved charge in full; throws 404 for an unknown charge, 409 when not refundable. */
  refund(chargeId: string): Refund;
  charges(): Charge[];
  refunds(): Refund[];
}

export function createLedger(): Ledger {
  const charges = new Map<string, Charge>();
  const refundsByCharge = new Map<string, Refund>();
  return {
    recordCharge(fields) {
      const charge = { ...fields, id: newId('ch'), createdAt: new Date() };
      charges.set(charge.id, charge);
      return charge;
    },
    refund(chargeId) {
      const charge = charges.get(chargeId);
      if (!charge) throw new ApiError(404, 'charge_not_found', `No charge ${chargeId}`);
      if (charge.status !== 'approved') {
        throw new ApiError(
          409,
          'charge_not_refundable',
          `Charge ${chargeId} was declined: there is nothing to refund`,
        );
      }
      const earlier = refundsByCharge.get(chargeId);
      if (earlier) {
        throw new ApiError(
          409,
          'already_refunded',
          `Charge ${chargeId} was already refunded (${earlier.id})`,
        );
      }
      const refund: Refund = {
        id: newId('re'),
        chargeId,
        amount: charge.amount,
        status: 'succeeded',
        createdAt: new Date(),
      };
      refundsByCharge.set(chargeId, refund);
      return refund;
    },
    charges: () => [...charges.values()],
    refunds: () => [...refundsByCharge.values()],
  };
}
