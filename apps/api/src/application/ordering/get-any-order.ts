import type { OrderDetails } from '@shop/domain/ordering/order-queries';
import { OrderNotFound } from '@shop/domain/shared/errors';
import type { OrderingDeps } from './deps';

/** Any shopper's order, for the back office's answer after it moved one. */
export async function getAnyOrder(
  { orderQueries }: Pick<OrderingDeps, 'orderQueries'>,
  orderId: string,
): Promise<OrderDetails> {
  const order = await orderQueries.findById(orderId);
  if (!order) throw new OrderNotFound();
  return order;
}
