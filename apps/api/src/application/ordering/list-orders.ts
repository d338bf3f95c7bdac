import { findUserOrders, type OrderRow } from '../../infrastructure/db/order.repository';
import type { Db } from '../../infrastructure/db/transactions';

/** The shopper's own orders, newest first. */
export async function listOrders({ db }: { db: Db }, userId: string): Promise<OrderRow[]> {
  return findUserOrders(db, userId);
}
