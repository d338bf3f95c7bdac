/**
 * Abandoned guest carts are deleted: carts made through the API, aged by moving their last change
 * back, swept by the use case and by the in-process sweeper as main.ts starts it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '@shop/db/client';
import { createTestDatabase, type TestDatabase } from '@shop/db/testing';
import {
  createCaller,
  createContext,
  createMemoryCookieJar,
  guestCartCookie,
  expireGuestCarts,
  hashToken,
  startGuestCartSweeper,
} from '../src/testing';

let database: TestDatabase;
let db: PrismaClient;
beforeAll(async () => {
  database = await createTestDatabase('guest_cart_sweeper');
  db = createPrismaClient(database.url, { max: 5 });
});
afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

const day = 24 * 60 * 60_000;

async function productId(): Promise<string> {
  const slug = `p-${Math.random().toString(36).slice(2)}`;
  const category = await db.category.create({ data: { slug, name: slug } });
  const product = await db.product.create({
    data: {
      slug,
      name: slug,
      description: 'x',
      priceAmount: 1_000,
      currency: 'KRW',
      imageUrl: `/products/${slug}.svg`,
      stock: 10,
      categoryId: category.id,
    },
  });
  return product.id;
}

/** A guest's first add through the API; answers its cart's token hash. */
async function guestCart(product: string, ageMs = 0): Promise<string> {
  const cookies = createMemoryCookieJar();
  await createCaller(() => createContext({ db, cookies })).cart.add({
    productId: product,
    quantity: 1,
  });
  const hash = hashToken(cookies.get(guestCartCookie) ?? '');
  await db.cart.update({
    where: { guestTokenHash: hash },
    data: { updatedAt: new Date(Date.now() - ageMs) },
  });
  return hash;
}

const exists = async (guestTokenHash: string) =>
  (await db.cart.count({ where: { guestTokenHash } })) === 1;

describe('abandoned guest carts', () => {
  it('deletes guest carts unchanged for longer than the limit, with their lines, and keeps the rest', async () => {
    const product = await productId();
    const abandoned = await guestCart(product, 31 * day);
    const recent = await guestCart(product, 29 * day);
    expect(await expireGuestCarts(db, { idleMs: 30 * day })).toBe(1);

    expect(await exists(abandoned)).toBe(false);
    expect(await exists(recent)).toBe(true);
    // The recent cart's line is the only one left.
    expect(await db.cartItem.count()).toBe(1);
  });

  it('a change counts as use: a cart added to again is not abandoned', async () => {
    const product = await productId();
    const cookies = createMemoryCookieJar();
    const caller = createCaller(() => createContext({ db, cookies }));
    await caller.cart.add({ productId: product, quantity: 1 });
    const hash = hashToken(cookies.get(guestCartCookie) ?? '');
    await db.cart.update({
      where: { guestTokenHash: hash },
      data: { updatedAt: new Date(Date.now() - 31 * day) },
    });
    await caller.cart.add({ productId: product, quantity: 1 });

    await expireGuestCarts(db, { idleMs: 30 * day });
    expect(await exists(hash)).toBe(true);
  });

  it('are swept by the in-process sweeper until it is stopped', async () => {
    const product = await productId();
    const abandoned = await guestCart(product, 10 * day);
    const sweeper = startGuestCartSweeper(db, { idleMs: 7 * day, intervalMs: 20 });
    await expect.poll(() => exists(abandoned)).toBe(false);
    await sweeper.stop();
  });
});
