import { describe, expect, it } from 'vitest';
import { Money } from '../shared/money';
import { Charge } from './charge';
import { Payment } from './payment';

const at = new Date('2026-01-01T12:00:00Z');
const amount = Money.of(23_000, 'KRW');
const approved = () => Charge.of('APPROVED', amount, '4242');
const declined = () => Charge.of('DECLINED', amount, '0002');

describe('Charge', () => {
  it('is the processor’s answer as a value, equal by value', () => {
    const charge = approved();
    expect(charge.approved).toBe(true);
    expect(charge.equals(Charge.of('APPROVED', Money.of(23_000, 'KRW'), '4242'))).toBe(true);
    expect(charge.equals(declined())).toBe(false);
    expect(() => Charge.of('APPROVED', amount, '42')).toThrow(RangeError);
  });
});

describe('Rule 5 — one charge per order', () => {
  it('records the processor’s answer once and tells it as ChargeApproved or ChargeDeclined', () => {
    const payment = Payment.open('o1');
    payment.recordCharge(approved(), at);
    expect(payment.charge?.approved).toBe(true);
    expect(payment.pullEvents()).toEqual([
      {
        type: 'ChargeApproved',
        version: 1,
        occurredAt: at,
        data: { orderId: 'o1', amount: { amount: 23_000, currency: 'KRW' }, cardLast4: '4242' },
      },
    ]);
    const refused = Payment.open('o2');
    refused.recordCharge(declined(), at);
    expect(refused.pullEvents().map((event) => event.type)).toEqual(['ChargeDeclined']);
  });

  it('changes nothing when the same answer is recorded again (a retried settle)', () => {
    const payment = Payment.rehydrate({ orderId: 'o1', charge: approved(), refunded: false });
    payment.recordCharge(approved(), at);
    expect(payment.pullEvents()).toEqual([]);
  });

  it('refuses a second, different answer for the same order', () => {
    const payment = Payment.rehydrate({ orderId: 'o1', charge: approved(), refunded: false });
    expect(() => payment.recordCharge(declined(), at)).toThrow(RangeError);
    expect(payment.charge?.approved).toBe(true);
  });
});

describe('Rule 6 — money goes back only if it was taken, and once', () => {
  it('refunds an approved charge in full and tells it as RefundIssued', () => {
    const payment = Payment.rehydrate({ orderId: 'o1', charge: approved(), refunded: false });
    payment.refund(at);
    expect(payment.refunded).toBe(true);
    expect(payment.pullEvents()).toMatchObject([
      { type: 'RefundIssued', data: { orderId: 'o1', amount: { amount: 23_000 } } },
    ]);
  });

  it('refunds once: a second refund changes nothing', () => {
    const payment = Payment.rehydrate({ orderId: 'o1', charge: approved(), refunded: true });
    payment.refund(at);
    expect(payment.pullEvents()).toEqual([]);
  });

  it('has nothing to give back for a declined charge or before any charge', () => {
    const refused = Payment.rehydrate({ orderId: 'o1', charge: declined(), refunded: false });
    expect(() => refused.refund(at)).toThrow(RangeError);
    expect(() => Payment.open('o2').refund(at)).toThrow(RangeError);
    expect(() => Payment.rehydrate({ orderId: 'o3', charge: declined(), refunded: true })).toThrow(
      RangeError,
    );
  });
});
