import { describe, expect, it } from 'vitest';
import { Charge } from './charge';
import { Money } from './money';
import { Payment, type PaymentState } from './payment';
import { Refund } from './refund';

const at = new Date('2026-01-01T12:00:00Z');
const later = new Date('2026-01-01T12:05:00Z');
const amount = Money.of(23_000, 'KRW');
const order = { paymentMethodId: 'pm_0123456789abcdef', amount };
const approved = () => Charge.approved('ch_1', amount, '4242');
const declined = () => Charge.declined('ch_2', amount, '0002', 'card_declined');
const refund = () => Refund.of('re_1', amount);
const cancellation = { reason: 'customer', at };
const unseen = () => Payment.unseen('pay-1', 'o1');

function captured(): Payment {
  const payment = unseen();
  payment.recordCharge(order, approved(), at);
  payment.pullEvents();
  return payment;
}

describe('values', () => {
  it('refuse what is not money, a card or a named answer', () => {
    expect(() => Money.of(0, 'KRW')).toThrow(RangeError);
    expect(() => Money.of(1.5, 'KRW')).toThrow(RangeError);
    expect(() => Money.of(1, 'won')).toThrow(RangeError);
    expect(() => Charge.approved('ch_1', amount, '42')).toThrow(RangeError);
    expect(() => Charge.approved('', amount, '4242')).toThrow(RangeError);
    expect(() => Charge.declined('ch_1', amount, '4242', '')).toThrow(RangeError);
    expect(approved().equals(Charge.approved('ch_1', Money.of(23_000, 'KRW'), '4242'))).toBe(true);
    expect(approved().equals(Charge.approved('ch_9', amount, '4242'))).toBe(false);
  });
});

describe('one charge per order', () => {
  it('charges an order it has not seen and tells the approval as PaymentCaptured', () => {
    const payment = unseen();
    expect(payment.nextStepForOrder()).toBe('charge');
    payment.recordCharge(order, approved(), at);
    expect(payment.status).toBe('captured');
    expect(payment.pullEvents()).toEqual([
      {
        type: 'PaymentCaptured',
        occurredAt: at,
        data: {
          orderId: 'o1',
          paymentId: 'pay-1',
          chargeId: 'ch_1',
          amount: 23_000,
          currency: 'KRW',
          cardLast4: '4242',
        },
      },
    ]);
  });

  it('tells a decline as PaymentDeclined with the processor’s reason', () => {
    const payment = unseen();
    payment.recordCharge(order, declined(), at);
    expect(payment.status).toBe('declined');
    expect(payment.pullEvents()).toEqual([
      {
        type: 'PaymentDeclined',
        occurredAt: at,
        data: { orderId: 'o1', paymentId: 'pay-1', cardLast4: '0002', reason: 'card_declined' },
      },
    ]);
  });

  it('asks for no second charge once the processor answered, whatever it said', () => {
    expect(captured().nextStepForOrder()).toBe('none');
    const refused = unseen();
    refused.recordCharge(order, declined(), at);
    expect(refused.nextStepForOrder()).toBe('none');
  });

  it('changes nothing when the same answer is recorded again', () => {
    const payment = captured();
    payment.recordCharge(order, approved(), later);
    expect(payment.pullEvents()).toEqual([]);
    expect(payment.status).toBe('captured');
  });

  it('refuses a second, different answer, and a charge for another amount', () => {
    const payment = captured();
    expect(() => payment.recordCharge(order, declined(), at)).toThrow(
      /captured; a charge is refused/,
    );
    expect(payment.charge?.id).toBe('ch_1');
    const other = Charge.approved('ch_3', Money.of(1, 'KRW'), '4242');
    expect(() => unseen().recordCharge(order, other, at)).toThrow(/costs 23000 KRW/);
  });
});

describe('a charge that could not be made', () => {
  it('fails an unseen order once, tells PaymentFailed, and never charges it afterwards', () => {
    const payment = unseen();
    payment.recordFailure(order, 'payment method unknown', at);
    expect(payment.status).toBe('failed');
    expect(payment.pullEvents()).toEqual([
      {
        type: 'PaymentFailed',
        occurredAt: at,
        data: { orderId: 'o1', paymentId: 'pay-1', reason: 'payment method unknown' },
      },
    ]);
    expect(payment.nextStepForOrder()).toBe('none');
    expect(payment.nextStepForCancellation()).toBe('none');
    payment.recordFailure(order, 'again', later);
    expect(payment.pullEvents()).toEqual([]);
    expect(() => payment.recordCharge(order, approved(), at)).toThrow(
      /failed; a charge is refused/,
    );
  });

  it('cannot fail an order that was already answered or cancelled', () => {
    expect(() => captured().recordFailure(order, 'x', at)).toThrow(RangeError);
    const tomb = unseen();
    tomb.recordCancellation(cancellation);
    expect(() => tomb.recordFailure(order, 'x', at)).toThrow(RangeError);
  });
});

