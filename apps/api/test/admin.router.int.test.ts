import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browser,
  checkout,
  createProduct,
  loggedInAdmin,
  signedUpShopper,
  startHarness,
  type Harness,
} from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('admin');
});
afterAll(async () => {
  await h.close();
});

async function paidOrder() {
  const product = await createProduct(h.prisma);
  const shopper = await signedUpShopper(h.prisma, 'Lee Seojun');
  await shopper.caller.cart.add({ productId: product.id, quantity: 1 });
  return { shopper, order: await shopper.caller.orders.place(checkout()) };
}

describe('admin.orders', () => {
  it('ships and then delivers a paid order; the shopper sees it and can no longer cancel', async () => {
    const { shopper, order } = await paidOrder();
    const admin = await loggedInAdmin(h.prisma);

    await expect(admin.caller.admin.orders.deliver({ id: order.id })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const shipped = await admin.caller.admin.orders.ship({ id: order.id });
    expect(shipped).toMatchObject({
      status: 'SHIPPED',
      customer: { name: 'Lee Seojun', email: shopper.email },
    });
    await expect(shopper.caller.orders.cancel({ id: order.id })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    await expect(admin.caller.admin.orders.ship({ id: order.id })).rejects.toMatchObject({
      code: 'CONFLICT',
    });

    const delivered = await admin.caller.admin.orders.deliver({ id: order.id });
    expect(delivered.history.map((change) => change.status)).toEqual([
      'PENDING_PAYMENT',
      'PAID',
      'SHIPPED',
      'DELIVERED',
    ]);
    expect(await shopper.caller.orders.get({ id: order.id })).toMatchObject({
      status: 'DELIVERED',
    });
    expect(await shopper.caller.orders.get({ id: order.id })).not.toHaveProperty('customer');
  });

  it('lists every order and filters by status', async () => {
    const { order: paid } = await paidOrder();
    const { shopper, order: cancelled } = await paidOrder();
    await shopper.caller.orders.cancel({ id: cancelled.id });
    const admin = await loggedInAdmin(h.prisma);

    const all = (await admin.caller.admin.orders.list()).map((order) => order.id);
    expect(all).toEqual(expect.arrayContaining([paid.id, cancelled.id]));
    const onlyPaid = await admin.caller.admin.orders.list({ status: 'PAID' });
    expect(onlyPaid.every((order) => order.status === 'PAID')).toBe(true);
    expect(onlyPaid.map((order) => order.id)).toContain(paid.id);
    expect(onlyPaid.map((order) => order.id)).not.toContain(cancelled.id);
  });

  it('refuses shoppers with FORBIDDEN and guests with UNAUTHORIZED', async () => {
    const { shopper, order } = await paidOrder();
    const guest = browser(h.prisma);

    await expect(shopper.caller.admin.orders.list()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(shopper.caller.admin.orders.ship({ id: order.id })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(guest.caller.admin.orders.list()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(guest.caller.admin.orders.deliver({ id: order.id })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });

  it('answers NOT_FOUND for an unknown order', async () => {
    const admin = await loggedInAdmin(h.prisma);
    await expect(
      admin.caller.admin.orders.ship({ id: '00000000-0000-4000-8000-000000000000' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('allowed actions in the back office', () => {
  it('offers ship for paid orders, deliver for shipped ones, and nothing otherwise', async () => {
    const { shopper, order } = await paidOrder();
    const admin = await loggedInAdmin(h.prisma);
    const listed = async () =>
      (await admin.caller.admin.orders.list()).find((entry) => entry.id === order.id);

    expect((await listed())?.allowedActions).toEqual(['ship']);
    const shipped = await admin.caller.admin.orders.ship({ id: order.id });
    expect(shipped.allowedActions).toEqual(['deliver']);
    expect((await listed())?.allowedActions).toEqual(['deliver']);
    expect((await shopper.caller.orders.get({ id: order.id })).allowedActions).toEqual([]);
    const delivered = await admin.caller.admin.orders.deliver({ id: order.id });
    expect(delivered.allowedActions).toEqual([]);
    expect((await listed())?.allowedActions).toEqual([]);

    const { shopper: other, order: toCancel } = await paidOrder();
    await other.caller.orders.cancel({ id: toCancel.id });
    const cancelled = (await admin.caller.admin.orders.list({ status: 'CANCELLED' })).find(
      (entry) => entry.id === toCancel.id,
    );
    expect(cancelled?.allowedActions).toEqual([]);

    const { order: pending } = await paidOrder();
    await h.prisma.order.update({ where: { id: pending.id }, data: { status: 'PENDING_PAYMENT' } });
    const pendingListed = (
      await admin.caller.admin.orders.list({ status: 'PENDING_PAYMENT' })
    ).find((entry) => entry.id === pending.id);
    expect(pendingListed?.allowedActions).toEqual([]);
  });
});
