import type { OrderDetails } from '@shop/domain/ordering/order-queries';
import type { OrderStatus } from '@shop/domain/ordering/order-status';
import type { OrderingDeps } from './deps';

/** The back office's list is bounded: the newest orders are the ones to act on. */
const backOfficeListLimit = 500;

/** Every shopper's orders for the back office, newest first, optionally in one status. */
export async function listAllOrders(
  { orderQueries }: Pick<OrderingDeps, 'orderQueries'>,
  status?: OrderStatus,
): Promise<OrderDetails[]> {
  return orderQueries.list({ status, limit: backOfficeListLimit });
}
