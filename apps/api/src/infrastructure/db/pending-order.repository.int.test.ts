/**
 * The two places where checkout and the reservation sweeper rely on the database to take turns:
 * the unique idempotency key and the sweeper's SKIP LOCKED.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '@shop/db/client';
import { createTestDatabase, type TestDatabase } from '@shop/db/testing';
import {
  IdempotencyKeyTaken,
  insertPendingOrder,
  lockStalePendingOrder,
  type NewPendingOrder,
} from './pending-order.repository';

let database: TestDatabase;
let db: PrismaClient;
beforeAll(async () => {
  database = await createTestDatabase('pending_order_repository');
  db = createPrismaClient(database.url, { max: 10 });
});
afterAll(async () => {
  await db.$disconnect();
  await database.drop();
});

async function account(): Promise<string> {
  const email = `shopper-${randomUUID().slice(0, 8)}@shop.test`;
  return (await db.user.create({ data: { name: 'Shopper', email, passwordHash: 'x' } })).id;
}

const order = (userId: string, overrides: Partial<NewPendingOrder> = {}): NewPendingOrder => ({
  userId,
  idempotencyKey: randomUUID(),
  requestHash: 'hash',
  address: {
    fullName: 'Kim',
    address: '1 Road',
    city: 'Seoul',
    postalCode: '04524',
    country: 'KR',
  },
  placedAt: new Date(),
  ...overrides,
});

describe('insertPendingOrder', () => {
  it('lets one of many simultaneous attempts with one key in; the others learn the key is taken', async () => {
    const userId = await account();
    const draft = order(userId);
    const attempts = await Promise.allSettled(
      Array.from({ length: 5 }, () => db.$transaction((tx) => insertPendingOrder(tx, draft))),
    );

    expect(attempts.filter((attempt) => attempt.status === 'fulfilled')).toHaveLength(1);
    for (const attempt of attempts.filter((a) => a.status === 'rejected')) {
      expect(attempt.reason).toBeInstanceOf(IdempotencyKeyTaken);
    }
    const history = await db.orderStatusChange.findMany({ where: { order: { userId } } });
    expect(history).toEqual([
      expect.objectContaining({ status: 'PENDING_PAYMENT', at: draft.placedAt }),
    ]);
  });
});

describe('lockStalePendingOrder', () => {
  it('passes over a fresh order and one another transaction holds', async () => {
    const userId = await account();
    const placedAt = new Date('2026-01-01T12:00:00Z');
    const id = await db.$transaction((tx) => insertPendingOrder(tx, order(userId, { placedAt })));
    const before = new Date('2026-01-01T11:00:00Z');
    const after = new Date('2026-01-01T13:00:00Z');

    expect(await db.$transaction((tx) => lockStalePendingOrder(tx, id, before))).toBeNull();

    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    const holder = db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM "Order" WHERE "id" = ${id}::uuid FOR UPDATE`;
      locked();
      await held;
    });
    await lockTaken;
    expect(await db.$transaction((tx) => lockStalePendingOrder(tx, id, after))).toBeNull();
    release();
    await holder;

    expect(await db.$transaction((tx) => lockStalePendingOrder(tx, id, after))).toBe(userId);
  });
});
