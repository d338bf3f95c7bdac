import { reservationCutoff } from '../../domain/ordering/reservation';
import * as clock from '../../infrastructure/clock';
import { changeStatus } from '../../infrastructure/db/order.repository';
import {
  findStalePendingOrderIds,
  lockStalePendingOrder,
} from '../../infrastructure/db/pending-order.repository';
import { inTransaction, type Db } from '../../infrastructure/db/transactions';
import type { Logger } from '../../infrastructure/log';
import { returnOrderStock } from './return-order-stock';

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
 * status re-checked), so several sweepers — one per API process — and a checkout settling the
 * same order never double-return stock. Answers the ids this call expired.
 */
export async function expireReservations(
  { db, log }: { db: Db; log: Logger },
  { ttlMs, now = clock.now(), batchSize = 100 }: ExpireOptions,
): Promise<string[]> {
  const cutoff = reservationCutoff(now, ttlMs);
  const expired: string[] = [];
  for (const id of await findStalePendingOrderIds(db, cutoff, batchSize)) {
    const userId = await inTransaction(db, async (tx) => {
      const owner = await lockStalePendingOrder(tx, id, cutoff);
      if (owner === null) return null;
      await returnOrderStock(tx, id);
      await changeStatus(tx, id, { status: 'CANCELLED', reason: 'EXPIRED', at: clock.now() });
      return owner;
    });
    if (userId === null) continue;
    expired.push(id);
    log.info(
      { event: 'order.expired', orderId: id, userId, ttlMs },
      `order ${id} expired unpaid: cancelled, stock returned`,
    );
  }
  return expired;
}
