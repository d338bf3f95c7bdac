/**
 * Orders with their lines, status history and payments. Status changes happen under the order's
 * row lock (`lockOrder`), so concurrent moves on one order take turns and re-read its status.
 */
import type { OrderStatus, Prisma, StatusChangeReason } from '@shop/db/client';
import type { OrderQueries } from '@shop/domain/ordering/order-queries';
import type { Db, Tx } from './transactions';

const orderSelect = {
  id: true,
  userId: true,
  status: true,
  createdAt: true,
  totalAmount: true,
  currency: true,
  requestHash: true,
  shipFullName: true,
  shipAddress: true,
  shipCity: true,
  shipPostalCode: true,
  shipCountry: true,
  lines: {
    orderBy: { name: 'asc' },
    select: { productId: true, name: true, unitPrice: true, quantity: true, lineTotal: true },
  },
  history: { orderBy: { at: 'asc' }, select: { status: true, at: true, reason: true } },
  payments: { select: { kind: true, outcome: true } },
  user: { select: { name: true, email: true } },
} satisfies Prisma.OrderSelect;

/** An order as every read returns it: what the shopper, the back office and checkout look at. */
export type OrderRow = Prisma.OrderGetPayload<{ select: typeof orderSelect }>;

export async function findOrderByKey(
  db: Db | Tx,
  userId: string,
  idempotencyKey: string,
): Promise<OrderRow | null> {
  return db.order.findUnique({
    where: { userId_idempotencyKey: { userId, idempotencyKey } },
    select: orderSelect,
  });
}

/** An order known to exist (this process just wrote it). */
export async function getOrderById(db: Db | Tx, id: string): Promise<OrderRow> {
  return db.order.findUniqueOrThrow({ where: { id }, select: orderSelect });
}

/** The order only if it is this user's. */
export async function findUserOrder(
  db: Db | Tx,
  userId: string,
  id: string,
): Promise<OrderRow | null> {
  return db.order.findFirst({ where: { id, userId }, select: orderSelect });
}

/** Newest first. */
export async function findUserOrders(db: Db | Tx, userId: string): Promise<OrderRow[]> {
  return db.order.findMany({
    where: { userId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: orderSelect,
  });
}

/** Everyone's orders, newest first, optionally in one status. */
export async function findOrders(
  db: Db | Tx,
  { status, limit }: { status?: OrderStatus | undefined; limit: number },
): Promise<OrderRow[]> {
  return db.order.findMany({
    where: status ? { status } : {},
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit,
    select: orderSelect,
  });
}

/** What a status change needs to know about the order, read under its row lock. */
export interface LockedOrder {
  userId: string;
  status: OrderStatus;
  totalAmount: number;
  currency: string;
}

/** SELECT … FOR UPDATE: held until the transaction ends. Undefined when there is no such order. */
export async function lockOrder(tx: Tx, id: string): Promise<LockedOrder | undefined> {
  const rows = await tx.$queryRaw<LockedOrder[]>`
    SELECT "userId", "status", "totalAmount", "currency" FROM "Order"
    WHERE "id" = ${id}::uuid FOR UPDATE`;
  return rows[0];
}

/** Moves the order to `status` and appends the change, with why when no person caused it. */
export async function changeStatus(
  tx: Tx,
  orderId: string,
  change: { status: OrderStatus; at: Date; reason?: StatusChangeReason | null },
): Promise<void> {
  await tx.order.update({ where: { id: orderId }, data: { status: change.status } });
  await tx.orderStatusChange.create({
    data: { orderId, status: change.status, reason: change.reason ?? null, at: change.at },
  });
}

/** The units each line took, to give them back. */
export async function findOrderLines(
  tx: Tx,
  orderId: string,
): Promise<{ productId: string; quantity: number }[]> {
  return tx.orderLine.findMany({ where: { orderId }, select: { productId: true, quantity: true } });
}

/** The read side of orders over Prisma: rows are the domain's `OrderDetails` as they are. */
export function createOrderQueries(db: Db): OrderQueries {
  return {
    findById: (id) => db.order.findUnique({ where: { id }, select: orderSelect }),
    findForUser: (userId, id) => findUserOrder(db, userId, id),
    findByKey: (userId, idempotencyKey) => findOrderByKey(db, userId, idempotencyKey),
    listForUser: (userId) => findUserOrders(db, userId),
    list: (filter) => findOrders(db, filter),
  };
}
