/** The conditional decrement: simultaneous checkouts never sell a unit twice nor go below zero. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '@shop/db/client';
import { createTestDatabase, type TestDatabase } from '@shop/db/testing';
import { returnStock, takeStock } from './stock.repository';

let database: TestDatabase;
let db: PrismaClient;
beforeAll(async () => {
  database = await createTestDatabase('stock_repository');
  db = createPrismaClient(database.url, { max: 10 });
});
afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

async function product(stock: number) {
  const slug = `product-${randomUUID().slice(0, 8)}`;
  return db.product.create({
    data: {
      slug,
      name: slug,
      description: 'A thing.',
      priceAmount: 1_500,
      currency: 'KRW',
      imageUrl: `/products/${slug}.svg`,
      stock,
      category: {
        connectOrCreate: { where: { slug: 'things' }, create: { slug: 'things', name: 'Things' } },
      },
    },
  });
}

const stockOf = async (id: string) =>
  (await db.product.findUniqueOrThrow({ where: { id }, select: { stock: true } })).stock;

describe('takeStock', () => {
  it('takes each unit once among simultaneous takers, at the catalog price', async () => {
    const { id, name } = await product(5);
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        db.$transaction((tx) => takeStock(tx, [{ productId: id, quantity: 1 }])),
      ),
    );

    expect(results.filter((result) => result.ok)).toHaveLength(5);
    expect(results).toContainEqual({
      ok: true,
      lines: [{ productId: id, quantity: 1, name, unitPrice: 1_500, currency: 'KRW' }],
    });
    expect(results).toContainEqual({ ok: false, short: { name, stock: 0 } });
    expect(await stockOf(id)).toBe(0);
  });

  it('says what is left, or that the product is gone', async () => {
    const { id, name } = await product(2);
    expect(await db.$transaction((tx) => takeStock(tx, [{ productId: id, quantity: 3 }]))).toEqual({
      ok: false,
      short: { name, stock: 2 },
    });
    const gone = randomUUID();
    expect(
      await db.$transaction((tx) => takeStock(tx, [{ productId: gone, quantity: 1 }])),
    ).toEqual({ ok: false, short: null });
  });
});

describe('returnStock', () => {
  it('puts the units back', async () => {
    const { id } = await product(1);
    await db.$transaction((tx) => returnStock(tx, [{ productId: id, quantity: 4 }]));
    expect(await stockOf(id)).toBe(5);
  });
});
