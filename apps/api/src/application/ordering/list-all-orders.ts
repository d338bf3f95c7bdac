import type { OrderStatus } from '@shop/domain/ordering/order-status';
import { findOrders, type OrderRow } from '../../infrastructure/db/order.repository';
import type { Db } from '../../infrastructure/db/transactions';

/** The back office's list is bounded: the newest orders are the ones to act on. */
const backOfficeListLimit = 500;

/** Every shopper's orders for the back office, newest first, optionally in one status. */
export async function listAllOrders({ db }: { db: Db }, status?: OrderStatus): Promise<OrderRow[]> {
  return findOrders(db, { status, limit: backOfficeListLimit });
}
