import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browser,
  createProduct,
  password,
  signedUpShopper,
  startHarness,
  unique,
  type Harness,
} from './harness';
import { guestCartCookie, hashToken } from '../src/testing';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('cart');
});
afterAll(async () => {
  await h.close();
});

describe('guest cart', () => {
  it('is empty without a cookie and created on the first add', async () => {
    const guest = browser(h.prisma);
    expect(await guest.caller.cart.get()).toEqual({
      items: [],
      itemCount: 0,
      subtotal: { amount: 0, currency: 'KRW' },
    });
    expect(guest.cookies.get(guestCartCookie)).toBeUndefined();

    const product = await createProduct(h.prisma, { priceAmount: 3_500, stock: 10 });
    const cart = await guest.caller.cart.add({ productId: product.id, quantity: 2 });

    expect(cart).toMatchObject({ itemCount: 2, subtotal: { amount: 7_000, currency: 'KRW' } });
    expect(cart.items[0]).toMatchObject({
      product: { id: product.id, slug: product.slug },
      quantity: 2,
      lineTotal: { amount: 7_000 },
    });
    const token = guest.cookies.get(guestCartCookie) ?? '';
    expect(await h.prisma.cart.count({ where: { guestTokenHash: hashToken(token) } })).toBe(1);
    expect(await h.prisma.cart.count({ where: { guestTokenHash: token } })).toBe(0);
  });

  it('caps quantities at stock, updates, and removes lines', async () => {
    const guest = browser(h.prisma);
    const product = await createProduct(h.prisma, { stock: 3 });
    await guest.caller.cart.add({ productId: product.id, quantity: 2 });
    expect((await guest.caller.cart.add({ productId: product.id, quantity: 2 })).itemCount).toBe(3);
    expect(
      (await guest.caller.cart.update({ productId: product.id, quantity: 50 })).itemCount,
    ).toBe(3);
    expect((await guest.caller.cart.update({ productId: product.id, quantity: 1 })).itemCount).toBe(
      1,
    );
    expect((await guest.caller.cart.update({ productId: product.id, quantity: 0 })).items).toEqual(
      [],
    );
    await guest.caller.cart.add({ productId: product.id, quantity: 1 });
    expect((await guest.caller.cart.remove({ productId: product.id })).items).toEqual([]);
  });

  it('counts every one of many simultaneous adds of the same product', async () => {
    const guest = browser(h.prisma);
    const product = await createProduct(h.prisma, { stock: 50 });
    await guest.caller.cart.add({ productId: product.id, quantity: 1 });
    await Promise.all(
      Array.from({ length: 8 }, () =>
        guest.caller.cart.add({ productId: product.id, quantity: 1 }),
      ),
    );
    expect((await guest.caller.cart.get()).itemCount).toBe(9);
  });

  it('refuses sold-out and unknown products', async () => {
    const guest = browser(h.prisma);
    const soldOut = await createProduct(h.prisma, { stock: 0 });
    await expect(
      guest.caller.cart.add({ productId: soldOut.id, quantity: 1 }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'Sold out',
    });
    await expect(
      guest.caller.cart.add({ productId: '00000000-0000-4000-8000-000000000000', quantity: 1 }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('merging into the account cart', () => {
  it('sums quantities, caps them at stock and drops the guest cart on log-in', async () => {
    const plenty = await createProduct(h.prisma, { stock: 10 });
    const scarce = await createProduct(h.prisma, { stock: 4 });
    const account = await signedUpShopper(h.prisma);
    await account.caller.cart.add({ productId: plenty.id, quantity: 1 });
    await account.caller.cart.add({ productId: scarce.id, quantity: 3 });

    const guest = browser(h.prisma);
    await guest.caller.cart.add({ productId: plenty.id, quantity: 2 });
    await guest.caller.cart.add({ productId: scarce.id, quantity: 3 });
    const guestHash = hashToken(guest.cookies.get(guestCartCookie) ?? '');
    await guest.caller.auth.logIn({ email: account.email, password });

    const cart = await guest.caller.cart.get();
    const quantities = Object.fromEntries(
      cart.items.map((item) => [item.product.id, item.quantity]),
    );
    expect(quantities).toEqual({ [plenty.id]: 3, [scarce.id]: 4 });
    expect(guest.cookies.get(guestCartCookie)).toBeUndefined();
    expect(await h.prisma.cart.count({ where: { guestTokenHash: guestHash } })).toBe(0);
  });

  it('keeps the guest cart on sign-up', async () => {
    const product = await createProduct(h.prisma);
    const guest = browser(h.prisma);
    await guest.caller.cart.add({ productId: product.id, quantity: 2 });
    await guest.caller.auth.signUp({ name: 'New', email: `${unique('new')}@shop.test`, password });
    expect((await guest.caller.cart.get()).itemCount).toBe(2);
    await guest.caller.auth.logOut();
    expect((await guest.caller.cart.get()).itemCount).toBe(0);
  });
});

describe('maxQuantity on cart lines', () => {
  it('is the stock, at most the per-line maximum, and follows the stock down', async () => {
    const guest = browser(h.prisma);
    const scarce = await createProduct(h.prisma, { stock: 3 });
    const plenty = await createProduct(h.prisma, { stock: 500 });

    const added = await guest.caller.cart.add({ productId: scarce.id, quantity: 1 });
    expect(added.items[0]).toMatchObject({ quantity: 1, maxQuantity: 3 });
    const updated = await guest.caller.cart.add({ productId: plenty.id, quantity: 5 });
    const max = Object.fromEntries(
      updated.items.map((item) => [item.product.id, item.maxQuantity]),
    );
    expect(max).toEqual({ [scarce.id]: 3, [plenty.id]: 99 });

    await h.prisma.product.update({ where: { id: scarce.id }, data: { stock: 0 } });
    const cart = await guest.caller.cart.get();
    expect(cart.items.find((item) => item.product.id === scarce.id)).toMatchObject({
      quantity: 1,
      maxQuantity: 0,
    });
  });
});
