/**
 * Failure isolation (issue 13 §6): with the worker — the payment service — stopped, the shop still
 * shows its catalog, fills carts and takes orders; `orders.place` answers PENDING_PAYMENT once
 * CHECKOUT_WAIT_MS has passed. When the worker starts again the waiting orders are paid, each card
 * charged once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '@shop/db/testing';
import { createProducts, type Product } from '../src/catalog-fixtures';
import { startShopSystem, type ShopSystem } from '../src/shop-system';
import type { OrderView, ShopClient } from '../src/shop-client';

const checkoutWaitMs = 1_000;
let system: ShopSystem;
let products: Product[];

beforeAll(async () => {
  system = await startShopSystem({
    label: 'worker_stopped',
    redisUrl: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
    database: await createTestDatabase('system_worker_stopped'),
    checkoutWaitMs,
  });
  products = await createProducts(system.apiDatabaseUrl, 2);
  await system.startApi();
});
afterAll(async () => {
  await system?.close();
});

const chargesOf = (orderId: string) =>
  system.processor.charges().filter((charge) => charge.metadata.orderId === orderId);
const paidEntries = (order: OrderView) =>
  order.history.filter((change) => change.status === 'PAID').length;

describe('the worker stopped', () => {
  it('takes orders as PENDING_PAYMENT, and pays each once when the worker is back', async () => {
    const worker = await system.startWorker();
    const early = await system.shopper();
    await early.addToCart(products[0]!.id);
    const paidBefore = await early.placeOrder();
    await expect
      .poll(async () => (await early.order(paidBefore.id)).status, { timeout: 30_000 })
      .toBe('PAID');

    await system.stopWorker(worker);

    const waiting: { shopper: ShopClient; order: OrderView }[] = [];
    for (let i = 0; i < 3; i++) {
      const shopper = await system.shopper();
      const listed = await shopper.products();
      expect(listed.items.map((item) => item.id)).toEqual(
        expect.arrayContaining(products.map((product) => product.id)),
      );
      await shopper.addToCart(products[i % 2]!.id, i + 1);
      expect((await shopper.cart()).itemCount).toBe(i + 1);
      const started = Date.now();
      const order = await shopper.placeOrder();
      expect(order.status).toBe('PENDING_PAYMENT');
      // It waited for payment as long as it is allowed to, then answered.
      expect(Date.now() - started).toBeGreaterThanOrEqual(checkoutWaitMs - 50);
      waiting.push({ shopper, order });
    }
    for (const { order } of waiting) expect(chargesOf(order.id)).toEqual([]);

    await system.startWorker();

    for (const { shopper, order } of waiting) {
      await expect
        .poll(async () => (await shopper.order(order.id)).status, { timeout: 60_000 })
        .toBe('PAID');
      expect(paidEntries(await shopper.order(order.id))).toBe(1);
    }
    for (const order of [paidBefore, ...waiting.map((entry) => entry.order)])
      expect(chargesOf(order.id)).toHaveLength(1);
    expect(system.processor.charges()).toHaveLength(4);
  });
});
