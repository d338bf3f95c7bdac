import { OrderNotFound } from '@shop/domain/shared/errors';
import { assertTransition } from '../../domain/ordering/order-status';
import { now } from '../../infrastructure/clock';
import {
  changeStatus,
  getOrderById,
  lockOrder,
  type OrderRow,
} from '../../infrastructure/db/order.repository';
import { recordRefund } from '../../infrastructure/db/payment.repository';
import { inTransaction, type Db } from '../../infrastructure/db/transactions';
import { returnOrderStock } from './return-order-stock';

/**
 * The shopper cancels: the stock goes back and, when the order was paid, the money too. Under the
 * order's lock, so a checkout settling it or a second cancel waits and then sees it cancelled.
 */
export async function cancelOrder(
  { db }: { db: Db },
  userId: string,
  orderId: string,
): Promise<OrderRow> {
  await inTransaction(db, async (tx) => {
    const order = await lockOrder(tx, orderId);
    // Another shopper's order does not exist for you.
    if (order?.userId !== userId) throw new OrderNotFound();
    assertTransition(order.status, 'CANCELLED');
    await returnOrderStock(tx, orderId);
    await changeStatus(tx, orderId, { status: 'CANCELLED', at: now() });
    if (order.status === 'PAID') await recordRefund(tx, orderId, order);
  });
  return getOrderById(db, orderId);
}
