import { Writable } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import type { PrismaClient } from '@shop/db/client';
import {
  address,
  checkout,
  createProduct,
  signedUpShopper,
  startHarness,
  type Harness,
} from './harness';
import { holdLock, waitForLockWaiters } from './locks';
import {
  type ChargeResult,
  type CheckoutSettings,
  type CookieJar,
  createCaller,
  createContext,
  createLogger,
  expireReservations,
  requestFingerprint,
  simulateCharge,
  startReservationSweeper,
} from '../src/testing';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('reservations');
});
afterAll(async () => {
  await h.close();
});

const minute = 60_000;
const ttlMs = 15 * minute;
const later = (ms: number) => new Date(Date.now() + ms);

const stockOf = async (id: string) =>
  (await h.prisma.product.findUniqueOrThrow({ where: { id }, select: { stock: true } })).stock;

function callerWith(prisma: PrismaClient, cookies: CookieJar, settings: Partial<CheckoutSettings>) {
  return createCaller(() => createContext({ db: prisma, cookies, checkout: settings }));
}

/** Every line the logger writes, parsed. */
function captureLog() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  return { lines, logger: createLogger({ mode: 'production', level: 'debug', destination }) };
}

/**
 * What a checkout leaves behind when it dies between reserving and settling (crash, SIGTERM, pool
 * timeout): a PENDING_PAYMENT order holding its units, keyed by the attempt's idempotency key.
 */
async function stuckCheckout(
  userId: string,
  lines: { productId: string; quantity: number }[],
  createdAt = new Date(),
  idempotencyKey = randomUUID(),
) {
  const products = await h.prisma.product.findMany({
    where: { id: { in: lines.map((line) => line.productId) } },
  });
  const priced = lines.map((line) => {
    const product = products.find((p) => p.id === line.productId)!;
    return { ...line, name: product.name, unitPrice: product.priceAmount };
  });
  for (const line of lines) {
    await h.prisma.product.update({
      where: { id: line.productId },
      data: { stock: { decrement: line.quantity } },
    });
  }
  return h.prisma.order.create({
    data: {
      userId,
      createdAt,
      idempotencyKey,
      requestHash: requestFingerprint(lines, address),
      status: 'PENDING_PAYMENT',
      totalAmount: priced.reduce((sum, line) => sum + line.unitPrice * line.quantity, 0),
      currency: 'KRW',
      shipFullName: address.fullName,
      shipAddress: address.address,
      shipCity: address.city,
      shipPostalCode: address.postalCode,
      shipCountry: address.country,
      lines: {
        create: priced.map((line) => ({ ...line, lineTotal: line.unitPrice * line.quantity })),
      },
      history: { create: { status: 'PENDING_PAYMENT', at: createdAt } },
    },
  });
}

