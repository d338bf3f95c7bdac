import { OrderNotFound } from '@shop/domain/shared/errors';
import type { CheckoutSettings } from './checkout-settings';
import type { OrderingDeps } from './deps';
import { releaseOrderStock } from './steps/release-order-stock';

/**
 * The shopper cancels: the stock goes back at once and, when the order was paid, payment is told
 * (`ordering.OrderCancelled`) and gives the money back. Under the order's lock, so a checkout
 * settling it or a second cancel waits and then sees it cancelled. A refund is waited for, briefly
 * and bounded, so the answer usually shows it done; past the bound the saga finishes on its own.
 */
export async function cancelOrder(
  deps: OrderingDeps,
  checkout: Pick<CheckoutSettings, 'waitMs'>,
  userId: string,
  orderId: string,
): Promise<void> {
  const saga = await deps.unitOfWork(async (tx) => {
    const order = await deps.orders.findByIdForUpdate(tx, orderId);
    if (!order) throw new OrderNotFound();
    order.assertVisibleTo(userId);
    const at = deps.clock.now();
    const { refundDue } = order.cancel(null, at);
    await releaseOrderStock(deps, tx, order, at);
    await deps.orders.save(tx, order);
    return deps.sagas.record(
      tx,
      orderId,
      'cancelled',
      refundDue
        ? 'The shopper cancelled the paid order; the stock went back and payment refunds the charge.'
        : 'The shopper cancelled before payment answered; the stock went back.',
    );
  });
  if (saga === 'REFUNDING') await deps.settlements.waitUntilAtRest(orderId, checkout.waitMs);
}
