import type { Tx } from '../shared/unit-of-work';
import type { Charge } from './charge';

/**
 * The payment ledger: one CHARGE per order at most (approved or declined), and one REFUND of an
 * approved charge when a paid order is cancelled.
 */
export interface PaymentRepository {
  /** The charge recorded for this order, if any (a settle retry asks before charging twice). */
  findCharge(tx: Tx, orderId: string): Promise<Charge | null>;
  recordCharge(tx: Tx, orderId: string, charge: Charge): Promise<void>;
  recordRefund(tx: Tx, orderId: string, charge: Charge): Promise<void>;
}
