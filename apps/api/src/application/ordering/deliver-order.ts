import type { OrderRow } from '../../infrastructure/db/order.repository';
import type { Db } from '../../infrastructure/db/transactions';
import type { Logger } from '../../infrastructure/log';
import { advanceOrder } from './advance-order';

/** An admin marks a shipped order delivered; the log says who. */
export async function deliverOrder(
  { db, log }: { db: Db; log: Logger },
  adminId: string,
  orderId: string,
): Promise<OrderRow> {
  const order = await advanceOrder(db, orderId, 'DELIVERED');
  log.info({ event: 'order.delivered', orderId, adminId }, `order ${orderId} marked delivered`);
  return order;
}