describe('a cancellation before the order: the tombstone', () => {
  it('leaves a tombstone and no event when the order has not been seen', () => {
    const payment = unseen();
    expect(payment.nextStepForCancellation()).toBe('tombstone');
    payment.recordCancellation(cancellation);
    expect(payment.status).toBe('awaiting-order');
    expect(payment.pullEvents()).toEqual([]);
  });

  it('skips the order that arrives later: no charge, ChargeSkipped told once', () => {
    const payment = unseen();
    payment.recordCancellation(cancellation);
    expect(payment.nextStepForOrder()).toBe('skip');
    payment.skip(order, later);
    expect(payment.status).toBe('skipped');
    expect(payment.charge).toBeNull();
    expect(payment.pullEvents()).toEqual([
      {
        type: 'ChargeSkipped',
        occurredAt: later,
        data: { orderId: 'o1', paymentId: 'pay-1', reason: 'order-cancelled-before-charge' },
      },
    ]);
    expect(payment.nextStepForOrder()).toBe('none');
    payment.skip(order, later);
    expect(payment.pullEvents()).toEqual([]);
  });

  it('never skips an order that was not cancelled first', () => {
    expect(() => unseen().skip(order, at)).toThrow(/only a cancelled one is skipped/);
    expect(() => captured().skip(order, at)).toThrow(RangeError);
  });

  it('keeps the first cancellation', () => {
    const payment = unseen();
    payment.recordCancellation(cancellation);
    payment.recordCancellation({ reason: 'admin', at: later });
    expect(payment.cancellation).toEqual(cancellation);
    expect(payment.nextStepForCancellation()).toBe('none');
  });
});

describe('at most one refund, only of an approved charge', () => {
  it('refunds a captured charge in full and tells it as PaymentRefunded', () => {
    const payment = captured();
    expect(payment.nextStepForCancellation()).toBe('refund');
    payment.recordCancellation(cancellation);
    payment.recordRefund(refund(), 'order cancelled (customer)', later);
    expect(payment.status).toBe('refunded');
    expect(payment.pullEvents()).toEqual([
      {
        type: 'PaymentRefunded',
        occurredAt: later,
        data: {
          orderId: 'o1',
          paymentId: 'pay-1',
          refundId: 're_1',
          amount: 23_000,
          currency: 'KRW',
          reason: 'order cancelled (customer)',
        },
      },
    ]);
  });

  it('refunds once: the same refund again changes nothing, another is refused', () => {
    const payment = captured();
    payment.recordRefund(refund(), 'r', at);
    payment.pullEvents();
    payment.recordRefund(refund(), 'r', later);
    expect(payment.pullEvents()).toEqual([]);
    expect(payment.nextStepForCancellation()).toBe('none');
    expect(() => payment.recordRefund(Refund.of('re_2', amount), 'r', at)).toThrow(
      /refunded; only a captured charge can be refunded, once/,
    );
  });

  it('has nothing to give back for a declined, skipped or unseen order', () => {
    const refused = unseen();
    refused.recordCharge(order, declined(), at);
    expect(refused.nextStepForCancellation()).toBe('none');
    expect(() => refused.recordRefund(refund(), 'r', at)).toThrow(RangeError);
    expect(() => unseen().recordRefund(refund(), 'r', at)).toThrow(RangeError);
    const skipped = unseen();
    skipped.recordCancellation(cancellation);
    skipped.skip(order, at);
    expect(skipped.nextStepForCancellation()).toBe('none');
  });

  it('gives back the whole charge, not part of it', () => {
    expect(() => captured().recordRefund(Refund.of('re_1', Money.of(1, 'KRW')), 'r', at)).toThrow(
      /gives the whole charge back/,
    );
  });
});

describe('rehydrate', () => {
  const base: PaymentState = {
    id: 'pay-1',
    orderId: 'o1',
    status: 'captured',
    order,
    charge: approved(),
    refund: null,
    cancellation: null,
    failure: null,
  };

  it('restores a stored payment as it was', () => {
    expect(Payment.rehydrate(base).snapshot()).toEqual(base);
  });

  it.each<[string, Partial<PaymentState>]>([
    ['an unseen payment is never stored', { status: 'unseen' }],
    ['awaiting-order without a cancellation', { status: 'awaiting-order', charge: null }],
    ['declined without a declined charge', { status: 'declined' }],
    [
      'a refund without an approved charge',
      { status: 'refunded', charge: declined(), refund: refund() },
    ],
    ['captured with a refund', { refund: refund() }],
    ['captured without the order', { order: null }],
    ['failed without a reason', { status: 'failed', charge: null }],
    ['a failure on a captured payment', { failure: 'x' }],
  ])('refuses a stored state that breaks the rules: %s', (_, change) => {
    expect(() => Payment.rehydrate({ ...base, ...change })).toThrow(RangeError);
  });
});
