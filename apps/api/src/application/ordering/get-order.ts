import { OrderNotFound } from '@shop/domain/shared/errors';
import { findUserOrder, type OrderRow } from '../../infrastructure/db/order.repository';
import type { Db } from '../../infrastructure/db/transactions';

/** One of the shopper's orders; another shopper's order does not exist for them. */
export async function getOrder(
  { db }: { db: Db },
  userId: string,
  orderId: string,
): Promise<OrderRow> {
  const order = await findUserOrder(db, userId, orderId);
  if (!order) throw new OrderNotFound();
  return order;
}
