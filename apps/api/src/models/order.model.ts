import type { PlaceOrderInput, ShippingAddress } from '@shop/contract/orders';
import type { OrderStatus, Prisma, StatusChangeReason } from '@shop/db/client';
import { silentLogger, type Logger } from '../infrastructure/log';
import { emptyCart, findCartLines } from '../infrastructure/db/cart.repository';
import {
  hasPrismaCode,
  transactionOptions,
  withTransactionRetry,
  type Db,
  type Tx,
} from '../infrastructure/db/transactions';
import { ShopError, cardDeclined, checkoutStillProcessing } from './errors';
import { assertTransition } from '../domain/ordering/order-status';
import { requestFingerprint } from '../domain/ordering/fingerprint';
import { simulateCharge, type ChargeResult } from '../infrastructure/payment/card-gateway';
import { reserveStock, returnStock, type StockRequest } from './stock.model';

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
  history: { orderBy: { at: 'asc' }, select: { status: true, at: true, reason: true } },
  payments: { select: { kind: true, outcome: true } },
  user: { select: { name: true, email: true } },
} satisfies Prisma.OrderSelect;

export type OrderRecord = Prisma.OrderGetPayload<{ select: typeof orderSelect }>;

/** What checkout talks to and how patient it is; tests pass their own through the context. */
export interface CheckoutSettings {
  /** The card processor: charges the card and says whether it was approved. */
  charge: (cardNumber: string) => ChargeResult | Promise<ChargeResult>;
  /**
   * How long a repeated key waits for the first attempt to settle before answering "still being
   * processed" (a retryable TIMEOUT) instead of a pending order.
   */
  replayWaitMs: number;
  /** A seam for tests: runs inside each settle transaction; throwing there stands for a failed settle. */
  beforeSettle?: (attempt: number) => void | Promise<void>;
}

export const defaultCheckoutSettings: CheckoutSettings = {
  charge: simulateCharge,
  replayWaitMs: 3_000,
};

export type PlaceOrderOptions = Partial<CheckoutSettings> & { log?: Logger };

/** Money columns are Int: the largest amount, in minor units, one order (and its charge) can hold. */
export const maxMoneyAmount = 2_147_483_647;

const orderTooLarge = () =>
  new ShopError(
    'BAD_REQUEST',
    'This order comes to more than one payment can hold. Please remove some items or split it into smaller orders.',
  );

export { requestFingerprint };

/**
 * Checkout: reserve stock and record a PENDING_PAYMENT order in one transaction, charge the card,
 * then settle. The same idempotency key always leads back to the same order and a single charge.
 * If settling fails the order is released (cancelled, stock returned, an approved charge refunded);
 * if even that fails, the reservation's time limit releases it (reservation.model.ts).
 */
