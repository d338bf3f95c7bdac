/**
 * The domain's OrderRepository over Prisma: rows ⇄ `Order`. Loads for change take the order's row
 * lock (SELECT … FOR UPDATE), so concurrent moves on one order take turns and re-read its state;
 * `save` writes the status and appends the history entries the aggregate added since it was loaded.
 */
import { Order, type OrderState } from '@shop/domain/ordering/order';
import { IdempotencyKeyTaken, type OrderRepository } from '@shop/domain/ordering/order-repository';
import type { Tx as DomainTx } from '@shop/domain/shared/unit-of-work';
import type { Prisma } from '@shop/db/client';
import { hasPrismaCode, type Db, type Tx } from './transactions';
import { enlist, prismaTx } from './unit-of-work';

/** Every column the `Order` aggregate is rebuilt from (the read side adds who ordered). */
export const aggregateSelect = {
  id: true,
  userId: true,
  status: true,
  createdAt: true,
  totalAmount: true,
  currency: true,
  idempotencyKey: true,
  requestHash: true,
  shipFullName: true,
  shipAddress: true,
  shipCity: true,
  shipPostalCode: true,
  shipCountry: true,
  paymentMethodId: true,
  lines: {
    orderBy: { name: 'asc' },
    select: { productId: true, name: true, unitPrice: true, quantity: true, lineTotal: true },
  },
  history: { orderBy: { at: 'asc' }, select: { status: true, at: true, reason: true } },
  payments: { select: { kind: true, outcome: true } },
} satisfies Prisma.OrderSelect;

type AggregateRow = Prisma.OrderGetPayload<{ select: typeof aggregateSelect }>;

function toState(row: AggregateRow): OrderState {
  return {
    id: row.id,
    userId: row.userId,
    idempotencyKey: row.idempotencyKey,
    requestHash: row.requestHash,
    shippingAddress: {
      fullName: row.shipFullName,
      address: row.shipAddress,
      city: row.shipCity,
      postalCode: row.shipPostalCode,
      country: row.shipCountry.trim(),
    },
    status: row.status,
    currency: row.currency.trim(),
    totalAmount: row.totalAmount,
    lines: row.lines,
    history: row.history,
    payments: row.payments,
    placedAt: row.createdAt,
    paymentMethodId: row.paymentMethodId,
  };
}

export function createOrderRepository(db: Db): OrderRepository {
  /** How many history entries each loaded order had in the database: `save` appends the rest. */
  const storedHistory = new WeakMap<Order, number>();

  const load = (row: AggregateRow | null): Order | null => {
    if (!row) return null;
    const order = Order.rehydrate(toState(row));
    storedHistory.set(order, row.history.length);
    return order;
  };

  // Prisma loads a select's relations in parallel; in a transaction they would share one
  // connection, which pg deprecates (pg 9 refuses it). So the relations are read one by one.
  const findById = async (client: Db | Tx, id: string) => {
    const { lines, history, payments, ...scalars } = aggregateSelect;
    const order = await client.order.findUnique({ where: { id }, select: scalars });
    if (!order) return null;
    const where = { orderId: id };
    return load({
      ...order,
      lines: await client.orderLine.findMany({ where, ...lines }),
      history: await client.orderStatusChange.findMany({ where, ...history }),
      payments: await client.payment.findMany({ where, ...payments }),
    });
  };

  return {
    findById: (tx, id) => findById(prismaTx(db, tx), id),

    async findByIdForUpdate(tx, id, options) {
      const client = prismaTx(db, tx);
      const locked = options?.skipLocked
        ? await client.$queryRaw<{ id: string }[]>`
            SELECT "id" FROM "Order" WHERE "id" = ${id}::uuid FOR UPDATE SKIP LOCKED`
        : await client.$queryRaw<{ id: string }[]>`
            SELECT "id" FROM "Order" WHERE "id" = ${id}::uuid FOR UPDATE`;
      return locked.length === 0 ? null : findById(client, id);
    },

    async findByKey(userId, idempotencyKey) {
      return load(
        await db.order.findUnique({
          where: { userId_idempotencyKey: { userId, idempotencyKey } },
          select: aggregateSelect,
        }),
      );
    },

    async findPendingPlacedBefore(cutoff, limit) {
      const rows = await db.order.findMany({
        where: { status: 'PENDING_PAYMENT', createdAt: { lt: cutoff } },
        orderBy: { createdAt: 'asc' },
        take: limit,
        select: { id: true },
      });
      return rows.map((row) => row.id);
    },

    async save(tx: DomainTx, order: Order) {
      enlist(tx, order);
      const client = prismaTx(db, tx);
      const state = order.snapshot();
      const stored = storedHistory.get(order);
      if (stored === undefined) {
        try {
          await client.order.create({
            data: {
              id: state.id,
              userId: state.userId,
              status: state.status,
              totalAmount: state.totalAmount,
              currency: state.currency,
              idempotencyKey: state.idempotencyKey,
              requestHash: state.requestHash,
              shipFullName: state.shippingAddress.fullName,
              shipAddress: state.shippingAddress.address,
              shipCity: state.shippingAddress.city,
              shipPostalCode: state.shippingAddress.postalCode,
              shipCountry: state.shippingAddress.country,
              createdAt: state.placedAt,
              paymentMethodId: state.paymentMethodId,
              lines: { create: state.lines.map((line) => ({ ...line })) },
              history: { create: state.history.map((change) => ({ ...change })) },
            },
          });
        } catch (error) {
          // Another attempt holds this user's key: the caller answers with its order.
          if (hasPrismaCode(error, 'P2002')) throw new IdempotencyKeyTaken();
          throw error;
        }
      } else {
        const added = state.history.slice(stored);
        if (added.length === 0) return;
        await client.order.update({ where: { id: state.id }, data: { status: state.status } });
        await client.orderStatusChange.createMany({
          data: added.map((change) => ({ orderId: state.id, ...change })),
        });
      }
      storedHistory.set(order, state.history.length);
    },
  };
}
