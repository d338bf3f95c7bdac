import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  address,
  browser,
  checkout,
  createProduct,
  declinedCard,
  signedUpShopper,
  startHarness,
  type Harness,
} from './harness';
import { holdLock, waitForLockWaiters } from './locks';
import { transactionRetryCount } from '../src/testing';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('orders');
});
afterAll(async () => {
  await h.close();
});

const stockOf = async (id: string) =>
  (await h.prisma.product.findUniqueOrThrow({ where: { id }, select: { stock: true } })).stock;

describe('orders.place', () => {
  it('charges the catalog price, marks the order paid and empties the cart', async () => {
    const product = await createProduct(h.prisma, { priceAmount: 12_900, stock: 5 });
    const shopper = await signedUpShopper(h.prisma);
    await shopper.caller.cart.add({ productId: product.id, quantity: 2 });

    const order = await shopper.caller.orders.place(checkout());

    expect(order.status).toBe('PAID');
    expect(order.total).toEqual({ amount: 25_800, currency: 'KRW' });
    expect(order.lines).toEqual([
      {
        productId: product.id,
        name: product.name,
        unitPrice: { amount: 12_900, currency: 'KRW' },
        quantity: 2,
        lineTotal: { amount: 25_800, currency: 'KRW' },
      },
    ]);
    expect(order.shippingAddress).toEqual(address);
    expect(order.history.map((change) => change.status)).toEqual(['PENDING_PAYMENT', 'PAID']);
    expect(await stockOf(product.id)).toBe(3);
    expect((await shopper.caller.cart.get()).itemCount).toBe(0);
    const payments = await h.prisma.payment.findMany({ where: { orderId: order.id } });
    expect(payments).toMatchObject([
      { kind: 'CHARGE', outcome: 'APPROVED', amount: 25_800, cardLast4: '4242' },
    ]);
    expect(await shopper.caller.orders.list()).toMatchObject([{ id: order.id, status: 'PAID' }]);
  });

  it('ignores prices and totals sent by the client', async () => {
    const product = await createProduct(h.prisma, { priceAmount: 50_000 });
    const shopper = await signedUpShopper(h.prisma);
    await shopper.caller.cart.add({ productId: product.id, quantity: 1 });
    const tampered = {
      ...checkout(),
      total: { amount: 1, currency: 'KRW' },
      price: 1,
      lines: [{ productId: product.id, quantity: 1, unitPrice: { amount: 1, currency: 'KRW' } }],
    };

    const order = await shopper.caller.orders.place(tampered);

    expect(order.total.amount).toBe(50_000);
    expect(order.lines[0]?.unitPrice.amount).toBe(50_000);
  });

  it('keeps each line’s name and price when the product is renamed and re-priced afterwards', async () => {
    const product = await createProduct(h.prisma, { name: 'Blue mug', priceAmount: 8_000 });
    const shopper = await signedUpShopper(h.prisma);
    await shopper.caller.cart.add({ productId: product.id, quantity: 2 });
    const placed = await shopper.caller.orders.place(checkout());

    await h.prisma.product.update({
      where: { id: product.id },
      data: { name: 'Red mug', priceAmount: 99_000 },
    });

    const line = {
      productId: product.id,
      name: 'Blue mug',
      unitPrice: { amount: 8_000, currency: 'KRW' },
      quantity: 2,
      lineTotal: { amount: 16_000, currency: 'KRW' },
    };
    const order = await shopper.caller.orders.get({ id: placed.id });
    expect(order.lines).toEqual([line]);
    expect(order.total).toEqual({ amount: 16_000, currency: 'KRW' });
    expect(await shopper.caller.orders.list()).toMatchObject([
      { id: placed.id, total: { amount: 16_000, currency: 'KRW' } },
    ]);
  });

  it('refuses an empty cart', async () => {
    const shopper = await signedUpShopper(h.prisma);
    await expect(shopper.caller.orders.place(checkout())).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('refuses more units than are in stock, naming the product', async () => {
    const product = await createProduct(h.prisma, { name: 'Celadon Teacup', stock: 4 });
    const shopper = await signedUpShopper(h.prisma);
    await shopper.caller.cart.add({ productId: product.id, quantity: 3 });
    await h.prisma.product.update({ where: { id: product.id }, data: { stock: 2 } });

    await expect(shopper.caller.orders.place(checkout())).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('Celadon Teacup') as string,
    });
    expect(await stockOf(product.id)).toBe(2);
    expect(await h.prisma.order.count({ where: { userId: shopper.user.id } })).toBe(0);
  });

  it('sells exactly the units in stock to concurrent buyers, never below zero', async () => {
    const product = await createProduct(h.prisma, { stock: 3 });
    const buyers = await Promise.all(Array.from({ length: 10 }, () => signedUpShopper(h.prisma)));
    for (const buyer of buyers) await buyer.caller.cart.add({ productId: product.id, quantity: 1 });

    // Hold the product: all ten checkouts are under way and waiting for it before any goes on.
    const release = await holdLock(
      h,
      (tx) => tx.$queryRaw`SELECT 1 FROM "Product" WHERE "id" = ${product.id}::uuid FOR UPDATE`,
    );
    const placing = Promise.allSettled(
      buyers.map((buyer) => buyer.caller.orders.place(checkout())),
    );
    await waitForLockWaiters(h, buyers.length);
    await release();
    const results = await placing;

    const sold = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    expect(sold).toHaveLength(3);
    expect(refused).toHaveLength(7);
    for (const r of refused) expect(r.reason).toMatchObject({ code: 'CONFLICT' });
    expect(await stockOf(product.id)).toBe(0);
    expect(
      await h.prisma.orderLine.aggregate({
        where: { productId: product.id, order: { status: 'PAID' } },
        _sum: { quantity: true },
      }),
    ).toMatchObject({ _sum: { quantity: 3 } });
  });

  it('never deadlocks when carts hold the same products in opposite orders', async () => {
    const a = await createProduct(h.prisma, { stock: 100 });
    const b = await createProduct(h.prisma, { stock: 100 });
    const buyers = await Promise.all(Array.from({ length: 8 }, () => signedUpShopper(h.prisma)));
    for (const [i, buyer] of buyers.entries()) {
      const lines = [
        { productId: a.id, quantity: 2 },
        { productId: b.id, quantity: 3 },
      ];
      for (const line of i % 2 === 0 ? lines : lines.reverse()) await buyer.caller.cart.add(line);
    }

    const retriesBefore = transactionRetryCount();

    // Hold both products: every checkout blocks on its first stock lock, then all go at once. A
    // checkout that locked in cart order would now hold one product while waiting for the other.
    const release = await holdLock(
      h,
      (tx) =>
        tx.$queryRaw`SELECT 1 FROM "Product" WHERE "id" IN (${a.id}::uuid, ${b.id}::uuid) FOR UPDATE`,
    );
    const placing = Promise.all(buyers.map((buyer) => buyer.caller.orders.place(checkout())));
    await waitForLockWaiters(h, buyers.length);
    await release();
    const orders = await placing;

    expect(orders.every((order) => order.status === 'PAID')).toBe(true);
    expect(await stockOf(a.id)).toBe(100 - 8 * 2);
    expect(await stockOf(b.id)).toBe(100 - 8 * 3);
    // inTransaction retries deadlocks, so the orders above succeed either way: none may be retried.
    expect(transactionRetryCount() - retriesBefore).toBe(0);
  });
});