export async function placeOrder(
  db: Db,
  userId: string,
  input: PlaceOrderInput,
  { log = silentLogger, ...options }: PlaceOrderOptions = {},
): Promise<OrderRecord> {
  const settings: Settings = { ...defaultCheckoutSettings, ...options, log };
  const cart = (await findCartLines(db, { userId })).map((line) => ({
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

type Settings = CheckoutSettings & { log: Logger };

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
  const totalAmount = lines.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0);
  // Each line total is at most the order total, so one check covers every money column.
  if (totalAmount > maxMoneyAmount) throw orderTooLarge();
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
  settings: Settings,
): Promise<OrderRecord> {
  let charge: ChargeResult;
  try {
    charge = await settings.charge(cardNumber);
  } catch (error) {
    await releaseAfterFailure(db, orderId, null, error, settings.log);
    throw error;
  }
  let outcome: Settled;
  try {
    outcome = await settleCharge(db, orderId, userId, charge, settings, 1).catch(
      (error: unknown) => {
        settings.log.warn(
          { event: 'order.settle_retried', orderId, err: error },
          `order ${orderId}: settling failed once; trying again`,
        );
        return settleCharge(db, orderId, userId, charge, settings, 2);
      },
    );
  } catch (error) {
    const before = await releaseAfterFailure(db, orderId, charge, error, settings.log);
    // The last attempt committed after all (its answer was lost): the order is paid.
    if (before === 'PAID') return findOrderOrThrow(db, orderId);
    throw error;
  }
  if (outcome === 'cancelled') {
    throw charge.outcome === 'APPROVED' ? cancelledAndRefunded() : cancelledBeforePayment();
  }
  if (outcome === 'declined') throw cardDeclined();
  return findOrderOrThrow(db, orderId);
}

type Settled = 'paid' | 'declined' | 'cancelled';

/** Records the processor's answer and moves the order on, in one transaction. */
async function settleCharge(
  db: Db,
  orderId: string,
  userId: string,
  charge: ChargeResult,
  settings: Settings,
  attempt: number,
): Promise<Settled> {
  return withTransactionRetry(() =>
    db.$transaction(async (tx) => {
      const order = await lockOrder(tx, orderId);
      if (!order) throw new Error(`Order ${orderId} disappeared while its payment was settled`);
      await settings.beforeSettle?.(attempt);
      if (attempt > 1 && (await chargeRecorded(tx, orderId))) {
        // An earlier attempt committed although its answer never arrived.
        if (order.status === 'PAID') return 'paid';
        return charge.outcome === 'APPROVED' ? 'cancelled' : 'declined';
      }
      // Every charge the processor answered is recorded, whatever became of the order meanwhile.
      await recordCharge(tx, orderId, order, charge);
      if (order.status === 'CANCELLED') {
        // Cancelled (by the shopper, or expired) while the card was charged: its stock is back
        // already; the money goes back too.
        if (charge.outcome === 'APPROVED') {
          await recordRefund(tx, orderId, order.totalAmount, order.currency);
        }
        return 'cancelled';
      }
      if (order.status !== 'PENDING_PAYMENT') {
        throw new Error(`Order ${orderId} is ${order.status} before its only charge was settled`);
      }
      if (charge.outcome === 'APPROVED') {
        await changeStatus(tx, orderId, 'PAID');
        await emptyCart(tx, userId);
        return 'paid';
      }
      await changeStatus(tx, orderId, 'CANCELLED');
      await returnStock(tx, await linesOf(tx, orderId));
      return 'declined';
    }, transactionOptions),
  );
}

async function chargeRecorded(tx: Tx, orderId: string): Promise<boolean> {
  const row = await tx.payment.findUnique({
    where: { orderId_kind: { orderId, kind: 'CHARGE' } },
    select: { id: true },
  });
  return row !== null;
}

async function recordCharge(
  tx: Tx,
  orderId: string,
  order: { totalAmount: number; currency: string },
  charge: ChargeResult,
): Promise<void> {
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
}

/**
 * Settling failed: cancel the order and return its stock (reason PAYMENT_FAILED), and record the
 * processor's answer with a refund if it took money. Never throws; if the database refuses even
 * this, the failure is logged and the reservation's time limit releases the order later.
 * Answers the status the order had, so a settle that did commit is recognised.
 */
async function releaseAfterFailure(
  db: Db,
  orderId: string,
  charge: ChargeResult | null,
  cause: unknown,
  log: Logger,
): Promise<OrderStatus | null> {
  const stage = charge ? 'settle' : 'charge';
  try {
    const before = await withTransactionRetry(() =>
      db.$transaction(async (tx) => {
        const order = await lockOrder(tx, orderId);
        if (!order) return null;
        if (order.status === 'PENDING_PAYMENT') {
          await returnStock(tx, await linesOf(tx, orderId));
          await changeStatus(tx, orderId, 'CANCELLED', 'PAYMENT_FAILED');
        }
        const cancelled = order.status === 'PENDING_PAYMENT' || order.status === 'CANCELLED';
        if (charge && cancelled && !(await chargeRecorded(tx, orderId))) {
          await recordCharge(tx, orderId, order, charge);
          if (charge.outcome === 'APPROVED') {
            await recordRefund(tx, orderId, order.totalAmount, order.currency);
          }
        }
        return order.status;
      }, transactionOptions),
    );
    if (before === 'PAID') {
      log.warn(
        { event: 'order.settle_recovered', orderId, err: cause },
        `order ${orderId}: settling reported a failure but had committed; the order is paid`,
      );
    } else {
      log.error(
        { event: 'order.settle_failed', orderId, stage, released: true, err: cause },
        `order ${orderId}: ${stage} failed; the order was cancelled and its stock returned`,
      );
    }
    return before;
  } catch (error) {
    log.error(
      {
        event: 'order.settle_failed',
        orderId,
        stage,
        released: false,
        chargeOutcome: charge?.outcome ?? null,
        cardLast4: charge?.cardLast4 ?? null,
        err: cause,
        releaseErr: error,
      },
      `order ${orderId}: ${stage} failed and could not be released; its reservation expires on its own`,
    );
    return null;
  }
}

const cancelledAndRefunded = () =>
  new ShopError(
    'CONFLICT',
    'This order was cancelled while your payment was being processed. The charge has been refunded in full.',
  );
const reservationExpired = () =>
  new ShopError(
    'CONFLICT',
    'This checkout expired before the payment went through. Nothing was charged — please place your order again.',
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
  settings: Settings,
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
  if (settled.status === 'PENDING_PAYMENT') throw checkoutStillProcessing();
  const everPaid = settled.history.some((change) => change.status === 'PAID');
  if (settled.status === 'CANCELLED' && !everPaid) {
    const refunded = settled.payments.some((p) => p.kind === 'REFUND');
    const expired = settled.history.some((change) => change.reason === 'EXPIRED');
    if (refunded) throw cancelledAndRefunded();
    throw expired ? reservationExpired() : cancelledBeforePayment();
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

export async function linesOf(tx: Tx, orderId: string): Promise<StockRequest[]> {
  return tx.orderLine.findMany({ where: { orderId }, select: { productId: true, quantity: true } });
}

export async function changeStatus(
  tx: Tx,
  orderId: string,
  status: OrderStatus,
  reason: StatusChangeReason | null = null,
): Promise<void> {
  await tx.order.update({ where: { id: orderId }, data: { status } });
  await tx.orderStatusChange.create({ data: { orderId, status, reason, at: new Date() } });
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
