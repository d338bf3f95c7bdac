import { describe, expect, it } from 'vitest';
import {
  CardDeclined,
  CheckoutConflict,
  CheckoutStillProcessing,
  InvalidRequest,
  MixedCurrencies,
  OrderNotFound,
  TransitionNotAllowed,
} from '../shared/errors';
import { Money, maxMoneyAmount } from '../shared/money';
import { RequestFingerprint } from './fingerprint';
import { IdempotencyKey } from './idempotency-key';
import { Order, type PricedOrderLine } from './order';
import type { OrderStatus } from './order-status';
import { ShippingAddress } from './shipping-address';

const placedAt = new Date('2026-01-01T12:00:00Z');
const later = new Date('2026-01-01T12:05:00Z');
const address = ShippingAddress.of({
  fullName: 'Kim',
  address: '1 Road',
  city: 'Seoul',
  postalCode: '04524',
  country: 'KR',
});
const kettle: PricedOrderLine = {
  productId: 'p1',
  name: 'Kettle',
  unitPrice: Money.of(10_000, 'KRW'),
  quantity: 2,
};
const mug: PricedOrderLine = {
  productId: 'p2',
  name: 'Mug',
  unitPrice: Money.of(3_000, 'KRW'),
  quantity: 1,
};

function place(lines: PricedOrderLine[] = [kettle, mug]): Order {
  return Order.place({
    id: 'o1',
    userId: 'u1',
    idempotencyKey: IdempotencyKey.of('checkout-1'),
    requestHash: RequestFingerprint.of(lines, address),
    shippingAddress: address,
    lines,
    placedAt,
  });
}

const approved = (amount = 23_000) => ({
  outcome: 'APPROVED' as const,
  amount: Money.of(amount, 'KRW'),
  cardLast4: '4242',
});

/** An order brought to `status` along the happy path, its events drained. */
function orderIn(status: OrderStatus): Order {
  const order = place();
  if (status === 'CANCELLED') order.cancel(null, later);
  if (['PAID', 'SHIPPED', 'DELIVERED'].includes(status)) order.markPaid(approved(), later);
  if (['SHIPPED', 'DELIVERED'].includes(status)) order.ship(later);
  if (status === 'DELIVERED') order.deliver(later);
  order.pullEvents();
  return order;
}

describe('Order.place', () => {
  it('records OrderPlaced with line totals and the total, awaiting payment', () => {
    const order = place();
    expect(order.status).toBe('PENDING_PAYMENT');
    expect(order.total.equals(Money.of(23_000, 'KRW'))).toBe(true);
    expect(order.lines.map((line) => line.lineTotal)).toEqual([20_000, 3_000]);
    expect(order.history).toEqual([{ status: 'PENDING_PAYMENT', reason: null, at: placedAt }]);
    const events = order.pullEvents();
    expect(events).toMatchObject([
      {
        type: 'OrderPlaced',
        version: 1,
        occurredAt: placedAt,
        data: {
          orderId: 'o1',
          userId: 'u1',
          total: { amount: 23_000, currency: 'KRW' },
          lines: [
            { productId: 'p1', quantity: 2 },
            { productId: 'p2', quantity: 1 },
          ],
        },
      },
    ]);
    expect(order.pullEvents()).toEqual([]);
  });

  it('refuses an empty cart, mixed currencies and a total one payment cannot hold', () => {
    expect(() => place([])).toThrow(InvalidRequest);
    expect(() => place([kettle, { ...mug, unitPrice: Money.of(3, 'USD') }])).toThrow(
      MixedCurrencies,
    );
    expect(
      place([{ ...kettle, unitPrice: Money.of(maxMoneyAmount, 'KRW'), quantity: 1 }]).total.amount,
    ).toBe(maxMoneyAmount);
    expect(() =>
      place([
        { ...kettle, unitPrice: Money.of(maxMoneyAmount, 'KRW'), quantity: 1 },
        { ...mug, unitPrice: Money.of(1, 'KRW') },
      ]),
    ).toThrow(/more than one payment can hold/);
  });

  it('offers the shopper cancel and the back office nothing while awaiting payment', () => {
    expect(place().allowedActions).toEqual({ shopper: ['cancel'], admin: [] });
  });
});

