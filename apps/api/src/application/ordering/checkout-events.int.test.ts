/**
 * A checkout's facts travel as integration events (stage 4): the API writes its own into the
 * outbox with the commit that made them (the event log), and the payment service's answers arrive
 * in the API's inbox. Each test reads both for one order — and finds the card number in neither.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkout,
  createProduct,
  declinedCard,
  signedUpShopper,
  startHarness,
  type Harness,
} from '../../../test/harness';
import { heldProcessor } from '../../../test/observe';
import { createCaller, createContext, type ChargeResult, type CookieJar } from '../../testing';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('checkout_events');
});
afterAll(async () => {
  await h.close();
});

function callerWith(cookies: CookieJar, charge: (cardNumber: string) => Promise<ChargeResult>) {
  return createCaller(() => createContext({ db: h.prisma, cookies, checkout: { charge } }));
}

/** The order's conversation: what the API published and what it received, oldest first. */
async function conversation(orderId: string) {
  const published = await h.prisma.outboxEvent.findMany({
    where: { correlationId: orderId },
    orderBy: { occurredAt: 'asc' },
    select: { name: true, payload: true, publishedAt: true },
  });
  const received = await h.prisma.inboxEntry.findMany({
    where: { correlationId: orderId, consumer: 'ordering' },
    orderBy: { handledAt: 'asc' },
    select: { eventName: true },
  });
  return {
    published: published.map((event) => event.name),
    received: received.map((event) => event.eventName),
    payloads: JSON.stringify(published.map((event) => event.payload)),
  };
}

async function shopperWithCart(quantity = 1) {
  const product = await createProduct(h.prisma, { stock: 5, priceAmount: 9_000 });
  const shopper = await signedUpShopper(h.prisma);
  await shopper.caller.cart.add({ productId: product.id, quantity });
  return shopper;
}

describe('a checkout’s integration events', () => {
  it('asks payment to charge, hears the capture, tells of the paid order — never the card number', async () => {
    const shopper = await shopperWithCart(2);
    const order = await shopper.caller.orders.place(checkout());
    expect(order.status).toBe('PAID');
    const events = await conversation(order.id);
    expect(events.published).toEqual(['ordering.OrderPlaced', 'ordering.OrderPaid']);
    expect(events.received).toEqual(['payment.PaymentCaptured']);
    expect(events.payloads).toContain('"amount":18000');
    expect(events.payloads).toMatch(/"paymentMethodId":"pm_/);
    expect(events.payloads).not.toMatch(/4242 ?4242 ?4242/);
  });

  it('hears a decline, and tells nobody else: payment knows', async () => {
    const shopper = await shopperWithCart();
    await expect(
      shopper.caller.orders.place(checkout({ payment: declinedCard })),
    ).rejects.toMatchObject({
      code: 'PAYMENT_REQUIRED',
    });
    const order = await h.prisma.order.findFirstOrThrow({ where: { userId: shopper.user.id } });
    const events = await conversation(order.id);
    expect(events.published).toEqual(['ordering.OrderPlaced']);
    expect(events.received).toEqual(['payment.PaymentDeclined']);
  });

  it('tells payment of a cancelled paid order and hears the refund', async () => {
    const shopper = await shopperWithCart();
    const order = await shopper.caller.orders.place(checkout());
    await shopper.caller.orders.cancel({ id: order.id });
    const events = await conversation(order.id);
    expect(events.published).toEqual([
      'ordering.OrderPlaced',
      'ordering.OrderPaid',
      'ordering.OrderCancelled',
    ]);
    expect(events.payloads).toContain('"refundDue":true');
    expect(events.received).toEqual(['payment.PaymentCaptured', 'payment.PaymentRefunded']);
  });

  it('hears the capture and then the refund when the order was cancelled while the card was charged', async () => {
    const shopper = await shopperWithCart();
    const processor = heldProcessor();
    const placing = callerWith(shopper.cookies, processor.charge)
      .orders.place(checkout())
      .catch((error: unknown) => error);
    await processor.chargeStarted;
    const pending = await h.prisma.order.findFirstOrThrow({ where: { userId: shopper.user.id } });
    await shopper.caller.orders.cancel({ id: pending.id });
    processor.release();
    expect(await placing).toMatchObject({ code: 'CONFLICT' });
    const events = await conversation(pending.id);
    expect(events.published).toEqual(['ordering.OrderPlaced', 'ordering.OrderCancelled']);
    expect(events.payloads).toContain('"refundDue":false');
    expect(events.received).toEqual(['payment.PaymentCaptured', 'payment.PaymentRefunded']);
    const saga = await h.prisma.checkoutSagaStep.findMany({
      where: { orderId: pending.id },
      orderBy: { at: 'asc' },
      select: { state: true, compensation: true },
    });
    expect(saga).toEqual([
      { state: 'CHARGING', compensation: false },
      { state: 'CANCELLING', compensation: true },
      { state: 'REFUNDING', compensation: true },
      { state: 'REFUNDED', compensation: false },
    ]);
  });
});
