import type { OrderRow } from '../../infrastructure/db/order.repository';
import type { Db } from '../../infrastructure/db/transactions';
import type { Logger } from '../../infrastructure/log';
import { advanceOrder } from './advance-order';

/** An admin marks a paid order shipped; the log says who. */
export async function shipOrder(
  { db, log }: { db: Db; log: Logger },
  adminId: string,
  orderId: string,
): Promise<OrderRow> {
  const order = await advanceOrder(db, orderId, 'SHIPPED');
  log.info({ event: 'order.shipped', orderId, adminId }, `order ${orderId} marked shipped`);
  return order;
}
