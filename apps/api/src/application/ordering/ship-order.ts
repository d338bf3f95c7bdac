import { advanceOrder } from './steps/advance-order';
import type { OrderingDeps } from './deps';

/** An admin marks a paid order shipped; the log says who. */
export async function shipOrder(
  deps: OrderingDeps,
  adminId: string,
  orderId: string,
): Promise<void> {
  await advanceOrder(deps, orderId, 'ship');
  deps.log.info({ event: 'order.shipped', orderId, adminId }, `order ${orderId} marked shipped`);
}
