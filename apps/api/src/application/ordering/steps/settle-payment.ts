import { settledRefusal, type Settled } from '@shop/domain/ordering/checkout-outcome';
import { Charge } from '@shop/domain/payment/charge';
import type { OrderDetails } from '@shop/domain/ordering/order-queries';
import { OrderNotFound } from '@shop/domain/shared/errors';
import type { Log } from '../../log';
import type { ChargeResult, CheckoutSettings } from '../checkout-settings';
import type { OrderingDeps } from '../deps';
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

/**
 * Records the processor's answer and carries out what the order decides about it, in one
 * transaction: pay and check the cart out, decline and return the stock, or give the money back.
 */
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
    const payment = await ordering.payments.findByOrder(tx, orderId);
    const at = ordering.clock.now();
    const answer = Charge.of(charge.outcome, order.total, charge.cardLast4);
    // Every answer is recorded, whatever became of the order meanwhile; a repeat changes nothing.
    payment.recordCharge(answer, at);
    const settlement = order.settle(answer, at);
    if (settlement.refundDue) payment.refund(at);
    await ordering.orders.save(tx, order);
    await ordering.payments.save(tx, payment);
    if (settlement.releaseStock) await releaseOrderStock(ordering, tx, order, at);
    if (settlement.checkOutCart) {
      const cart = await ordering.carts.findForUpdate(tx, { userId });
      cart?.checkOut(orderId, order.lines, at);
      if (cart) await ordering.carts.save(tx, cart);
    }
    return settlement.settled;
  });
}
