/**
 * One cart, one checkout at a time, and a cart that keeps what checkout did not order. The
 * overlaps are forced: a card processor that holds the charge until the test lets it go, and a
 * transaction holding the cart's row lock until every contender waits on it (pg_stat_activity).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@shop/db/client';
import { checkout, createProduct, signedUpShopper, startHarness, type Harness } from './harness';
import { holdLock, waitForLockWaiters } from './locks';
import { heldProcessor } from './observe';
import { type CheckoutSettings, type CookieJar, createCaller, createContext } from '../src/testing';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('cart_checkout_races');
});
afterAll(async () => {
  await h.close();
});

function callerWith(prisma: PrismaClient, cookies: CookieJar, settings: Partial<CheckoutSettings>) {
  return createCaller(() => createContext({ db: prisma, cookies, checkout: settings }));
}

const settle = <T>(promise: Promise<T>) =>
  promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );

/** Holds the account cart's row lock until the returned `release` is called. */
const holdCart = (userId: string) =>
  holdLock(
    h,
    (tx) => tx.$queryRaw`SELECT 1 FROM "Cart" WHERE "userId" = ${userId}::uuid FOR UPDATE`,
  );

const chargesOf = (userId: string) =>
  h.prisma.payment.count({ where: { kind: 'CHARGE', order: { userId } } });

describe('one cart, one order', () => {
  it('turns three simultaneous checkouts with different keys into one order and one charge', async () => {
    const product = await createProduct(h.prisma, { stock: 20 });
    const shopper = await signedUpShopper(h.prisma);
    await shopper.caller.cart.add({ productId: product.id, quantity: 2 });

    const release = await holdCart(shopper.user.id);
    const attempts = Array.from({ length: 3 }, () =>
      settle(shopper.caller.orders.place(checkout())),
    );
    await waitForLockWaiters(h, 3);
    await release();
    const outcomes = await Promise.all(attempts);

    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    for (const outcome of outcomes.filter((outcome) => !outcome.ok)) {
      expect(outcome.error).toMatchObject({ code: 'CONFLICT' });
    }
    expect(await h.prisma.order.count({ where: { userId: shopper.user.id } })).toBe(1);
    expect(await chargesOf(shopper.user.id)).toBe(1);
    expect((await h.prisma.product.findUniqueOrThrow({ where: { id: product.id } })).stock).toBe(
      18,
    );
  });

  it('refuses a second tab while the first checkout awaits payment, and lets the shopper cancel it', async () => {
    const product = await createProduct(h.prisma, { stock: 20, priceAmount: 5_000 });
    const shopper = await signedUpShopper(h.prisma);
    await shopper.caller.cart.add({ productId: product.id, quantity: 1 });
    const processor = heldProcessor();

    const first = settle(callerWith(h.prisma, shopper.cookies, processor).orders.place(checkout()));
    await processor.chargeStarted;
    await expect(shopper.caller.orders.place(checkout())).rejects.toMatchObject({
      code: 'CONFLICT',
      message:
        'Your cart is already being checked out in another window. Wait a moment and look in My orders, or cancel that order to check out again.',
    });

    // An order left pending (the first tab closed, the server crashed) does not block the cart:
    // the shopper cancels it and checks out again.
    const [pending] = await shopper.caller.orders.list();
    expect(pending?.status).toBe('PENDING_PAYMENT');
    await shopper.caller.orders.cancel({ id: pending!.id });
    const second = await shopper.caller.orders.place(checkout());
    expect(second.status).toBe('PAID');

    processor.release();
    expect(await first).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await chargesOf(shopper.user.id)).toBe(2);
    const refunds = await h.prisma.payment.count({
      where: { kind: 'REFUND', orderId: pending!.id },
    });
    expect(refunds).toBe(1);
  });
});

describe('a cart changed while its checkout runs', () => {
  it('keeps the lines and units added meanwhile, and takes out only what was ordered', async () => {
    const ordered = await createProduct(h.prisma, { stock: 20 });
    const addedLater = await createProduct(h.prisma, { stock: 20 });
    const shopper = await signedUpShopper(h.prisma);
    await shopper.caller.cart.add({ productId: ordered.id, quantity: 2 });
    const processor = heldProcessor();

    const placing = callerWith(h.prisma, shopper.cookies, processor).orders.place(checkout());
    await processor.chargeStarted;
    const added = await shopper.caller.cart.add({ productId: addedLater.id, quantity: 1 });
    await shopper.caller.cart.add({ productId: ordered.id, quantity: 1 });
    expect(added.items.map((item) => item.product.id)).toContain(addedLater.id);
    processor.release();
    const order = await placing;

    expect(order.status).toBe('PAID');
    expect(order.lines.map((line) => [line.productId, line.quantity])).toEqual([[ordered.id, 2]]);
    const cart = await shopper.caller.cart.get();
    expect(Object.fromEntries(cart.items.map((item) => [item.product.id, item.quantity]))).toEqual({
      [ordered.id]: 1,
      [addedLater.id]: 1,
    });
  });
});