describe('Rule 4 — an order line freezes its price and name', () => {
  it('keeps the price and name it was placed with, whatever happens to the input later', () => {
    const line = { ...kettle };
    const order = place([line]);
    line.name = 'Renamed kettle';
    line.unitPrice = Money.of(1, 'KRW');
    expect(order.lines).toEqual([
      { productId: 'p1', name: 'Kettle', unitPrice: 10_000, quantity: 2, lineTotal: 20_000 },
    ]);
    expect(Object.isFrozen(order.lines[0])).toBe(true);
  });

  it('comes back from storage with the same lines', () => {
    const order = place();
    const again = Order.rehydrate(order.snapshot());
    expect(again.lines).toEqual(order.lines);
    expect(again.pullEvents()).toEqual([]);
  });
});

describe('Rule 5 — an order is only ever paid once', () => {
  it('is paid by an approved charge of its total, recording OrderPaid', () => {
    const order = orderIn('PENDING_PAYMENT');
    order.markPaid(approved(), later);
    expect(order.status).toBe('PAID');
    expect(order.pullEvents()).toMatchObject([
      {
        type: 'OrderPaid',
        data: { orderId: 'o1', amount: { amount: 23_000, currency: 'KRW' }, cardLast4: '4242' },
      },
    ]);
  });

  it('refuses a second payment, a declined charge and a charge of another amount', () => {
    const paid = orderIn('PAID');
    expect(() => paid.markPaid(approved(), later)).toThrow(TransitionNotAllowed);
    expect(paid.pullEvents()).toEqual([]);
    expect(() =>
      orderIn('PENDING_PAYMENT').markPaid({ ...approved(), outcome: 'DECLINED' }, later),
    ).toThrow(CardDeclined);
    expect(() => orderIn('PENDING_PAYMENT').markPaid(approved(1), later)).toThrow(CheckoutConflict);
  });

  it('binds the key to one cart and address', () => {
    const order = place();
    expect(() =>
      order.assertSameRequest(RequestFingerprint.of([kettle, mug], address)),
    ).not.toThrow();
    const other = ShippingAddress.of({ ...address.toJSON(), city: 'Busan' });
    expect(() => order.assertSameRequest(RequestFingerprint.of([kettle, mug], other))).toThrow(
      CheckoutConflict,
    );
  });

  it('answers a repeat as the first attempt ended', () => {
    expect(orderIn('PENDING_PAYMENT').replayRefusal()).toBeInstanceOf(CheckoutStillProcessing);
    expect(orderIn('PAID').replayRefusal()).toBeNull();
    const paidThenCancelled = orderIn('PAID');
    paidThenCancelled.cancel(null, later);
    expect(paidThenCancelled.replayRefusal()).toBeNull();
  });
});

describe('Rule 6 — a declined payment leaves no paid order', () => {
  it('cancels with reason PAYMENT_FAILED and hands the reserved units back in the event', () => {
    const order = orderIn('PENDING_PAYMENT');
    order.releaseAfterFailedPayment(later);
    expect(order.status).toBe('CANCELLED');
    expect(order.history.at(-1)).toEqual({
      status: 'CANCELLED',
      reason: 'PAYMENT_FAILED',
      at: later,
    });
    const events = order.pullEvents();
    expect(events.map((event) => event.type)).toEqual(['OrderCancelled']);
    expect(events[0]!.data).toMatchObject({
      reason: 'PAYMENT_FAILED',
      refundDue: false,
      lines: [
        { productId: 'p1', quantity: 2 },
        { productId: 'p2', quantity: 1 },
      ],
    });
  });

  it('cancels an order whose card was declined, with no refund due and the units handed back', () => {
    const order = orderIn('PENDING_PAYMENT');
    order.declinePayment(later);
    expect(order.status).toBe('CANCELLED');
    expect(order.history.map((change) => change.status)).not.toContain('PAID');
    expect(order.pullEvents()).toMatchObject([
      { type: 'OrderCancelled', data: { reason: null, refundDue: false, lines: [{}, {}] } },
    ]);
    expect(order.replayRefusal()).toBeInstanceOf(CardDeclined);
    expect(() => orderIn('PAID').declinePayment(later)).toThrow(TransitionNotAllowed);
  });

  it('never releases an order that was paid', () => {
    expect(() => orderIn('PAID').releaseAfterFailedPayment(later)).toThrow(TransitionNotAllowed);
  });
});

