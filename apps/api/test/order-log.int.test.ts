import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkout,
  createProduct,
  loggedInAdmin,
  signedUpShopper,
  startHarness,
  type Harness,
} from './harness';
import { createCaller, createContext, createLogger } from '../src/testing';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('order_log');
});
afterAll(async () => {
  await h.close();
});

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

describe('the back office in the log', () => {
  it('records who shipped and who delivered which order', async () => {
    const product = await createProduct(h.prisma, { stock: 5 });
    const shopper = await signedUpShopper(h.prisma);
    await shopper.caller.cart.add({ productId: product.id, quantity: 1 });
    const order = await shopper.caller.orders.place(checkout());
    const admin = await loggedInAdmin(h.prisma);
    const adminUser = await admin.caller.auth.me();
    const { lines, logger } = captureLog();
    const logged = createCaller(() =>
      createContext({ db: h.prisma, cookies: admin.cookies, log: logger }),
    );

    await logged.admin.orders.ship({ id: order.id });
    await logged.admin.orders.deliver({ id: order.id });

    const events = lines.filter((line) => String(line.event).startsWith('order.'));
    expect(events).toEqual([
      expect.objectContaining({
        level: 30,
        event: 'order.shipped',
        orderId: order.id,
        adminId: adminUser?.id,
      }),
      expect.objectContaining({
        level: 30,
        event: 'order.delivered',
        orderId: order.id,
        adminId: adminUser?.id,
      }),
    ]);
  });

  it('logs nothing as shipped when the transition is refused', async () => {
    const product = await createProduct(h.prisma, { stock: 5 });
    const shopper = await signedUpShopper(h.prisma);
    await shopper.caller.cart.add({ productId: product.id, quantity: 1 });
    const order = await shopper.caller.orders.place(checkout());
    const admin = await loggedInAdmin(h.prisma);
    const { lines, logger } = captureLog();
    const logged = createCaller(() =>
      createContext({ db: h.prisma, cookies: admin.cookies, log: logger }),
    );

    await expect(logged.admin.orders.deliver({ id: order.id })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(lines.filter((line) => line.event === 'order.delivered')).toEqual([]);
  });
});
