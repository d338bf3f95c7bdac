import { createHash } from 'node:crypto';
import type { PlaceOrderInput, ShippingAddress } from '@shop/contract/orders';
import type { OrderStatus, Prisma } from '@shop/db/client';
import { getCartLines, emptyCart } from './cart.model';
import { hasPrismaCode, withTransactionRetry, type Db, type Tx } from './db';
import { ShopError, cardDeclined } from './errors';
import { assertTransition } from './order-status';
import { simulateCharge, type ChargeResult } from './payment.model';
import { reserveStock, returnStock, sumPerProduct, type StockRequest } from './stock.model';

export const orderSelect = {
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
  history: { orderBy: { at: 'asc' }, select: { status: true, at: true } },
  payments: { select: { kind: true, outcome: true } },
  user: { select: { name: true, email: true } },
} satisfies Prisma.OrderSelect;

export type OrderRecord = Prisma.OrderGetPayload<{ select: typeof orderSelect }>;

const transactionOptions = { maxWait: 20_000, timeout: 20_000 };

/** What checkout talks to and how patient it is; tests pass their own through the context. */
export interface CheckoutSettings {
  /** The card processor: charges the card and says whether it was approved. */
  charge: (cardNumber: string) => ChargeResult | Promise<ChargeResult>;
  /** How long a repeated key waits for the first attempt to settle. */
  replayWaitMs: number;
}

export const defaultCheckoutSettings: CheckoutSettings = {
  charge: simulateCharge,
  replayWaitMs: 15_000,
};

/** What an idempotency key is bound to: the cart's lines and the address, never the card. */
export function requestFingerprint(
  lines: readonly StockRequest[],
  address: ShippingAddress,
): string {
  const canonical = {
    lines: sumPerProduct(lines).map((line) => [line.productId, line.quantity]),
    address: [address.fullName, address.address, address.city, address.postalCode, address.country],
  };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

/**
 * Checkout: reserve stock and record a PENDING_PAYMENT order in one transaction, charge the card,
 * then settle. The same idempotency key always leads back to the same order and a single charge.
 */
export async function placeOrder(
  db: Db,
  userId: string,
  input: PlaceOrderInput,
  options: Partial<CheckoutSettings> = {},
): Promise<OrderRecord> {
  const settings = { ...defaultCheckoutSettings, ...options };
  const cart = (await getCartLines(db, { userId })).map((line) => ({
    productId: line.product.id,
    quantity: line.quantity,
  }));
  const existing = await findByKey(db, userId, input.idempotencyKey);
  if (existing) return replay(db, existing, cart, input.shippingAddress, settings);
  if (cart.length === 0) throw new ShopError('BAD_REQUEST', 'Your cart is empty');

  let orderId: string;
  try {
    orderId = await withTransactionRetry(() =>
      db.$transaction((tx) => createPendingOrder(tx, userId, input, cart), transactionOptions),
    );
  } catch (error) {
    if (!hasPrismaCode(error, 'P2002')) throw error;
    const winner = await findByKey(db, userId, input.idempotencyKey);
    if (!winner) throw error;
    return replay(db, winner, cart, input.shippingAddress, settings);
  }
  return settlePayment(db, orderId, userId, input.payment.cardNumber, settings);
}

async function createPendingOrder(
  tx: Tx,
  userId: string,
  input: PlaceOrderInput,
  cart: StockRequest[],
): Promise<string> {
  const address = input.shippingAddress;
  const placedAt = new Date();
  const order = await tx.order.create({
    data: {
      userId,
      createdAt: placedAt,
      idempotencyKey: input.idempotencyKey,
      requestHash: requestFingerprint(cart, address),
      status: 'PENDING_PAYMENT',
      totalAmount: 0,
      currency: 'KRW',
      shipFullName: address.fullName,
      shipAddress: address.address,
      shipCity: address.city,
      shipPostalCode: address.postalCode,
      shipCountry: address.country,
    },
    select: { id: true },
  });
  const lines = await reserveStock(tx, cart);
  const currency = lines[0]?.currency ?? 'KRW';
  if (lines.some((line) => line.currency !== currency)) {
    throw new ShopError(
      'CONFLICT',
      'Items priced in different currencies cannot be ordered together',
    );
  }
  await tx.orderLine.createMany({
    data: lines.map((line) => ({
      orderId: order.id,
      productId: line.productId,
      name: line.name,
      unitPrice: line.unitPrice,
      quantity: line.quantity,
      lineTotal: line.unitPrice * line.quantity,
    })),
  });
  const totalAmount = lines.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0);
  await tx.order.update({ where: { id: order.id }, data: { totalAmount, currency } });
  await tx.orderStatusChange.create({
    data: { orderId: order.id, status: 'PENDING_PAYMENT', at: placedAt },
  });
  return order.id;
}