describe('reservation time limit', () => {
  it('cancels an order still awaiting payment after the limit, returns its stock and says why', async () => {
    const product = await createProduct(h.prisma, { stock: 5 });
    const shopper = await signedUpShopper(h.prisma);
    const order = await stuckCheckout(shopper.user.id, [{ productId: product.id, quantity: 3 }]);
    expect(await stockOf(product.id)).toBe(2);

    expect(await expireReservations(h.prisma, { ttlMs, now: later(ttlMs - minute) })).toEqual([]);
    expect(await stockOf(product.id)).toBe(2);

    expect(await expireReservations(h.prisma, { ttlMs, now: later(ttlMs + 1_000) })).toEqual([
      order.id,
    ]);

    expect(await stockOf(product.id)).toBe(5);
    const seen = await shopper.caller.orders.get({ id: order.id });
    expect(seen.status).toBe('CANCELLED');
    expect(seen.allowedActions).toEqual([]);
    expect(seen.history).toEqual([
      { status: 'PENDING_PAYMENT', at: order.createdAt.toISOString() },
      { status: 'CANCELLED', at: expect.any(String) as string, reason: 'EXPIRED' },
    ]);
    expect(await h.prisma.payment.count({ where: { orderId: order.id } })).toBe(0);

    // Idempotent: a second sweep finds nothing more to do.
    expect(await expireReservations(h.prisma, { ttlMs, now: later(ttlMs * 2) })).toEqual([]);
    expect(await stockOf(product.id)).toBe(5);
  });

  it('returns the stock exactly once when two sweepers (two API processes) race', async () => {
    const a = await createProduct(h.prisma, { stock: 100 });
    const b = await createProduct(h.prisma, { stock: 100 });
    const shoppers = await Promise.all(Array.from({ length: 12 }, () => signedUpShopper(h.prisma)));
    const old = new Date(Date.now() - ttlMs - minute);
    const orders = [];
    for (const [i, shopper] of shoppers.entries()) {
      const lines = [
        { productId: a.id, quantity: 2 },
        { productId: b.id, quantity: 3 },
      ];
      orders.push(await stuckCheckout(shopper.user.id, i % 2 ? lines : lines.reverse(), old));
    }
    expect(await stockOf(a.id)).toBe(100 - 12 * 2);

    // Hold both products: every sweeper has picked its first order and waits to return its stock
    // before any goes on, so all four sweep at the same time.
    const release = await holdLock(
      h,
      (tx) =>
        tx.$queryRaw`SELECT 1 FROM "Product" WHERE "id" IN (${a.id}::uuid, ${b.id}::uuid) FOR UPDATE`,
    );
    const sweeping = Promise.all(
      Array.from({ length: 4 }, () => expireReservations(h.prisma, { ttlMs })),
    );
    await waitForLockWaiters(h, 4);
    await release();
    const sweeps = await sweeping;

    const expired = sweeps.flat();
    expect(expired).toHaveLength(12);
    expect(new Set(expired)).toEqual(new Set(orders.map((order) => order.id)));
    expect(await stockOf(a.id)).toBe(100);
    expect(await stockOf(b.id)).toBe(100);
    const cancellations = await h.prisma.orderStatusChange.groupBy({
      by: ['orderId'],
      where: { orderId: { in: orders.map((order) => order.id) }, status: 'CANCELLED' },
      _count: true,
    });
    expect(cancellations.map((row) => row._count)).toEqual(Array(12).fill(1));
  });

  it('leaves paid, shipped and already cancelled orders alone, however old', async () => {
    const product = await createProduct(h.prisma, { stock: 10 });
    const shopper = await signedUpShopper(h.prisma);
    await shopper.caller.cart.add({ productId: product.id, quantity: 2 });
    const paid = await shopper.caller.orders.place(checkout());
    await shopper.caller.cart.add({ productId: product.id, quantity: 1 });
    const cancelled = await shopper.caller.orders.place(checkout());
    await shopper.caller.orders.cancel({ id: cancelled.id });
    expect(await stockOf(product.id)).toBe(8);

    expect(await expireReservations(h.prisma, { ttlMs, now: later(24 * 60 * minute) })).toEqual([]);

    expect(await stockOf(product.id)).toBe(8);
    expect((await shopper.caller.orders.get({ id: paid.id })).status).toBe('PAID');
    const history = await h.prisma.orderStatusChange.count({
      where: { orderId: { in: [paid.id, cancelled.id] } },
    });
    expect(history).toBe(5);
  });

  it('refunds a charge approved after the reservation expired, and checkout answers CONFLICT', async () => {
    const product = await createProduct(h.prisma, { stock: 4, priceAmount: 9_000 });
    const shopper = await signedUpShopper(h.prisma);
    await shopper.caller.cart.add({ productId: product.id, quantity: 1 });
    let started!: () => void;
    let release!: () => void;
    const chargeStarted = new Promise<void>((resolve) => (started = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    const charge = async (cardNumber: string): Promise<ChargeResult> => {
      started();
      await released;
      return simulateCharge(cardNumber);
    };

    const placing = callerWith(h.prisma, shopper.cookies, { charge })
      .orders.place(checkout())
      .then(
        () => null,
        (error: unknown) => error,
      );
    await chargeStarted;
    const [orderId] = await expireReservations(h.prisma, { ttlMs, now: later(ttlMs + minute) });
    expect(await stockOf(product.id)).toBe(4);
    release();

    expect(await placing).toMatchObject({ code: 'CONFLICT' });
    const payments = await h.prisma.payment.findMany({
      where: { orderId: orderId! },
      orderBy: { kind: 'asc' },
      select: { kind: true, outcome: true, amount: true },
    });
    expect(payments).toEqual([
      { kind: 'CHARGE', outcome: 'APPROVED', amount: 9_000 },
      { kind: 'REFUND', outcome: 'APPROVED', amount: 9_000 },
    ]);
    expect(await stockOf(product.id)).toBe(4);
  });
});

describe('the reservation sweeper', () => {
  it('expires stale reservations on its own, logs each one, and stops when asked', async () => {
    const product = await createProduct(h.prisma, { stock: 5 });
    const shopper = await signedUpShopper(h.prisma);
    const stale = await stuckCheckout(
      shopper.user.id,
      [{ productId: product.id, quantity: 2 }],
      new Date(Date.now() - ttlMs - minute),
    );
    const fresh = await stuckCheckout(shopper.user.id, [{ productId: product.id, quantity: 1 }]);
    const { lines, logger } = captureLog();

    // The sweeper's pauses run on a fake clock, so the test decides when a next sweep would be due.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const sweeper = startReservationSweeper({ prisma: h.prisma, ttlMs, intervalMs: 20, logger });
    await expect
      .poll(
        async () => (await h.prisma.order.findUniqueOrThrow({ where: { id: stale.id } })).status,
      )
      .toBe('CANCELLED');
    await sweeper.stop();

    expect(await stockOf(product.id)).toBe(4);
    expect((await h.prisma.order.findUniqueOrThrow({ where: { id: fresh.id } })).status).toBe(
      'PENDING_PAYMENT',
    );
    expect(lines.filter((line) => line.event === 'order.expired')).toEqual([
      expect.objectContaining({ level: 30, orderId: stale.id, userId: shopper.user.id }),
    ]);

    // Stopped: an order that goes stale now stays as it is.
    const afterStop = await stuckCheckout(
      shopper.user.id,
      [{ productId: product.id, quantity: 1 }],
      new Date(Date.now() - ttlMs - minute),
    );
    // Many intervals pass; a sweep they started would be the one `stop` waits for.
    await vi.advanceTimersByTimeAsync(100);
    await sweeper.stop();
    expect((await h.prisma.order.findUniqueOrThrow({ where: { id: afterStop.id } })).status).toBe(
      'PENDING_PAYMENT',
    );
  });
});

describe('replaying a key whose checkout is still pending', () => {
  it('answers a retryable TIMEOUT quickly instead of a pending order', async () => {
    const product = await createProduct(h.prisma, { stock: 5 });
    const shopper = await signedUpShopper(h.prisma);
    await shopper.caller.cart.add({ productId: product.id, quantity: 1 });
    const input = checkout();
    await stuckCheckout(
      shopper.user.id,
      [{ productId: product.id, quantity: 1 }],
      new Date(),
      input.idempotencyKey,
    );

    const startedAt = Date.now();
    await expect(
      callerWith(h.prisma, shopper.cookies, { replayWaitMs: 200 }).orders.place(input),
    ).rejects.toMatchObject({
      code: 'TIMEOUT',
      message:
        'This checkout is still being processed. Try again in a moment — you will not be charged twice.',
    });
    expect(Date.now() - startedAt).toBeLessThan(3_000);
    expect(await h.prisma.order.count({ where: { userId: shopper.user.id } })).toBe(1);
    expect(await h.prisma.payment.count({ where: { order: { userId: shopper.user.id } } })).toBe(0);
  });

  it('once the reservation expired, says so and that nothing was charged', async () => {
    const product = await createProduct(h.prisma, { stock: 5 });
    const shopper = await signedUpShopper(h.prisma);
    await shopper.caller.cart.add({ productId: product.id, quantity: 1 });
    const input = checkout();
    await stuckCheckout(
      shopper.user.id,
      [{ productId: product.id, quantity: 1 }],
      new Date(Date.now() - ttlMs - minute),
      input.idempotencyKey,
    );
    await expireReservations(h.prisma, { ttlMs });

    await expect(shopper.caller.orders.place(input)).rejects.toMatchObject({
      code: 'CONFLICT',
      message:
        'This checkout expired before the payment went through. Nothing was charged — please place your order again.',
    });
    expect(await stockOf(product.id)).toBe(5);

    const retried = await shopper.caller.orders.place(checkout());
    expect(retried.status).toBe('PAID');
    expect(await stockOf(product.id)).toBe(4);
  });
});

describe('a failure while settling', () => {
  it('releases the stock and records no charge when the card processor fails', async () => {
    const product = await createProduct(h.prisma, { stock: 5 });
    const shopper = await signedUpShopper(h.prisma);
    await shopper.caller.cart.add({ productId: product.id, quantity: 2 });
    const charge = () => Promise.reject(new Error('card processor unreachable'));

    await expect(
      callerWith(h.prisma, shopper.cookies, { charge }).orders.place(checkout()),
    ).rejects.toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });

    expect(await stockOf(product.id)).toBe(5);
    const [order] = await shopper.caller.orders.list();
    expect(order?.status).toBe('CANCELLED');
    expect(order?.history.at(-1)).toMatchObject({ status: 'CANCELLED', reason: 'PAYMENT_FAILED' });
    expect(await h.prisma.payment.count({ where: { orderId: order!.id } })).toBe(0);
    expect((await shopper.caller.cart.get()).itemCount).toBe(2);
  });

  it('retries a settle that failed once, and the order is paid', async () => {
    const product = await createProduct(h.prisma, { stock: 5 });
    const shopper = await signedUpShopper(h.prisma);
    await shopper.caller.cart.add({ productId: product.id, quantity: 2 });
    let attempts = 0;
    const beforeSettle = () => {
      if (++attempts === 1) throw new Error('Timed out fetching a new connection from the pool');
    };

    const order = await callerWith(h.prisma, shopper.cookies, { beforeSettle }).orders.place(
      checkout(),
    );

    expect(order.status).toBe('PAID');
    expect(attempts).toBe(2);
    expect(await stockOf(product.id)).toBe(3);
    expect(await h.prisma.payment.count({ where: { orderId: order.id } })).toBe(1);
  });

  it('releases the stock and refunds the approved charge when settling keeps failing', async () => {
    const product = await createProduct(h.prisma, { stock: 5, priceAmount: 4_000 });
    const shopper = await signedUpShopper(h.prisma);
    await shopper.caller.cart.add({ productId: product.id, quantity: 2 });
    const beforeSettle = () => {
      throw new Error('Timed out fetching a new connection from the pool');
    };
    const { lines, logger } = captureLog();
    const caller = createCaller(() =>
      createContext({
        db: h.prisma,
        cookies: shopper.cookies,
        log: logger,
        checkout: { beforeSettle },
      }),
    );

    await expect(caller.orders.place(checkout())).rejects.toMatchObject({
      code: 'INTERNAL_SERVER_ERROR',
    });

    expect(await stockOf(product.id)).toBe(5);
    const [order] = await shopper.caller.orders.list();
    expect(order?.status).toBe('CANCELLED');
    expect(order?.history.at(-1)).toMatchObject({ status: 'CANCELLED', reason: 'PAYMENT_FAILED' });
    const payments = await h.prisma.payment.findMany({
      where: { orderId: order!.id },
      orderBy: { kind: 'asc' },
      select: { kind: true, outcome: true, amount: true },
    });
    expect(payments).toEqual([
      { kind: 'CHARGE', outcome: 'APPROVED', amount: 8_000 },
      { kind: 'REFUND', outcome: 'APPROVED', amount: 8_000 },
    ]);
    expect(lines).toContainEqual(
      expect.objectContaining({ event: 'order.settle_failed', orderId: order!.id, level: 50 }),
    );
  });
});
