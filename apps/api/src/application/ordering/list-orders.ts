import type { OrderDetails } from '@shop/domain/ordering/order-queries';
import type { OrderingDeps } from './deps';

/** The shopper's own orders, newest first. */
export async function listOrders(
  { orderQueries }: Pick<OrderingDeps, 'orderQueries'>,
  userId: string,
): Promise<OrderDetails[]> {
  return orderQueries.listForUser(userId);
}
