import { reservationCutoff } from '@shop/domain/ordering/order';
import type { OrderingDeps } from './deps';
import { releaseOrderStock } from './steps/release-order-stock';

export interface ExpireOptions {
  /** How long an order may await payment while it holds stock. */
  ttlMs: number;
  /** The time to judge by; tests move it forward. */
  now?: Date;
  /** At most this many orders per call. */
  batchSize?: number;
}

/**
 * An order still PENDING_PAYMENT after `ttlMs` is cancelled, its stock returned, and its history
 * says EXPIRED. Each order is expired in its own transaction under its row lock (SKIP LOCKED,
 * state re-checked by the aggregate), so several sweepers — one per API process — and a checkout
 * settling the same order never double-return stock. Answers the ids this call expired. Since
 * stage 4 each order's own timer (reservation-timeout.ts) does this on time; the sweep is the
 * safety net for anything it missed.
 */
export async function expireReservations(
  deps: OrderingDeps,
  { ttlMs, now = deps.clock.now(), batchSize = 100 }: ExpireOptions,
): Promise<string[]> {
  const expired: string[] = [];
  const stale = await deps.orders.findPendingPlacedBefore(reservationCutoff(now, ttlMs), batchSize);
  for (const id of stale) {
    const done = await deps.unitOfWork(async (tx) => {
      const order = await deps.orders.findByIdForUpdate(tx, id, { skipLocked: true });
      if (!order?.reservationExpiredBy(now, ttlMs)) return null;
      const at = deps.clock.now();
      order.expire(at);
      await releaseOrderStock(deps, tx, order, at);
      await deps.orders.save(tx, order);
      await deps.sagas.record(
        tx,
        id,
        'cancelled',
        'The safety sweep found the reservation ended before payment answered; the order was cancelled and its stock released.',
      );
      return { userId: order.userId };
    });
    if (done === null) continue;
    expired.push(id);
    deps.log.info(
      { event: 'order.expired', orderId: id, userId: done.userId, ttlMs },
      `order ${id} expired unpaid: cancelled, stock returned`,
    );
  }
  return expired;
}
