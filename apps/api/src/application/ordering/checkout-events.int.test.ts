/**
 * Payment's facts leave a checkout as events, with the commit that recorded them: the charge the
 * processor answered, and the refund when money went back. Read from the log the composition root
 * writes them to (stage 4 hands the same events to the outbox).
 */
import { Writable } from 'node:stream';
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
import {
  createCaller,
  createContext,
  createLogger,
  simulateCharge,
  type ChargeResult,
  type CookieJar,
} from '../../testing';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('checkout_events');
});
afterAll(async () => {
  await h.close();
});

interface Logged {
  type: string;
  data: { orderId: string; amount?: { amount: number } };
}

/** A browser whose requests log to `events`; `charge` replaces the card processor when given. */
function loggedCaller(cookies: CookieJar, charge?: (cardNumber: string) => Promise<ChargeResult>) {
  const events: Logged[] = [];
  const raw: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        raw.push(line);
        const entry = JSON.parse(line) as { event?: string } & Logged;
        if (entry.event === 'domain_event') events.push({ type: entry.type, data: entry.data });
      }
      done();
    },
  });
  const log = createLogger({ mode: 'production', level: 'info', destination });
  const caller = createCaller(() =>
    createContext({ db: h.prisma, cookies, log, ...(charge ? { checkout: { charge } } : {}) }),
  );
  return { caller, events, raw };
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
    const { caller, events, raw } = loggedCaller(shopper.cookies);
    const order = await caller.orders.place(checkout({ payment: approvedCard }));
    expect(typesFor(events, order.id)).toEqual(['OrderPlaced', 'OrderPaid', 'ChargeApproved']);
    expect(events.find((event) => event.type === 'ChargeApproved')?.data).toEqual({
      orderId: order.id,
      amount: { amount: 18_000, currency: 'KRW' },
      cardLast4: '4242',
    });
    expect(raw.join('\n')).not.toMatch(/4242 ?4242 ?4242/);
  });

  it('tells a declined charge, and no refund', async () => {
    const shopper = await shopperWithCart();
    const { caller, events } = loggedCaller(shopper.cookies);
    await expect(caller.orders.place(checkout({ payment: declinedCard }))).rejects.toMatchObject({
      code: 'PAYMENT_REQUIRED',
    });
    const order = await h.prisma.order.findFirstOrThrow({ where: { userId: shopper.user.id } });
    expect(typesFor(events, order.id)).toEqual(['OrderPlaced', 'OrderCancelled', 'ChargeDeclined']);
  });

  it('tells the refund when the shopper cancels a paid order', async () => {
    const shopper = await shopperWithCart();
    const order = await shopper.caller.orders.place(checkout());
    const { caller, events } = loggedCaller(shopper.cookies);
    await caller.orders.cancel({ id: order.id });
    expect(typesFor(events, order.id)).toEqual(['OrderCancelled', 'RefundIssued']);
  });

  it('tells the charge and its refund when the order was cancelled while the card was charged', async () => {
    const shopper = await shopperWithCart();
    let started!: () => void;
    let release!: () => void;
    const chargeStarted = new Promise<void>((resolve) => (started = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    const held = async (cardNumber: string) => {
      started();
      await released;
      return simulateCharge(cardNumber);
    };
    const { caller, events } = loggedCaller(shopper.cookies, held);
    const placing = caller.orders.place(checkout()).catch((error: unknown) => error);
    await chargeStarted;
    const pending = await h.prisma.order.findFirstOrThrow({ where: { userId: shopper.user.id } });
    await shopper.caller.orders.cancel({ id: pending.id });
    release();
    expect(await placing).toMatchObject({ code: 'CONFLICT' });
    expect(typesFor(events, pending.id)).toEqual(['OrderPlaced', 'ChargeApproved', 'RefundIssued']);
  });
});
