import { getOrderById, type OrderRow } from '../../infrastructure/db/order.repository';
import type { Db } from '../../infrastructure/db/transactions';

/** Any shopper's order, for the back office's answer after it moved one (read side, stage 2). */
export async function getAnyOrder({ db }: { db: Db }, orderId: string): Promise<OrderRow> {
  return getOrderById(db, orderId);
}
