import { OrderNotFound } from '@shop/domain/shared/errors';
import { assertTransition } from '../../domain/ordering/order-status';
import { now } from '../../infrastructure/clock';
import {
  changeStatus,
  getOrderById,
  lockOrder,
  type OrderRow,
} from '../../infrastructure/db/order.repository';
import { inTransaction, type Db } from '../../infrastructure/db/transactions';

/** The back office's move along the life cycle, under the order's lock (see ship/deliver-order). */
export async function advanceOrder(
  db: Db,
  orderId: string,
  to: 'SHIPPED' | 'DELIVERED',
): Promise<OrderRow> {
  await inTransaction(db, async (tx) => {
    const order = await lockOrder(tx, orderId);
    if (!order) throw new OrderNotFound();
    assertTransition(order.status, to);
    await changeStatus(tx, orderId, { status: to, at: now() });
  });
  return getOrderById(db, orderId);
}
