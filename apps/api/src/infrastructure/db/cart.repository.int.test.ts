/**
 * The cart's statements that do their arithmetic in the database: many at once must add up as if
 * they ran one after another, and the guest merge must apply its caps in the same statement.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '@shop/db/client';
import { createTestDatabase, type TestDatabase } from '@shop/db/testing';
import { addToLine, emptyCart, ensureCart, findCartLines, moveGuestLines } from './cart.repository';

let database: TestDatabase;
let db: PrismaClient;
beforeAll(async () => {
  database = await createTestDatabase('cart_repository');
  db = createPrismaClient(database.url, { max: 10 });
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

const quantities = async (owner: Parameters<typeof findCartLines>[1]) =>
  Object.fromEntries(
    (await findCartLines(db, owner)).map((line) => [line.product.id, line.quantity]),
  );

describe('addToLine', () => {
  it('counts every one of many simultaneous adds, and stops at the cap', async () => {
    const productId = await product(50);
    const owner = { guestTokenHash: unique('guest') };
    const cartId = await ensureCart(db, owner);
    await Promise.all(Array.from({ length: 10 }, () => addToLine(db, cartId, productId, 1, 50)));
    expect(await quantities(owner)).toEqual({ [productId]: 10 });

    await addToLine(db, cartId, productId, 45, 12);
    expect(await quantities(owner)).toEqual({ [productId]: 12 });
  });
});

describe('ensureCart', () => {
  it('gives every simultaneous caller the same cart', async () => {
    const owner = { guestTokenHash: unique('guest') };
    const ids = await Promise.all(Array.from({ length: 5 }, () => ensureCart(db, owner)));
    expect(new Set(ids).size).toBe(1);
  });
});

describe('moveGuestLines', () => {
  it('sums into the account cart, caps at stock and the maximum, leaves sold-out products', async () => {
    const [plenty, scarce, soldOut, many] = await Promise.all([
      product(10),
      product(4),
      product(0),
      product(500),
    ]);
    const userId = await account();
    const accountCart = await ensureCart(db, { userId });
    await addToLine(db, accountCart, plenty, 1, 10);
    await addToLine(db, accountCart, scarce, 3, 4);
    const guestTokenHash = unique('guest');
    const guestCart = await ensureCart(db, { guestTokenHash });
    for (const [id, quantity] of [
      [plenty, 2],
      [scarce, 3],
      [soldOut, 1],
      [many, 80],
    ] as const) {
      await db.cartItem.create({ data: { cartId: guestCart, productId: id, quantity } });
    }

    await moveGuestLines(db, guestTokenHash, accountCart, 60);

    expect(await quantities({ userId })).toEqual({ [plenty]: 3, [scarce]: 4, [many]: 60 });
    expect(await db.cart.count({ where: { guestTokenHash } })).toBe(0);
  });
});

describe('emptyCart', () => {
  it('takes every line out of the account cart inside a transaction', async () => {
    const productId = await product(5);
    const userId = await account();
    await addToLine(db, await ensureCart(db, { userId }), productId, 2, 5);
    await db.$transaction((tx) => emptyCart(tx, userId));
    expect(await findCartLines(db, { userId })).toEqual([]);
  });
});