const declined = () => ({ ...approved(), outcome: 'DECLINED' as const, cardLast4: '0002' });
const nothingElse = { refundDue: false, checkOutCart: false, releaseStock: false };

describe('Order.settle — what the processor’s answer does to the order (rules 5 and 6)', () => {
  it('pays an order awaiting payment, and the cart is checked out', () => {
    const order = orderIn('PENDING_PAYMENT');
    expect(order.settle(approved(), later)).toEqual({
      ...nothingElse,
      settled: 'paid',
      checkOutCart: true,
    });
    expect(order.status).toBe('PAID');
    expect(order.pullEvents().map((event) => event.type)).toEqual(['OrderPaid']);
  });

  it('declines an order awaiting payment, and its stock goes back', () => {
    const order = orderIn('PENDING_PAYMENT');
    expect(order.settle(declined(), later)).toEqual({
      ...nothingElse,
      settled: 'declined',
      releaseStock: true,
    });
    expect(order.status).toBe('CANCELLED');
  });

  it('keeps an order cancelled meanwhile cancelled, and an approved charge is due back', () => {
    const cancelled = orderIn('CANCELLED');
    expect(cancelled.settle(approved(), later)).toEqual({
      ...nothingElse,
      settled: 'cancelled',
      refundDue: true,
    });
    expect(cancelled.settle(declined(), later)).toEqual({ ...nothingElse, settled: 'cancelled' });
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.pullEvents()).toEqual([]);
  });

  it('tells a retried settle what the first one decided, changing nothing', () => {
    const paid = orderIn('PAID');
    expect(paid.settle(approved(), later)).toEqual({ ...nothingElse, settled: 'paid' });
    const refused = orderIn('PENDING_PAYMENT');
    refused.settle(declined(), later);
    refused.pullEvents();
    expect(refused.settle(declined(), later)).toEqual({ ...nothingElse, settled: 'declined' });
    expect([paid, refused].flatMap((order) => order.pullEvents())).toEqual([]);
    expect(paid.status).toBe('PAID');
  });

  it('refuses a declined answer for an order that was paid', () => {
    expect(() => orderIn('SHIPPED').settle(declined(), later)).toThrow(TransitionNotAllowed);
  });
});

describe('Order.abandonCheckout — settling failed for good', () => {
  it('releases an order still awaiting payment, and its stock goes back', () => {
    const order = orderIn('PENDING_PAYMENT');
    expect(order.abandonCheckout(later)).toEqual({ releaseStock: true });
    expect(order.history.at(-1)?.reason).toBe('PAYMENT_FAILED');
  });

  it('leaves an order a committed settle or a cancel moved on as it is', () => {
    for (const status of ['PAID', 'CANCELLED'] as const) {
      const order = orderIn(status);
      expect(order.abandonCheckout(later)).toEqual({ releaseStock: false });
      expect(order.status).toBe(status);
      expect(order.pullEvents()).toEqual([]);
    }
  });
});

describe('Rule 7 — another shopper’s order does not exist for you', () => {
  it('is not found, not forbidden', () => {
    const order = place();
    expect(() => order.assertVisibleTo('u1')).not.toThrow();
    expect(() => order.assertVisibleTo('u2')).toThrow(OrderNotFound);
  });
});

