import { OrderNotFound } from '@shop/domain/shared/errors';
import type { OrderingDeps } from '../deps';

/** The back office's move along the life cycle, under the order's lock (see ship/deliver-order). */
export async function advanceOrder(
  deps: OrderingDeps,
  orderId: string,
  move: 'ship' | 'deliver',
): Promise<void> {
  await deps.unitOfWork(async (tx) => {
    const order = await deps.orders.findByIdForUpdate(tx, orderId);
    if (!order) throw new OrderNotFound();
    order[move](deps.clock.now());
    await deps.orders.save(tx, order);
  });
}
