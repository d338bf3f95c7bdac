/**
 * Payment's facts leave a checkout as events, with the commit that recorded them: the charge the
 * processor answered, and the refund when money went back. Read from the log the composition root
 * writes them to (stage 4 hands the same events to the outbox).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  approvedCard,
  checkout,
  createProduct,
  declinedCard,
  signedUpShopper,
  startHarness,
  type Harness,
} from '../../../test/harness';
import { captureLog, heldProcessor } from '../../../test/observe';
import { createCaller, createContext, type ChargeResult, type CookieJar } from '../../testing';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('checkout_events');
});
afterAll(async () => {
  await h.close();
});

interface Logged {
  event?: string;
  type: string;
  data: { orderId: string };
}

/** A browser whose requests log where the test reads; `charge` replaces the card processor. */
function loggedCaller(cookies: CookieJar, charge?: (cardNumber: string) => Promise<ChargeResult>) {
  const { lines, logger: log } = captureLog();
  const caller = createCaller(() =>
    createContext({ db: h.prisma, cookies, log, ...(charge ? { checkout: { charge } } : {}) }),
  );
  const events = () => (lines as unknown as Logged[]).filter((l) => l.event === 'domain_event');
  return { caller, events, lines };
}

const typesFor = (events: Logged[], orderId: string) =>
  events.filter((event) => event.data.orderId === orderId).map((event) => event.type);

async function shopperWithCart(quantity = 1) {
  const product = await createProduct(h.prisma, { stock: 5, priceAmount: 9_000 });
  const shopper = await signedUpShopper(h.prisma);
  await shopper.caller.cart.add({ productId: product.id, quantity });
  return shopper;
}

describe('payment events', () => {
  it('tells an approved charge with the order it paid, and never the card number', async () => {
    const shopper = await shopperWithCart(2);
    const { caller, events, lines } = loggedCaller(shopper.cookies);
    const order = await caller.orders.place(checkout({ payment: approvedCard }));
    expect(typesFor(events(), order.id)).toEqual(['OrderPlaced', 'OrderPaid', 'ChargeApproved']);
    expect(events().find((event) => event.type === 'ChargeApproved')?.data).toEqual({
      orderId: order.id,
      amount: { amount: 18_000, currency: 'KRW' },
      cardLast4: '4242',
    });
    expect(JSON.stringify(lines)).not.toMatch(/4242 ?4242 ?4242/);
  });

  it('tells a declined charge, and no refund', async () => {
    const shopper = await shopperWithCart();
    const { caller, events } = loggedCaller(shopper.cookies);
    await expect(caller.orders.place(checkout({ payment: declinedCard }))).rejects.toMatchObject({
      code: 'PAYMENT_REQUIRED',
    });
    const order = await h.prisma.order.findFirstOrThrow({ where: { userId: shopper.user.id } });
    expect(typesFor(events(), order.id)).toEqual([
      'OrderPlaced',
      'OrderCancelled',
      'ChargeDeclined',
    ]);
  });

  it('tells the refund when the shopper cancels a paid order', async () => {
    const shopper = await shopperWithCart();
    const order = await shopper.caller.orders.place(checkout());
    const { caller, events } = loggedCaller(shopper.cookies);
    await caller.orders.cancel({ id: order.id });
    expect(typesFor(events(), order.id)).toEqual(['OrderCancelled', 'RefundIssued']);
  });

  it('tells the charge and its refund when the order was cancelled while the card was charged', async () => {
    const shopper = await shopperWithCart();
    const processor = heldProcessor();
    const { caller, events } = loggedCaller(shopper.cookies, processor.charge);
    const placing = caller.orders.place(checkout()).catch((error: unknown) => error);
    await processor.chargeStarted;
    const pending = await h.prisma.order.findFirstOrThrow({ where: { userId: shopper.user.id } });
    await shopper.caller.orders.cancel({ id: pending.id });
    processor.release();
    expect(await placing).toMatchObject({ code: 'CONFLICT' });
    expect(typesFor(events(), pending.id)).toEqual([
      'OrderPlaced',
      'ChargeApproved',
      'RefundIssued',
    ]);
  });
});
