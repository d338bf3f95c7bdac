import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxLineQuantity } from '@shop/contract/cart';
import { checkout, createProduct, signedUpShopper, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('order_limits');
});
afterAll(async () => {
  await h.close();
});

/** The largest amount the Int money columns hold (minor units). */
const maxAmount = 2_147_483_647;
const tooLarge = {
  code: 'BAD_REQUEST',
  message:
    'This order comes to more than one payment can hold. Please remove some items or split it into smaller orders.',
};

const stockOf = async (id: string) =>
  (await h.prisma.product.findUniqueOrThrow({ where: { id }, select: { stock: true } })).stock;

describe('money totals never overflow the money columns', () => {
  it('refuses a line whose total is over the limit, reserving nothing', async () => {
    const product = await createProduct(h.prisma, { priceAmount: 30_000_000, stock: 100 });
    const shopper = await signedUpShopper(h.prisma);
    await shopper.caller.cart.add({ productId: product.id, quantity: maxLineQuantity });

    await expect(shopper.caller.orders.place(checkout())).rejects.toMatchObject(tooLarge);

    expect(await stockOf(product.id)).toBe(100);
    expect(await h.prisma.order.count({ where: { userId: shopper.user.id } })).toBe(0);
    expect((await shopper.caller.cart.get()).itemCount).toBe(maxLineQuantity);
  });

  it('refuses lines that each fit but add up to more than the limit', async () => {
    const a = await createProduct(h.prisma, { priceAmount: 1_100_000_000, stock: 3 });
    const b = await createProduct(h.prisma, { priceAmount: 1_100_000_000, stock: 3 });
    const shopper = await signedUpShopper(h.prisma);
    await shopper.caller.cart.add({ productId: a.id, quantity: 1 });
    await shopper.caller.cart.add({ productId: b.id, quantity: 1 });

    await expect(shopper.caller.orders.place(checkout())).rejects.toMatchObject(tooLarge);

    expect(await stockOf(a.id)).toBe(3);
    expect(await stockOf(b.id)).toBe(3);
    expect(await h.prisma.order.count({ where: { userId: shopper.user.id } })).toBe(0);
  });

  it('takes an order whose total is exactly the limit', async () => {
    const product = await createProduct(h.prisma, { priceAmount: maxAmount, stock: 2 });
    const shopper = await signedUpShopper(h.prisma);
    await shopper.caller.cart.add({ productId: product.id, quantity: 1 });

    const order = await shopper.caller.orders.place(checkout());

    expect(order.status).toBe('PAID');
    expect(order.total).toEqual({ amount: maxAmount, currency: 'KRW' });
    expect(await stockOf(product.id)).toBe(1);
  });

  it('refuses one minor unit more than the limit', async () => {
    const a = await createProduct(h.prisma, { priceAmount: maxAmount, stock: 2 });
    const b = await createProduct(h.prisma, { priceAmount: 1, stock: 2 });
    const shopper = await signedUpShopper(h.prisma);
    await shopper.caller.cart.add({ productId: a.id, quantity: 1 });
    await shopper.caller.cart.add({ productId: b.id, quantity: 1 });

    await expect(shopper.caller.orders.place(checkout())).rejects.toMatchObject(tooLarge);
    expect(await stockOf(a.id)).toBe(2);
  });
});
