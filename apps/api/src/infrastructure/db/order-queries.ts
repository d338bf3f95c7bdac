/**
 * The read side of orders: each with its lines, status history, payments and who ordered, as the
 * domain's `OrderQueries` promise them. Changes go through order.repository.ts.
 */
import type { OrderStatus, Prisma } from '@shop/db/client';
import type { OrderQueries } from '@shop/domain/ordering/order-queries';
import { aggregateSelect } from './order.repository';
import type { Db, Tx } from './transactions';

const orderSelect = {
  ...aggregateSelect,
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
