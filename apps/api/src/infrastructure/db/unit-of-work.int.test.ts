/**
 * The unit of work hands on the events of every aggregate saved in it, once, after its commit:
 * none while the transaction is open, none from an attempt that rolled back or was retried.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '@shop/db/client';
import { createTestDatabase, type TestDatabase } from '@shop/db/testing';
import type { DomainEvent } from '@shop/domain/shared/events';
import { Quantity } from '@shop/domain/shopping/quantity';
import { createCartRepository } from './cart.repository';
import { createStockRepository } from './stock-item.repository';
import { createUnitOfWork } from './unit-of-work';

let database: TestDatabase;
let db: PrismaClient;
let dispatched: { types: string[]; stockSeen: number | undefined }[];
let unitOfWork: ReturnType<typeof createUnitOfWork>;
let productId: string;
const carts = () => createCartRepository(db);
const stock = () => createStockRepository(db);
const at = new Date('2026-12-05T12:00:00.000Z');

beforeAll(async () => {
  database = await createTestDatabase('unit_of_work');
  db = createPrismaClient(database.url, { max: 4 });
  // The sink looks at the database through the pool: what it sees there has been committed.
  unitOfWork = createUnitOfWork(db, {
    async dispatch(events: readonly DomainEvent[]) {
      const row = await db.product.findUnique({
        where: { id: productId },
        select: { stock: true },
      });
      dispatched.push({ types: events.map((event) => event.type), stockSeen: row?.stock });
    },
  });
});
afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});
beforeEach(async () => {
  dispatched = [];
  const slug = `product-${randomUUID().slice(0, 8)}`;
  productId = (
    await db.product.create({
      data: {
        slug,
        name: slug,
        description: 'A thing.',
        priceAmount: 1_000,
        currency: 'KRW',
        imageUrl: `/products/${slug}.svg`,
        stock: 10,
        category: {
          connectOrCreate: {
            where: { slug: 'things' },
            create: { slug: 'things', name: 'Things' },
          },
        },
      },
    })
  ).id;
});

/** Reserves one unit and adds it to a guest cart: two aggregates, one event each. */
async function reserveAndAdd(tx: Parameters<Parameters<typeof unitOfWork>[0]>[0]) {
  const [item] = await stock().findForUpdate(tx, [productId]);
  item!.reserve(1, at);
  await stock().save(tx, [item!]);
  const cart = await carts().findOrOpenForUpdate(tx, { guestTokenHash: randomUUID() });
  cart.add(productId, Quantity.of(1), 10, at);
  await carts().save(tx, cart);
}

const deadlock = () => Object.assign(new Error('deadlock detected'), { code: 'P2034' });

describe('a unit of work', () => {
  it('hands on the events of every aggregate saved in it, after the commit', async () => {
    await unitOfWork(async (tx) => {
      await reserveAndAdd(tx);
      expect(dispatched).toEqual([]);
    });
    expect(dispatched).toHaveLength(1);
    expect(dispatched[0]!.types.sort()).toEqual(['CartItemAdded', 'StockReserved'].sort());
    expect(dispatched[0]!.stockSeen).toBe(9);
  });

  it('hands on nothing when it rolls back', async () => {
    const failure = new Error('the work failed after saving');
    await expect(
      unitOfWork(async (tx) => {
        await reserveAndAdd(tx);
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(dispatched).toEqual([]);
    expect((await db.product.findUnique({ where: { id: productId } }))?.stock).toBe(10);
  });

  it('hands on only the committed attempt’s events when it is retried', async () => {
    let attempt = 0;
    await unitOfWork(async (tx) => {
      attempt++;
      await reserveAndAdd(tx);
      if (attempt === 1) throw deadlock();
    });
    expect(attempt).toBe(2);
    expect(dispatched).toHaveLength(1);
    expect(dispatched[0]!.types).toHaveLength(2);
    expect(dispatched[0]!.stockSeen).toBe(9);
  });

  it('keeps the events of an aggregate changed before it, across a retry, and hands them on once', async () => {
    const cart = await unitOfWork((tx) =>
      carts().findOrOpenForUpdate(tx, { guestTokenHash: randomUUID() }),
    );
    dispatched = [];
    cart.add(productId, Quantity.of(2), 10, at);
    let attempt = 0;
    await unitOfWork(async (tx) => {
      attempt++;
      await carts().save(tx, cart);
      if (attempt === 1) throw deadlock();
    });
    expect(dispatched.map((d) => d.types)).toEqual([['CartItemAdded']]);
    expect(cart.pullEvents()).toEqual([]);
  });

  it('refuses a save outside a unit of work, whose events would be lost', async () => {
    const cart = await unitOfWork((tx) =>
      carts().findOrOpenForUpdate(tx, { guestTokenHash: randomUUID() }),
    );
    await expect(carts().save({} as never, cart)).rejects.toThrow(/outside a unit of work/);
  });
});
