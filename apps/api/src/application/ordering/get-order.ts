import type { OrderDetails } from '@shop/domain/ordering/order-queries';
import { OrderNotFound } from '@shop/domain/shared/errors';
import type { OrderingDeps } from './deps';

/** One of the shopper's orders; another shopper's order does not exist for them. */
export async function getOrder(
  { orderQueries }: Pick<OrderingDeps, 'orderQueries'>,
  userId: string,
  orderId: string,
): Promise<OrderDetails> {
  const order = await orderQueries.findForUser(userId, orderId);
  if (!order) throw new OrderNotFound();
  return order;
}
