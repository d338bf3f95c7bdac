import { advanceOrder } from './steps/advance-order';
import type { OrderingDeps } from './deps';

/** An admin marks a shipped order delivered; the log says who. */
export async function deliverOrder(
  deps: OrderingDeps,
  adminId: string,
  orderId: string,
): Promise<void> {
  await advanceOrder(deps, orderId, 'deliver');
  deps.log.info(
    { event: 'order.delivered', orderId, adminId },
    `order ${orderId} marked delivered`,
  );
}
