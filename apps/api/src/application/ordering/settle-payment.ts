import { settledRefusal, type Settled } from '@shop/domain/ordering/checkout-outcome';
import { Charge } from '@shop/domain/payment/charge';
import type { OrderDetails } from '@shop/domain/ordering/order-queries';
import { OrderNotFound } from '@shop/domain/shared/errors';
import type { Log } from '../log';
import type { ChargeResult, CheckoutSettings } from './checkout-settings';
import type { OrderingDeps } from './deps';
import { releaseFailedCheckout } from './release-failed-checkout';
import { releaseOrderStock } from './release-order-stock';

interface SettleDeps {
  log: Log;
  checkout: Pick<CheckoutSettings, 'charge' | 'beforeSettle'>;
  ordering: OrderingDeps;
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
): Promise<OrderDetails> {
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
    if (before === 'PAID') return settledOrder(deps, orderId);
    throw error;
  }
  const refusal = settledRefusal(settled, charge.outcome);
  if (refusal) throw refusal;
  return settledOrder(deps, orderId);
}

/** The order as checkout answers it, once settled. */
async function settledOrder({ ordering }: SettleDeps, orderId: string): Promise<OrderDetails> {
  const order = await ordering.orderQueries.findById(orderId);
  if (!order) throw new OrderNotFound();
  return order;
}

/** Records the processor's answer and moves the order on, in one transaction. */
async function settleCharge(
  { checkout, ordering }: SettleDeps,
  orderId: string,
  userId: string,
  charge: ChargeResult,
  attempt: number,
): Promise<Settled> {
  return ordering.unitOfWork(async (tx): Promise<Settled> => {
    const order = await ordering.orders.findByIdForUpdate(tx, orderId);
    if (!order) throw new Error(`Order ${orderId} disappeared while its payment was settled`);
    await checkout.beforeSettle?.(attempt);
    if (attempt > 1 && (await ordering.payments.findCharge(tx, orderId))) {
      // An earlier attempt committed although its answer never arrived.
      if (order.status === 'PAID') return 'paid';
      return charge.outcome === 'APPROVED' ? 'cancelled' : 'declined';
    }
    // Every charge the processor answered is recorded, whatever became of the order meanwhile.
    const answer = Charge.of(charge.outcome, order.total, charge.cardLast4);
    await ordering.payments.recordCharge(tx, orderId, answer);
    if (order.status === 'CANCELLED') {
      // Cancelled (by the shopper, or expired) while the card was charged: its stock is back
      // already; the money goes back too.
      if (answer.approved) await ordering.payments.recordRefund(tx, orderId, answer);
      return 'cancelled';
    }
    if (order.status !== 'PENDING_PAYMENT') {
      throw new Error(`Order ${orderId} is ${order.status} before its only charge was settled`);
    }
    const at = ordering.clock.now();
    if (answer.approved) {
      order.markPaid(answer, at);
      await ordering.orders.save(tx, order);
      // What was bought leaves the shopper's cart in the same transaction.
      const cart = await ordering.carts.findForUpdate(tx, { userId });
      cart?.checkOut(orderId, order.lines, at);
      if (cart) await ordering.carts.save(tx, cart);
      return 'paid';
    }
    order.declinePayment(at);
    await ordering.orders.save(tx, order);
    await releaseOrderStock(ordering, tx, order, at);
    return 'declined';
  });
}