async function settlePayment(
  db: Db,
  orderId: string,
  userId: string,
  cardNumber: string,
  settings: CheckoutSettings,
) {
  const charge = await settings.charge(cardNumber);
  const settled = await withTransactionRetry(() =>
    db.$transaction(async (tx) => {
      const order = await lockOrder(tx, orderId);
      if (!order) throw new Error(`Order ${orderId} disappeared while its payment was settled`);
      // Every charge the processor answered is recorded, whatever became of the order meanwhile.
      await tx.payment.create({
        data: {
          orderId,
          kind: 'CHARGE',
          outcome: charge.outcome,
          amount: order.totalAmount,
          currency: order.currency,
          cardLast4: charge.cardLast4,
        },
      });
      if (order.status === 'CANCELLED') {
        // Cancelled (by the shopper, or expired) while the card was charged: its stock is back
        // already; the money goes back too.
        if (charge.outcome === 'APPROVED') {
          await recordRefund(tx, orderId, order.totalAmount, order.currency);
        }
        return false;
      }
      if (order.status !== 'PENDING_PAYMENT') {
        throw new Error(`Order ${orderId} is ${order.status} before its only charge was settled`);
      }
      if (charge.outcome === 'APPROVED') {
        await changeStatus(tx, orderId, 'PAID');
        await emptyCart(tx, userId);
      } else {
        await changeStatus(tx, orderId, 'CANCELLED');
        await returnStock(tx, await linesOf(tx, orderId));
      }
      return true;
    }, transactionOptions),
  );
  if (!settled) {
    throw charge.outcome === 'APPROVED' ? cancelledAndRefunded() : cancelledBeforePayment();
  }
  if (charge.outcome === 'DECLINED') throw cardDeclined();
  return findOrderOrThrow(db, orderId);
}

const cancelledAndRefunded = () =>
  new ShopError(
    'CONFLICT',
    'This order was cancelled while your payment was being processed. The charge has been refunded in full.',
  );
const cancelledBeforePayment = () =>
  new ShopError(
    'CONFLICT',
    'This order was cancelled before your payment went through. Nothing was charged.',
  );

/** A repeated key: refuse it for another cart or address, else wait for the first attempt's outcome. */
async function replay(
  db: Db,
  order: OrderRecord,
  cart: StockRequest[],
  address: ShippingAddress,
  settings: CheckoutSettings,
) {
  const lines = cart.length > 0 ? cart : order.lines;
  if (requestFingerprint(lines, address) !== order.requestHash) {
    throw new ShopError(
      'CONFLICT',
      'This checkout was already submitted with a different cart or address',
    );
  }
  const settled = await waitUntilSettled(db, order, settings.replayWaitMs);
  const declined = settled.payments.some((p) => p.kind === 'CHARGE' && p.outcome === 'DECLINED');
  if (declined) throw cardDeclined();
  const everPaid = settled.history.some((change) => change.status === 'PAID');
  if (settled.status === 'CANCELLED' && !everPaid) {
    const refunded = settled.payments.some((p) => p.kind === 'REFUND');
    throw refunded ? cancelledAndRefunded() : cancelledBeforePayment();
  }
  return settled;
}

