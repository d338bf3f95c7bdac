import { silentLogger, type Logger } from '../infrastructure/log';
import {
  transactionOptions,
  withTransactionRetry,
  type Db,
} from '../infrastructure/db/transactions';
import { changeStatus, linesOf } from './order.model';
import { returnStock } from './stock.model';

export interface ExpireOptions {
  /** How long an order may await payment while it holds stock. */
  ttlMs: number;
  /** The clock; tests move it forward. */
  now?: Date;
  /** At most this many orders per call. */
  batchSize?: number;
  log?: Logger;
}

/**
 * A reservation has a time limit: an order still PENDING_PAYMENT after `ttlMs` is cancelled, its
 * stock returned, and its history says EXPIRED. Each order is expired in its own transaction under
 * its row lock (SKIP LOCKED, status re-checked), so several sweepers — one per API process — and a
 * checkout settling the same order never double-return stock. Answers the ids this call expired.
 */
export async function expireReservations(
  db: Db,
  { ttlMs, now = new Date(), batchSize = 100, log = silentLogger }: ExpireOptions,
): Promise<string[]> {
  const cutoff = new Date(now.getTime() - ttlMs);
  const candidates = await db.order.findMany({
    where: { status: 'PENDING_PAYMENT', createdAt: { lt: cutoff } },
    orderBy: { createdAt: 'asc' },
    take: batchSize,
    select: { id: true },
  });
  const expired: string[] = [];
  for (const { id } of candidates) {
    const userId = await withTransactionRetry(() =>
      db.$transaction(async (tx) => {
        // Locked by another sweeper or by a settling checkout: theirs to finish.
        const rows = await tx.$queryRaw<{ userId: string }[]>`
          SELECT "userId" FROM "Order"
          WHERE "id" = ${id}::uuid AND "status" = 'PENDING_PAYMENT' AND "createdAt" < ${cutoff}
          FOR UPDATE SKIP LOCKED`;
        const order = rows[0];
        if (!order) return null;
        await returnStock(tx, await linesOf(tx, id));
        await changeStatus(tx, id, 'CANCELLED', 'EXPIRED');
        return order.userId;
      }, transactionOptions),
    );
    if (userId === null) continue;
    expired.push(id);
    log.info(
      { event: 'order.expired', orderId: id, userId, ttlMs },
      `order ${id} expired unpaid: cancelled, stock returned`,
    );
  }
  return expired;
}
