import type { Tx } from '../shared/unit-of-work';
import type { Payment } from './payment';

/**
 * Where payments live: one per order, its charge and refund as ledger entries. `save` writes the
 * entries recorded since the payment was loaded, in the caller's transaction, and enlists the
 * payment so its events leave with the commit.
 */
export interface PaymentRepository {
  /** The order's payment so far (an open one when the processor has not answered yet). */
  findByOrder(tx: Tx, orderId: string): Promise<Payment>;
  save(tx: Tx, payment: Payment): Promise<void>;
}
