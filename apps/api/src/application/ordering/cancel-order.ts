import { OrderNotFound } from '@shop/domain/shared/errors';
import type { OrderingDeps } from './deps';
import { releaseOrderStock } from './steps/release-order-stock';

/**
 * The shopper cancels: the stock goes back and, when the order was paid, the money too. Under the
 * order's lock, so a checkout settling it or a second cancel waits and then sees it cancelled.
 */
export async function cancelOrder(
  deps: OrderingDeps,
  userId: string,
  orderId: string,
): Promise<void> {
  await deps.unitOfWork(async (tx) => {
    const order = await deps.orders.findByIdForUpdate(tx, orderId);
    if (!order) throw new OrderNotFound();
    order.assertVisibleTo(userId);
    const at = deps.clock.now();
    const { refundDue } = order.cancel(null, at);
    await releaseOrderStock(deps, tx, order, at);
    await deps.orders.save(tx, order);
    if (refundDue) {
      const payment = await deps.payments.findByOrder(tx, orderId);
      payment.refund(at);
      await deps.payments.save(tx, payment);
    }
  });
}
