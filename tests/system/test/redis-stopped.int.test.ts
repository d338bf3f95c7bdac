/**
 * Failure isolation (issue 13 §6): with Redis — the broker — stopped, checkouts still commit: the
 * order and its event land in the API's outbox in one transaction and wait there, unpublished. When
 * Redis is back (same port, same append-only file) the relays publish them and the orders are paid;
 * nothing is lost — every outbox row published, every order charged and paid once, and the jobs
 * Redis held before it stopped are still there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@shop/db/testing';
import { createProducts, type Product } from '../src/catalog-fixtures';
import { queueJobs } from '../src/queues';
import { createPrivateRedis, type PrivateRedis } from '../src/redis-server';
import type { OrderView, ShopClient } from '../src/shop-client';
import { startShopSystem, type ShopSystem } from '../src/shop-system';

let redis: PrivateRedis;
let system: ShopSystem;
let products: Product[];

beforeAll(async () => {
  redis = await createPrivateRedis();
  system = await startShopSystem({
    label: 'redis_stopped',
    redisUrl: redis.url,
    database: await createTestDatabase('system_redis_stopped'),
    checkoutWaitMs: 1_000,
  });
  products = await createProducts(system.apiDatabaseUrl, 1);
  await system.startApi();
  await system.startWorker();
});
afterAll(async () => {
  await system?.close();
  await redis?.remove();
});

const chargesOf = (orderId: string) =>
  system.processor.charges().filter((charge) => charge.metadata.orderId === orderId);
const unpublished = async () =>
  [...(await system.apiLog.outbox()), ...(await system.workerLog.outbox())].filter(
    (row) => row.publishedAt === null,
  );

describe('Redis stopped', () => {
  it('commits checkouts into the outbox and delivers them when Redis is back', async () => {
    const early = await system.shopper();
    await early.addToCart(products[0]!.id);
    const paidBefore = await early.placeOrder();
    await expect
      .poll(async () => (await early.order(paidBefore.id)).status, { timeout: 30_000 })
      .toBe('PAID');
    await expect.poll(async () => (await unpublished()).length, { timeout: 30_000 }).toBe(0);
    const placedBefore = (await system.apiLog.outbox()).find(
      (row) => row.name === 'ordering.OrderPlaced' && row.correlationId === paidBefore.id,
    );

    await redis.stop();

    const waiting: { shopper: ShopClient; order: OrderView }[] = [];
    for (let i = 0; i < 3; i++) {
      const shopper = await system.shopper();
      await shopper.addToCart(products[0]!.id);
      const order = await shopper.placeOrder();
      expect(order.status).toBe('PENDING_PAYMENT');
      waiting.push({ shopper, order });
    }
    const ids = waiting.map(({ order }) => order.id);
    const placed = (await system.apiLog.outbox()).filter(
      (row) => row.name === 'ordering.OrderPlaced' && ids.includes(row.correlationId),
    );
    expect(placed).toHaveLength(3);
    expect(placed.every((row) => row.publishedAt === null)).toBe(true);
    // The relay tried, failed, and says why on the oldest waiting row.
    await expect
      .poll(async () => (await unpublished()).some((row) => row.lastError !== null), {
        timeout: 20_000,
      })
      .toBe(true);
    expect(system.processor.charges()).toHaveLength(1);

    await redis.start();

    for (const { shopper, order } of waiting)
      await expect
        .poll(async () => (await shopper.order(order.id)).status, { timeout: 90_000 })
        .toBe('PAID');
    await expect.poll(async () => (await unpublished()).length, { timeout: 30_000 }).toBe(0);
    for (const { shopper, order } of [{ shopper: early, order: paidBefore }, ...waiting]) {
      expect(chargesOf(order.id)).toHaveLength(1);
      const { history } = await shopper.order(order.id);
      expect(history.filter((change) => change.status === 'PAID')).toHaveLength(1);
    }
    const handledByPayment = (await system.workerLog.inbox()).filter(
      (row) => row.consumer === 'payment',
    );
    expect(handledByPayment.map((row) => row.correlationId).sort()).toEqual(
      [paidBefore.id, ...ids].sort(),
    );
    // What Redis held before it stopped came back from its append-only file.
    const paymentJobs = await queueJobs(redis.url, system.queuePrefix, 'payment');
    expect(paymentJobs.find((job) => job.id === placedBefore?.id)).toMatchObject({
      state: 'completed',
    });
  });
});