describe('Rule 8 — a shopper may only cancel, and only before shipping', () => {
  it('cancels an order awaiting payment with no refund due', () => {
    const order = orderIn('PENDING_PAYMENT');
    expect(order.cancel(null, later)).toEqual({ refundDue: false });
    expect(order.status).toBe('CANCELLED');
    expect(order.pullEvents()).toMatchObject([
      { type: 'OrderCancelled', data: { from: 'PENDING_PAYMENT', reason: null, refundDue: false } },
    ]);
  });

  it('cancels a paid order and says a refund is due', () => {
    const order = orderIn('PAID');
    expect(order.cancel(null, later)).toEqual({ refundDue: true });
    expect(order.pullEvents()).toMatchObject([
      { type: 'OrderCancelled', data: { from: 'PAID', refundDue: true } },
    ]);
  });

  it.each(['SHIPPED', 'DELIVERED', 'CANCELLED'] as const)(
    'refuses to cancel a %s order',
    (status) => {
      const order = orderIn(status);
      expect(() => order.cancel(null, later)).toThrow(TransitionNotAllowed);
      expect(order.status).toBe(status);
      expect(order.pullEvents()).toEqual([]);
    },
  );

  it('offers the shopper no action once shipped; shipping is the back office’s', () => {
    expect(orderIn('PAID').allowedActions).toEqual({ shopper: ['cancel'], admin: ['ship'] });
    expect(orderIn('SHIPPED').allowedActions).toEqual({ shopper: [], admin: ['deliver'] });
  });
});

describe('shipping and delivery', () => {
  it('ships a paid order (OrderShipped) and delivers a shipped one (OrderDelivered)', () => {
    const order = orderIn('PAID');
    order.ship(later);
    order.deliver(later);
    expect(order.status).toBe('DELIVERED');
    expect(order.pullEvents().map((event) => event.type)).toEqual([
      'OrderShipped',
      'OrderDelivered',
    ]);
    expect(order.history.map((change) => change.status)).toEqual([
      'PENDING_PAYMENT',
      'PAID',
      'SHIPPED',
      'DELIVERED',
    ]);
  });

  it.each(['PENDING_PAYMENT', 'SHIPPED', 'DELIVERED', 'CANCELLED'] as const)(
    'refuses to ship a %s order',
    (status) => expect(() => orderIn(status).ship(later)).toThrow(TransitionNotAllowed),
  );

  it.each(['PENDING_PAYMENT', 'PAID', 'DELIVERED', 'CANCELLED'] as const)(
    'refuses to deliver a %s order',
    (status) => expect(() => orderIn(status).deliver(later)).toThrow(TransitionNotAllowed),
  );

  it('says in words what cannot happen', () => {
    expect(() => orderIn('SHIPPED').cancel(null, later)).toThrow(
      'An order that is shipped cannot be marked cancelled',
    );
  });
});

describe('a reservation has a time limit', () => {
  const ttl = 15 * 60_000;

  it('expires an order awaiting payment: ReservationExpired, cancelled with reason EXPIRED', () => {
    const order = orderIn('PENDING_PAYMENT');
    expect(order.reservationExpiredBy(new Date('2026-01-01T12:15:00Z'), ttl)).toBe(false);
    expect(order.reservationExpiredBy(new Date('2026-01-01T12:15:00.001Z'), ttl)).toBe(true);
    order.expire(later);
    expect(order.status).toBe('CANCELLED');
    expect(order.history.at(-1)).toEqual({ status: 'CANCELLED', reason: 'EXPIRED', at: later });
    expect(order.pullEvents()).toMatchObject([
      {
        type: 'ReservationExpired',
        data: { orderId: 'o1', lines: [{ productId: 'p1' }, { productId: 'p2' }] },
      },
    ]);
    expect(order.replayRefusal()?.message).toMatch(/^This checkout expired/);
  });

  it.each(['PAID', 'SHIPPED', 'DELIVERED', 'CANCELLED'] as const)(
    'never expires a %s order',
    (status) => {
      const order = orderIn(status);
      expect(order.reservationExpiredBy(new Date('2030-01-01T00:00:00Z'), ttl)).toBe(false);
      expect(() => order.expire(later)).toThrow(TransitionNotAllowed);
    },
  );
});
