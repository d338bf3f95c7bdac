/**
 * Writing a checkout's order while its stock is reserved, and finding the ones whose reservation
 * has run out.
 */
import { hasPrismaCode, type Db, type Tx } from './transactions';

/** Another attempt already holds this user's idempotency key; its order is the answer. */
export class IdempotencyKeyTaken extends Error {
  constructor() {
    super('An order with this idempotency key already exists');
  }
}

export interface NewPendingOrder {
  userId: string;
  idempotencyKey: string;
  requestHash: string;
  address: { fullName: string; address: string; city: string; postalCode: string; country: string };
  placedAt: Date;
}

/**
 * Inserted before any stock is touched: a concurrent attempt with the same key waits on the
 * unique index here, then fails with IdempotencyKeyTaken while holding no product row. The total
 * is filled in by `savePricedLines` in the same transaction.
 */
export async function insertPendingOrder(tx: Tx, order: NewPendingOrder): Promise<string> {
  const { address } = order;
  try {
    const row = await tx.order.create({
      data: {
        userId: order.userId,
        createdAt: order.placedAt,
        idempotencyKey: order.idempotencyKey,
        requestHash: order.requestHash,
        status: 'PENDING_PAYMENT',
        totalAmount: 0,
        currency: 'KRW',
        shipFullName: address.fullName,
        shipAddress: address.address,
        shipCity: address.city,
        shipPostalCode: address.postalCode,
        shipCountry: address.country,
        history: { create: { status: 'PENDING_PAYMENT', at: order.placedAt } },
      },
      select: { id: true },
    });
    return row.id;
  } catch (error) {
    if (hasPrismaCode(error, 'P2002')) throw new IdempotencyKeyTaken();
    throw error;
  }
}

export interface PricedOrder {
  lines: {
    productId: string;
    name: string;
    unitPrice: number;
    quantity: number;
    lineTotal: number;
  }[];
  totalAmount: number;
  currency: string;
}

export async function savePricedLines(tx: Tx, orderId: string, order: PricedOrder): Promise<void> {
  await tx.orderLine.createMany({ data: order.lines.map((line) => ({ orderId, ...line })) });
  await tx.order.update({
    where: { id: orderId },
    data: { totalAmount: order.totalAmount, currency: order.currency },
  });
}

/** The oldest orders still awaiting payment that were placed before `cutoff`. */
export async function findStalePendingOrderIds(
  db: Db,
  cutoff: Date,
  limit: number,
): Promise<string[]> {
  const rows = await db.order.findMany({
    where: { status: 'PENDING_PAYMENT', createdAt: { lt: cutoff } },
    orderBy: { createdAt: 'asc' },
    take: limit,
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

/**
 * Locks the order only if it is still pending and stale; SKIP LOCKED passes over one held by
 * another sweeper or a settling checkout (theirs to finish). Answers its owner, or null.
 */
export async function lockStalePendingOrder(
  tx: Tx,
  id: string,
  cutoff: Date,
): Promise<string | null> {
  const rows = await tx.$queryRaw<{ userId: string }[]>`
    SELECT "userId" FROM "Order"
    WHERE "id" = ${id}::uuid AND "status" = 'PENDING_PAYMENT' AND "createdAt" < ${cutoff}
    FOR UPDATE SKIP LOCKED`;
  return rows[0]?.userId ?? null;
}
