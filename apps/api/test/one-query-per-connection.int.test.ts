/**
 * Inside a transaction every query shares one connection. pg deprecates sending a query while
 * another is still running on a client (pg 9 refuses it), and says so with a DeprecationWarning:
 * the order's moves must not trigger one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkout,
  createProduct,
  loggedInAdmin,
  signedUpShopper,
  startHarness,
  type Harness,
} from './harness';

let h: Harness;
const deprecations: string[] = [];
const onWarning = (warning: Error) => {
  if (warning.name === 'DeprecationWarning') deprecations.push(warning.message);
};
beforeAll(async () => {
  process.on('warning', onWarning);
  h = await startHarness('one_query');
});
afterAll(async () => {
  process.off('warning', onWarning);
  await h.close();
});

describe('one query at a time on a connection', () => {
  it('places, cancels and ships orders without overlapping queries in a transaction', async () => {
    const product = await createProduct(h.prisma, { stock: 5 });
    const shopper = await signedUpShopper(h.prisma);
    const admin = await loggedInAdmin(h.prisma);
    await shopper.caller.cart.add({ productId: product.id, quantity: 1 });
    const cancelled = await shopper.caller.orders.place(checkout());
    await shopper.caller.orders.cancel({ id: cancelled.id });
    await shopper.caller.cart.add({ productId: product.id, quantity: 1 });
    const shipped = await shopper.caller.orders.place(checkout());
    await admin.caller.admin.orders.ship({ id: shipped.id });
    // process.emitWarning delivers the event on a later tick.
    await new Promise((resolve) => setImmediate(resolve));

    expect(deprecations).toEqual([]);
    expect((await shopper.caller.orders.get({ id: shipped.id })).status).toBe('SHIPPED');
  });
});