describe('idempotency key', () => {
  it('returns the same order and charges once when repeated', async () => {
    const product = await createProduct(h.prisma, { stock: 5 });
    const shopper = await signedUpShopper(h.prisma);
    await shopper.caller.cart.add({ productId: product.id, quantity: 1 });
    const input = checkout();

    const first = await shopper.caller.orders.place(input);
    const second = await shopper.caller.orders.place(input);

    expect(second).toEqual(first);
    expect(await stockOf(product.id)).toBe(4);
    expect(await h.prisma.payment.count({ where: { orderId: first.id } })).toBe(1);
  });

  it('returns one order and one charge for concurrent repeats', async () => {
    const product = await createProduct(h.prisma, { stock: 5 });
    const shopper = await signedUpShopper(h.prisma);
    await shopper.caller.cart.add({ productId: product.id, quantity: 2 });
    const input = checkout();

    const orders = await Promise.all(
      Array.from({ length: 6 }, () => shopper.caller.orders.place(input)),
    );

    expect(new Set(orders.map((order) => order.id)).size).toBe(1);
    expect(orders.every((order) => order.status === 'PAID')).toBe(true);
    expect(await h.prisma.order.count({ where: { userId: shopper.user.id } })).toBe(1);
    expect(await h.prisma.payment.count({ where: { order: { userId: shopper.user.id } } })).toBe(1);
    expect(await stockOf(product.id)).toBe(3);
  });

  it('refuses the same key with a different cart or address', async () => {
    const product = await createProduct(h.prisma, { stock: 5 });
    const shopper = await signedUpShopper(h.prisma);
    await shopper.caller.cart.add({ productId: product.id, quantity: 1 });
    const input = checkout();
    await shopper.caller.orders.place(input);

    await shopper.caller.cart.add({ productId: product.id, quantity: 2 });
    await expect(shopper.caller.orders.place(input)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(
      shopper.caller.orders.place({ ...input, shippingAddress: { ...address, city: 'Busan' } }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await h.prisma.order.count({ where: { userId: shopper.user.id } })).toBe(1);
  });
});

describe('declined card', () => {
  it('leaves no paid order, returns the stock, keeps the cart, and can be retried', async () => {
    const product = await createProduct(h.prisma, { stock: 5 });
    const shopper = await signedUpShopper(h.prisma);
    await shopper.caller.cart.add({ productId: product.id, quantity: 2 });
    const declined = checkout({ payment: declinedCard });

    const error = {
      code: 'PAYMENT_REQUIRED',
      message: 'Your card was declined. No money was taken — try another card.',
    };
    await expect(shopper.caller.orders.place(declined)).rejects.toMatchObject(error);
    await expect(shopper.caller.orders.place(declined)).rejects.toMatchObject(error);

    expect(await stockOf(product.id)).toBe(5);
    expect((await shopper.caller.cart.get()).itemCount).toBe(2);
    const orders = await h.prisma.order.findMany({
      where: { userId: shopper.user.id },
      include: { payments: true },
    });
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({
      status: 'CANCELLED',
      payments: [{ kind: 'CHARGE', outcome: 'DECLINED', cardLast4: '0002' }],
    });

    const retried = await shopper.caller.orders.place(checkout());
    expect(retried.status).toBe('PAID');
    expect(await stockOf(product.id)).toBe(3);
  });
});

describe('orders.cancel', () => {
  it('cancels a paid order, returns the stock and records a refund', async () => {
    const product = await createProduct(h.prisma, { stock: 5, priceAmount: 7_000 });
    const shopper = await signedUpShopper(h.prisma);
    await shopper.caller.cart.add({ productId: product.id, quantity: 3 });
    const order = await shopper.caller.orders.place(checkout());
    expect(await stockOf(product.id)).toBe(2);

    const cancelled = await shopper.caller.orders.cancel({ id: order.id });

    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.history.map((change) => change.status)).toEqual([
      'PENDING_PAYMENT',
      'PAID',
      'CANCELLED',
    ]);
    expect(await stockOf(product.id)).toBe(5);
    const refund = await h.prisma.payment.findUnique({
      where: { orderId_kind: { orderId: order.id, kind: 'REFUND' } },
    });
    expect(refund).toMatchObject({ outcome: 'APPROVED', amount: 21_000, cardLast4: '4242' });
    await expect(shopper.caller.orders.cancel({ id: order.id })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await stockOf(product.id)).toBe(5);
  });

  it('cancels an order still awaiting payment without recording a refund', async () => {
    const product = await createProduct(h.prisma, { stock: 3 });
    const shopper = await signedUpShopper(h.prisma);
    const order = await h.prisma.order.create({
      data: {
        userId: shopper.user.id,
        idempotencyKey: 'stuck-checkout',
        requestHash: 'x',
        totalAmount: 10_000,
        currency: 'KRW',
        shipFullName: address.fullName,
        shipAddress: address.address,
        shipCity: address.city,
        shipPostalCode: address.postalCode,
        shipCountry: address.country,
        lines: {
          create: {
            productId: product.id,
            name: product.name,
            unitPrice: 10_000,
            quantity: 2,
            lineTotal: 20_000,
          },
        },
        history: { create: { status: 'PENDING_PAYMENT' } },
      },
    });
    await h.prisma.product.update({ where: { id: product.id }, data: { stock: 1 } });

    const cancelled = await shopper.caller.orders.cancel({ id: order.id });

    expect(cancelled.status).toBe('CANCELLED');
    expect(await stockOf(product.id)).toBe(3);
    expect(await h.prisma.payment.count({ where: { orderId: order.id } })).toBe(0);
  });

  it('hides other shoppers’ orders', async () => {
    const product = await createProduct(h.prisma);
    const owner = await signedUpShopper(h.prisma);
    await owner.caller.cart.add({ productId: product.id, quantity: 1 });
    const order = await owner.caller.orders.place(checkout());
    const stranger = await signedUpShopper(h.prisma);

    await expect(stranger.caller.orders.get({ id: order.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(stranger.caller.orders.cancel({ id: order.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await stranger.caller.orders.list()).toEqual([]);
    expect((await owner.caller.orders.get({ id: order.id })).status).toBe('PAID');
  });

  it('asks guests to log in', async () => {
    const guest = browser(h.prisma);
    await expect(guest.caller.orders.list()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(guest.caller.orders.place(checkout())).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });
});

describe('allowed actions on the shopper’s order', () => {
  it('offers cancel exactly while the order can still be cancelled', async () => {
    const product = await createProduct(h.prisma, { stock: 10 });
    const shopper = await signedUpShopper(h.prisma);
    await shopper.caller.cart.add({ productId: product.id, quantity: 1 });
    const placed = await shopper.caller.orders.place(checkout());
    expect(placed.allowedActions).toEqual(['cancel']);
    expect((await shopper.caller.orders.list())[0]?.allowedActions).toEqual(['cancel']);

    const expected = {
      PENDING_PAYMENT: ['cancel'],
      PAID: ['cancel'],
      SHIPPED: [],
      DELIVERED: [],
      CANCELLED: [],
    } as const;
    for (const [status, actions] of Object.entries(expected)) {
      await h.prisma.order.update({
        where: { id: placed.id },
        data: { status: status as keyof typeof expected },
      });
      const order = await shopper.caller.orders.get({ id: placed.id });
      expect({ status: order.status, allowedActions: order.allowedActions }).toEqual({
        status,
        allowedActions: actions,
      });
    }

    await h.prisma.order.update({ where: { id: placed.id }, data: { status: 'PAID' } });
    const cancelled = await shopper.caller.orders.cancel({ id: placed.id });
    expect(cancelled.allowedActions).toEqual([]);
  });
});