async function waitUntilSettled(db: Db, order: OrderRecord, waitMs: number): Promise<OrderRecord> {
  const deadline = Date.now() + waitMs;
  let current = order;
  // Prisma reads the relations in separate queries: only the order's own status is a safe signal.
  while (current.status === 'PENDING_PAYMENT' && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    current = await findOrderOrThrow(db, order.id);
  }
  return current;
}

async function findByKey(db: Db, userId: string, idempotencyKey: string) {
  return db.order.findUnique({
    where: { userId_idempotencyKey: { userId, idempotencyKey } },
    select: orderSelect,
  });
}

async function findOrderOrThrow(db: Db, id: string): Promise<OrderRecord> {
  return db.order.findUniqueOrThrow({ where: { id }, select: orderSelect });
}

const notFound = () => new ShopError('NOT_FOUND', 'Order not found');

async function lockOrder(tx: Tx, id: string) {
  const rows = await tx.$queryRaw<
    { userId: string; status: OrderStatus; totalAmount: number; currency: string }[]
  >`SELECT "userId", "status", "totalAmount", "currency" FROM "Order" WHERE "id" = ${id}::uuid FOR UPDATE`;
  return rows[0];
}

async function linesOf(tx: Tx, orderId: string): Promise<StockRequest[]> {
  return tx.orderLine.findMany({ where: { orderId }, select: { productId: true, quantity: true } });
}

async function changeStatus(tx: Tx, orderId: string, status: OrderStatus): Promise<void> {
  await tx.order.update({ where: { id: orderId }, data: { status } });
  await tx.orderStatusChange.create({ data: { orderId, status, at: new Date() } });
}

export async function listOrders(db: Db, userId: string): Promise<OrderRecord[]> {
  return db.order.findMany({
    where: { userId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: orderSelect,
  });
}

/** Another shopper's order does not exist for you. */
export async function getOrder(db: Db, userId: string, id: string): Promise<OrderRecord> {
  const order = await db.order.findFirst({ where: { id, userId }, select: orderSelect });
  if (!order) throw notFound();
  return order;
}

/** Cancelling returns the stock and, when the order was paid, records a refund. */
export async function cancelOrder(db: Db, userId: string, id: string): Promise<OrderRecord> {
  await withTransactionRetry(() =>
    db.$transaction(async (tx) => {
      const order = await lockOrder(tx, id);
      if (order?.userId !== userId) throw notFound();
      assertTransition(order.status, 'CANCELLED');
      await returnStock(tx, await linesOf(tx, id));
      await changeStatus(tx, id, 'CANCELLED');
      if (order.status === 'PAID') await recordRefund(tx, id, order.totalAmount, order.currency);
    }, transactionOptions),
  );
  return findOrderOrThrow(db, id);
}

async function recordRefund(tx: Tx, orderId: string, amount: number, currency: string) {
  const charge = await tx.payment.findUnique({
    where: { orderId_kind: { orderId, kind: 'CHARGE' } },
    select: { cardLast4: true },
  });
  await tx.payment.create({
    data: {
      orderId,
      kind: 'REFUND',
      outcome: 'APPROVED',
      amount,
      currency,
      cardLast4: charge?.cardLast4 ?? '0000',
    },
  });
}

export async function listAllOrders(db: Db, status?: OrderStatus): Promise<OrderRecord[]> {
  return db.order.findMany({
    where: status ? { status } : {},
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 500,
    select: orderSelect,
  });
}

/** The back office moves paid orders to shipped, and shipped ones to delivered. */
export async function advanceOrder(
  db: Db,
  id: string,
  to: 'SHIPPED' | 'DELIVERED',
): Promise<OrderRecord> {
  await withTransactionRetry(() =>
    db.$transaction(async (tx) => {
      const order = await lockOrder(tx, id);
      if (!order) throw notFound();
      assertTransition(order.status, to);
      await changeStatus(tx, id, to);
    }, transactionOptions),
  );
  return findOrderOrThrow(db, id);
}
