import { describe, expect, it } from 'vitest';
import { Money } from '../shared/money';
import { Charge } from './charge';
import { chargeRecorded, refundFor } from './payment-ledger';

const at = new Date('2026-01-01T12:00:00Z');
const amount = Money.of(23_000, 'KRW');

describe('Charge', () => {
  it('is the processor’s answer as a value, equal by value', () => {
    const charge = Charge.of('APPROVED', amount, '4242');
    expect(charge.approved).toBe(true);
    expect(charge.equals(Charge.of('APPROVED', Money.of(23_000, 'KRW'), '4242'))).toBe(true);
    expect(charge.equals(Charge.of('DECLINED', amount, '4242'))).toBe(false);
    expect(() => Charge.of('APPROVED', amount, '42')).toThrow(RangeError);
  });
});

describe('Rule 6 — a declined payment takes no money', () => {
  it('records an approved charge as ChargeApproved and a declined one as ChargeDeclined', () => {
    expect(chargeRecorded('o1', Charge.of('APPROVED', amount, '4242'), at)).toEqual({
      type: 'ChargeApproved',
      version: 1,
      occurredAt: at,
      data: { orderId: 'o1', amount: { amount: 23_000, currency: 'KRW' }, cardLast4: '4242' },
    });
    expect(chargeRecorded('o1', Charge.of('DECLINED', amount, '0002'), at).type).toBe(
      'ChargeDeclined',
    );
  });

  it('refunds an approved charge in full and refuses to refund a declined one', () => {
    expect(refundFor('o1', Charge.of('APPROVED', amount, '4242'), at)).toMatchObject({
      type: 'RefundIssued',
      data: { amount: { amount: 23_000, currency: 'KRW' } },
    });
    expect(() => refundFor('o1', Charge.of('DECLINED', amount, '0002'), at)).toThrow(RangeError);
  });
});
