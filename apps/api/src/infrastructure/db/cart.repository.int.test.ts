/**
 * The cart repository's row lock: many changes to one cart at once must add up as if they ran one
 * after another, and a cart opened by many callers at once is one cart.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '@shop/db/client';
import { createTestDatabase, type TestDatabase } from '@shop/db/testing';
import { Quantity } from '@shop/domain/shopping/quantity';
import type { CartOwner } from '@shop/domain/shopping/cart';
import { createCartRepository } from './cart.repository';
import { createUnitOfWork } from './unit-of-work';

let database: TestDatabase;
let db: PrismaClient;
let carts: ReturnType<typeof createCartRepository>;
let unitOfWork: ReturnType<typeof createUnitOfWork>;
beforeAll(async () => {
  database = await createTestDatabase('cart_repository');
  db = createPrismaClient(database.url, { max: 10 });
  carts = createCartRepository(db);
  unitOfWork = createUnitOfWork(db, { dispatch: async () => {} });
});
afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

async function product(stock: number): Promise<string> {
  const slug = unique('product');
  const created = await db.product.create({
    data: {
      slug,
      name: slug,
      description: 'A thing.',
      priceAmount: 1_000,
      currency: 'KRW',
      imageUrl: `/products/${slug}.svg`,
      stock,
      category: {
        connectOrCreate: { where: { slug: 'things' }, create: { slug: 'things', name: 'Things' } },
      },
    },
  });
  return created.id;
}

async function account(): Promise<string> {
  const email = `${unique('shopper')}@shop.test`;
  return (await db.user.create({ data: { name: 'Shopper', email, passwordHash: 'x' } })).id;
}

const quantities = async (owner: CartOwner) =>
  Object.fromEntries(
    ((await carts.findByOwner(null, owner))?.lines ?? []).map((line) => [
      line.productId,
      line.quantity,
    ]),
  );

const at = new Date('2026-12-02T06:00:00.000Z');

/** One add as a use case makes it: lock (or open) the cart, add, save, in one transaction. */
const add = (owner: CartOwner, productId: string, quantity: number, stock: number) =>
  unitOfWork(async (tx) => {
    const cart = await carts.findOrOpenForUpdate(tx, owner);
    cart.add(productId, Quantity.of(quantity), stock, at);
    await carts.save(tx, cart);
  });

describe('a cart held under its row lock', () => {
  it('counts every one of many simultaneous adds, and stops at the cap', async () => {
    const productId = await product(50);
    const owner = { guestTokenHash: unique('guest') };
    await Promise.all(Array.from({ length: 10 }, () => add(owner, productId, 1, 50)));
    expect(await quantities(owner)).toEqual({ [productId]: 10 });

    await add(owner, productId, 45, 12);
    expect(await quantities(owner)).toEqual({ [productId]: 12 });
  });

  it('is one cart for every simultaneous opener', async () => {
    const owner = { guestTokenHash: unique('guest') };
    const ids = await Promise.all(
      Array.from({ length: 5 }, () =>
        unitOfWork(async (tx) => (await carts.findOrOpenForUpdate(tx, owner)).id),
      ),
    );
    expect(new Set(ids).size).toBe(1);
    expect(await db.cart.count({ where: owner })).toBe(1);
  });

  it('saves removals and deletes a cart with its lines', async () => {
    const [kept, removed] = await Promise.all([product(5), product(5)]);
    const owner = { guestTokenHash: unique('guest') };
    await add(owner, kept, 1, 5);
    await add(owner, removed, 2, 5);
    await unitOfWork(async (tx) => {
      const cart = await carts.findForUpdate(tx, owner);
      cart!.remove(removed, at);
      await carts.save(tx, cart!);
    });
    expect(await quantities(owner)).toEqual({ [kept]: 1 });
    await unitOfWork(async (tx) => carts.delete(tx, (await carts.findForUpdate(tx, owner))!));
    expect(await carts.findByOwner(null, owner)).toBeNull();
  });
});

describe('checking out', () => {
  it('saves the emptied cart: every line of the account cart is gone', async () => {
    const productId = await product(5);
    const userId = await account();
    await add({ userId }, productId, 2, 5);
    await unitOfWork(async (tx) => {
      const cart = await carts.findForUpdate(tx, { userId });
      cart?.checkOut(randomUUID(), [{ productId, quantity: 2 }], at);
      if (cart) await carts.save(tx, cart);
    });
    expect(await quantities({ userId })).toEqual({});
  });
});
