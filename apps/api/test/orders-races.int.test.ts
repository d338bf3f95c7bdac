import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@shop/db/client';
import {
  checkout,
  createProduct,
  declinedCard,
  loggedInAdmin,
  signedUpShopper,
  startHarness,
  type Harness,
} from './harness';
import { holdLock, waitForLockWaiters } from './locks';
import {
  type ChargeResult,
  type CheckoutSettings,
  type CookieJar,
  createCaller,
  createContext,
  simulateCharge,
} from '../src/testing';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('orders_races');
});
afterAll(async () => {
  await h.close();
});

const stockOf = async (id: string) =>
  (await h.prisma.product.findUniqueOrThrow({ where: { id }, select: { stock: true } })).stock;

const paymentsOf = (orderId: string) =>
  h.prisma.payment.findMany({
    where: { orderId },
    orderBy: { kind: 'asc' },
    select: { kind: true, outcome: true, amount: true },
  });

/** The same browser, but its checkout talks to the card processor the test hands in. */
function callerWith(prisma: PrismaClient, cookies: CookieJar, settings: Partial<CheckoutSettings>) {
  return createCaller(() => createContext({ db: prisma, cookies, checkout: settings }));
}

/** A card processor that holds every charge until the test lets it go. */
function heldProcessor() {
  let started!: () => void;
  let release!: () => void;
  const chargeStarted = new Promise<void>((resolve) => (started = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const charge = async (cardNumber: string): Promise<ChargeResult> => {
    started();
    await released;
    return simulateCharge(cardNumber);
  };
  return { charge, chargeStarted, release };
}

describe('the shopper cancels while the card is being charged', () => {
  it('records the approved charge and its refund, returns the stock once, and answers CONFLICT', async () => {
    const product = await createProduct(h.prisma, { stock: 5, priceAmount: 7_000 });
    const shopper = await signedUpShopper(h.prisma);
    await shopper.caller.cart.add({ productId: product.id, quantity: 2 });
    const processor = heldProcessor();
    const input = checkout();

    const placing = callerWith(h.prisma, shopper.cookies, processor).orders.place(input);
    const outcome = placing.then(
      () => null,
      (error: unknown) => error,
    );
    await processor.chargeStarted;
    const pending = await h.prisma.order.findFirstOrThrow({ where: { userId: shopper.user.id } });
    const cancelled = await shopper.caller.orders.cancel({ id: pending.id });
    expect(cancelled.status).toBe('CANCELLED');
    processor.release();

    expect(await outcome).toMatchObject({
      code: 'CONFLICT',
      message:
        'This order was cancelled while your payment was being processed. The charge has been refunded in full.',
    });
    expect(await paymentsOf(pending.id)).toEqual([
      { kind: 'CHARGE', outcome: 'APPROVED', amount: 14_000 },
      { kind: 'REFUND', outcome: 'APPROVED', amount: 14_000 },
    ]);
    expect(await stockOf(product.id)).toBe(5);
    const order = await shopper.caller.orders.get({ id: pending.id });
    expect(order.status).toBe('CANCELLED');
    expect(order.history.map((change) => change.status)).toEqual(['PENDING_PAYMENT', 'CANCELLED']);
    expect((await shopper.caller.cart.get()).itemCount).toBe(2);

    // Replaying the key tells the same story instead of showing a placed order.
    await expect(shopper.caller.orders.place(input)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await h.prisma.order.count({ where: { userId: shopper.user.id } })).toBe(1);
    expect(await paymentsOf(pending.id)).toHaveLength(2);
  });

  it('records a declined charge without a refund and still answers CONFLICT', async () => {
    const product = await createProduct(h.prisma, { stock: 5 });
    const shopper = await signedUpShopper(h.prisma);
    await shopper.caller.cart.add({ productId: product.id, quantity: 1 });
    const processor = heldProcessor();

    const placing = callerWith(h.prisma, shopper.cookies, processor).orders.place(
      checkout({ payment: declinedCard }),
    );
    const outcome = placing.then(
      () => null,
      (error: unknown) => error,
    );
    await processor.chargeStarted;
    const pending = await h.prisma.order.findFirstOrThrow({ where: { userId: shopper.user.id } });
    await shopper.caller.orders.cancel({ id: pending.id });
    processor.release();

    expect(await outcome).toMatchObject({
      code: 'CONFLICT',
      message: 'This order was cancelled before your payment went through. Nothing was charged.',
    });
    expect(await paymentsOf(pending.id)).toEqual([
      { kind: 'CHARGE', outcome: 'DECLINED', amount: 10_000 },
    ]);
    expect(await stockOf(product.id)).toBe(5);
  });
});

async function paidOrder(stock = 5, quantity = 2) {
  const product = await createProduct(h.prisma, { stock, priceAmount: 5_000 });
  const shopper = await signedUpShopper(h.prisma);
  await shopper.caller.cart.add({ productId: product.id, quantity });
  const order = await shopper.caller.orders.place(checkout());
  expect(order.status).toBe('PAID');
  return { product, shopper, order };
}

describe('concurrent transitions: exactly one wins', () => {
  it('cancel vs cancel returns the stock once and refunds once', async () => {
    for (let round = 0; round < 5; round++) {
      const { product, shopper, order } = await paidOrder(5, 2);

      const results = await Promise.allSettled([
        shopper.caller.orders.cancel({ id: order.id }),
        shopper.caller.orders.cancel({ id: order.id }),
      ]);

      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const lost = results.find((r) => r.status === 'rejected');
      expect(lost?.reason).toMatchObject({ code: 'CONFLICT' });
      expect(await stockOf(product.id)).toBe(5);
      expect(await paymentsOf(order.id)).toEqual([
        { kind: 'CHARGE', outcome: 'APPROVED', amount: 10_000 },
        { kind: 'REFUND', outcome: 'APPROVED', amount: 10_000 },
      ]);
      const history = await h.prisma.orderStatusChange.count({
        where: { orderId: order.id, status: 'CANCELLED' },
      });
      expect(history).toBe(1);
    }
  });

  it('cancel vs ship: either the order ships with its stock sold, or it is cancelled and refunded', async () => {
    const admin = await loggedInAdmin(h.prisma);
    const winners = new Set<string>();
    for (let round = 0; round < 6; round++) {
      const { product, shopper, order } = await paidOrder(5, 2);
      const first = round % 2 === 0 ? 'cancel' : 'ship';
      const moves = {
        cancel: () => shopper.caller.orders.cancel({ id: order.id }),
        ship: () => admin.caller.admin.orders.ship({ id: order.id }),
      };

      // Hold the order's row: the first move blocks on it, the second queues behind the first,
      // and both go when it is released — a real overlap every round, with a known winner.
      const release = await holdLock(
        h,
        (tx) => tx.$queryRaw`SELECT 1 FROM "Order" WHERE "id" = ${order.id}::uuid FOR UPDATE`,
      );
      const leading = Promise.allSettled([moves[first]()]);
      await waitForLockWaiters(h, 1);
      const trailing = Promise.allSettled([moves[first === 'cancel' ? 'ship' : 'cancel']()]);
      await waitForLockWaiters(h, 2);
      await release();
      const [[lead], [trail]] = await Promise.all([leading, trailing]);
      const [cancel, ship] = first === 'cancel' ? [lead, trail] : [trail, lead];

      expect([cancel.status, ship.status].filter((s) => s === 'fulfilled')).toHaveLength(1);
      const loser = cancel.status === 'rejected' ? cancel : ship;
      expect(loser.status === 'rejected' && loser.reason).toMatchObject({ code: 'CONFLICT' });
      const final = await h.prisma.order.findUniqueOrThrow({ where: { id: order.id } });
      const refunds = (await paymentsOf(order.id)).filter((p) => p.kind === 'REFUND');
      if (cancel.status === 'fulfilled') {
        winners.add('cancel');
        expect(final.status).toBe('CANCELLED');
        expect(await stockOf(product.id)).toBe(5);
        expect(refunds).toHaveLength(1);
      } else {
        winners.add('ship');
        expect(final.status).toBe('SHIPPED');
        expect(await stockOf(product.id)).toBe(3);
        expect(refunds).toHaveLength(0);
      }
      // The move that got the row first wins; the other re-reads the order and is refused.
      expect(cancel.status === 'fulfilled' ? 'cancel' : 'ship').toBe(first);
    }
    expect(winners.size).toBeGreaterThan(0);
    expect([...winners].sort()).toEqual(['cancel', 'ship']);
  });
});
