import { settledRefusal, type Settled } from '../../domain/ordering/checkout';
import { now } from '../../infrastructure/clock';
import { emptyCart } from '../../infrastructure/db/cart.repository';
import {
  changeStatus,
  getOrderById,
  lockOrder,
  type OrderRow,
} from '../../infrastructure/db/order.repository';
import { hasCharge, recordCharge, recordRefund } from '../../infrastructure/db/payment.repository';
import { inTransaction, type Db } from '../../infrastructure/db/transactions';
import type { Logger } from '../../infrastructure/log';
import type { ChargeResult } from '../../infrastructure/payment/card-gateway';
import type { CheckoutSettings } from './checkout-settings';
import { releaseFailedCheckout } from './release-failed-checkout';
import { returnOrderStock } from './return-order-stock';

interface SettleDeps {
  db: Db;
  log: Logger;
  checkout: Pick<CheckoutSettings, 'charge' | 'beforeSettle'>;
}

/**
 * Checkout's second step: charge the card, then record the answer and move the order on. A
 * settle that fails is tried once more; if that fails too the order is released.
 */
export async function settlePayment(
  deps: SettleDeps,
  orderId: string,
  userId: string,
  cardNumber: string,
): Promise<OrderRow> {
  let charge: ChargeResult;
  try {
    charge = await deps.checkout.charge(cardNumber);
  } catch (error) {
    await releaseFailedCheckout(deps, orderId, null, error);
    throw error;
  }
  let settled: Settled;
  try {
    settled = await settleCharge(deps, orderId, userId, charge, 1).catch((error: unknown) => {
      deps.log.warn(
        { event: 'order.settle_retried', orderId, err: error },
        `order ${orderId}: settling failed once; trying again`,
      );
      return settleCharge(deps, orderId, userId, charge, 2);
    });
  } catch (error) {
    const before = await releaseFailedCheckout(deps, orderId, charge, error);
    // The last attempt committed after all (its answer was lost): the order is paid.
    if (before === 'PAID') return getOrderById(deps.db, orderId);
    throw error;
  }
  const refusal = settledRefusal(settled, charge.outcome);
  if (refusal) throw refusal;
  return getOrderById(deps.db, orderId);
}

/** Records the processor's answer and moves the order on, in one transaction. */
async function settleCharge(
  { db, checkout }: SettleDeps,
  orderId: string,
  userId: string,
  charge: ChargeResult,
  attempt: number,
): Promise<Settled> {
  return inTransaction(db, async (tx) => {
    const order = await lockOrder(tx, orderId);
    if (!order) throw new Error(`Order ${orderId} disappeared while its payment was settled`);
    await checkout.beforeSettle?.(attempt);
    if (attempt > 1 && (await hasCharge(tx, orderId))) {
      // An earlier attempt committed although its answer never arrived.
      if (order.status === 'PAID') return 'paid';
      return charge.outcome === 'APPROVED' ? 'cancelled' : 'declined';
    }
    // Every charge the processor answered is recorded, whatever became of the order meanwhile.
    await recordCharge(tx, orderId, order, charge);
    if (order.status === 'CANCELLED') {
      // Cancelled (by the shopper, or expired) while the card was charged: its stock is back
      // already; the money goes back too.
      if (charge.outcome === 'APPROVED') await recordRefund(tx, orderId, order);
      return 'cancelled';
    }
    if (order.status !== 'PENDING_PAYMENT') {
      throw new Error(`Order ${orderId} is ${order.status} before its only charge was settled`);
    }
    if (charge.outcome === 'APPROVED') {
      await changeStatus(tx, orderId, { status: 'PAID', at: now() });
      await emptyCart(tx, userId);
      return 'paid';
    }
    await changeStatus(tx, orderId, { status: 'CANCELLED', at: now() });
    await returnOrderStock(tx, orderId);
    return 'declined';
  });
}
