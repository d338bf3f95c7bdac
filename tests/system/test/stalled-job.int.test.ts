/**
 * A worker killed (`kill -9`) in the middle of a charge (issue 13 §3, §6): the card processor has
 * the charge request, the worker dies before it records the answer. Its transaction rolls back; the
 * job's lock runs out; a new worker finds the job stalled and takes it again, asks the processor
 * again under the same idempotency key (`charge:<orderId>`) and gets the first answer. The card is
 * charged once, the order paid once, the ledger and the inbox hold one row each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCardDecider, testCards } from '@shop/card-processor/server';
import { createTestDatabase } from '@shop/db/testing';
import { createProducts, type Product } from '../src/catalog-fixtures';
import { queueJobs } from '../src/queues';
import { cards } from '../src/shop-client';
import { startShopSystem, type ShopSystem } from '../src/shop-system';

const slowMs = 1_500;
let system: ShopSystem;
let products: Product[];
let charging: () => void;
const charged = new Promise<void>((resolve) => (charging = resolve));
let release: () => void;
const released = new Promise<void>((resolve) => (release = resolve));

function within<T>(promise: Promise<T>, ms: number, failure: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${failure} within ${ms / 1000} s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

beforeAll(async () => {
  const decide = testCardDecider(slowMs);
  system = await startShopSystem({
    label: 'stalled_job',
    redisUrl: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
    database: await createTestDatabase('system_stalled_job'),
    checkoutWaitMs: 1_000,
    stalledIntervalMs: 1_000,
    processor: {
      slowMs,
      // The slow card's charge is held until the test has killed the worker that asked for it.
      decide: async (cardNumber, paymentMethodId) => {
        if (cardNumber === testCards.slow) {
          charging();
          await released;
        }
        return decide(cardNumber, paymentMethodId);
      },
    },
  });
  products = await createProducts(system.apiDatabaseUrl, 1);
  await system.startApi();
});
afterAll(async () => {
  release?.();
  await system?.close();
});

describe('a worker killed mid-charge', () => {
  it('has its job handed to the next worker: one charge, one payment, paid once', async () => {
    const first = await system.startWorker();
    const shopper = await system.shopper();
    await shopper.addToCart(products[0]!.id);
    const placing = shopper.placeOrder(cards.slow);

    await within(charged, 60_000, 'the worker never asked the processor to charge the slow card');
    await system.killWorker(first);
    release();
    const order = await placing;
    expect(order.status).toBe('PENDING_PAYMENT');
    // The processor finishes the charge of a worker that is gone: nobody recorded its answer.
    await expect
      .poll(() => system.processor.charges().length, { timeout: slowMs + 10_000 })
      .toBe(1);
    expect((await shopper.order(order.id)).status).toBe('PENDING_PAYMENT');

    await system.startWorker();

    await expect
      .poll(async () => (await shopper.order(order.id)).status, { timeout: 60_000 })
      .toBe('PAID');
    const paid = await shopper.order(order.id);
    expect(paid.history.filter((change) => change.status === 'PAID')).toHaveLength(1);
    expect(
      system.processor.charges().filter((charge) => charge.metadata.orderId === order.id),
    ).toHaveLength(1);
    // Asked twice (the lost answer, then the replay under the same key), charged once.
    expect(system.chargeRequests()).toBeGreaterThanOrEqual(2);

    const placed = (await system.apiLog.outbox()).find(
      (row) => row.name === 'ordering.OrderPlaced' && row.correlationId === order.id,
    );
    const job = (await queueJobs(system.redisUrl, system.queuePrefix, 'payment')).find(
      (candidate) => candidate.id === placed?.id,
    );
    expect(job).toMatchObject({ state: 'completed' });
    expect(job!.attemptsStarted).toBeGreaterThanOrEqual(2);
    expect(job!.outcome).toMatch(/^charged/);

    const ledger = await system.workerLog.query<{ kind: string }>(
      'SELECT kind FROM ledger_entries WHERE order_id = $1',
      [order.id],
    );
    expect(ledger).toEqual([{ kind: 'charge' }]);
    const handled = (await system.workerLog.inbox()).filter(
      (row) => row.consumer === 'payment' && row.eventId === placed?.id,
    );
    expect(handled).toHaveLength(1);
  });
});
