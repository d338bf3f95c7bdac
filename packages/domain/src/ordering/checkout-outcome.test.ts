import { describe, expect, it } from 'vitest';
import { CardDeclined, CheckoutStillProcessing } from '@shop/domain/shared/errors';
import { replayRefusal, settledRefusal, type CheckoutRecord } from './checkout-outcome';

describe('settledRefusal', () => {
  it('lets a paid order through', () => {
    expect(settledRefusal('paid', 'APPROVED')).toBeNull();
  });

  it('says the card was declined', () => {
    expect(settledRefusal('declined', 'DECLINED')).toBeInstanceOf(CardDeclined);
  });

  it('says whether money was refunded when the order was cancelled meanwhile', () => {
    expect(settledRefusal('cancelled', 'APPROVED')?.message).toMatch(/refunded in full/);
    expect(settledRefusal('cancelled', 'DECLINED')?.message).toMatch(/Nothing was charged/);
  });
});

describe('replayRefusal', () => {
  const pending = { status: 'PENDING_PAYMENT', reason: null } as const;
  const record = (overrides: Partial<CheckoutRecord>): CheckoutRecord => ({
    status: 'PAID',
    payments: [{ kind: 'CHARGE', outcome: 'APPROVED' }],
    history: [pending, { status: 'PAID', reason: null }],
    ...overrides,
  });

  it('answers a paid order, even one cancelled later', () => {
    expect(replayRefusal(record({}))).toBeNull();
    const cancelledLater = record({
      status: 'CANCELLED',
      payments: [
        { kind: 'CHARGE', outcome: 'APPROVED' },
        { kind: 'REFUND', outcome: 'APPROVED' },
      ],
      history: [pending, { status: 'PAID', reason: null }, { status: 'CANCELLED', reason: null }],
    });
    expect(replayRefusal(cancelledLater)).toBeNull();
  });

  it('repeats a decline', () => {
    const declined = record({
      status: 'CANCELLED',
      payments: [{ kind: 'CHARGE', outcome: 'DECLINED' }],
      history: [pending, { status: 'CANCELLED', reason: null }],
    });
    expect(replayRefusal(declined)).toBeInstanceOf(CardDeclined);
  });

  it('asks to retry while the first attempt is pending', () => {
    expect(
      replayRefusal(record({ status: 'PENDING_PAYMENT', payments: [], history: [pending] })),
    ).toBeInstanceOf(CheckoutStillProcessing);
  });

  it('tells an expired reservation, a refund and a plain cancellation apart', () => {
    const cancelled = (reason: 'EXPIRED' | null, refunded: boolean) =>
      replayRefusal(
        record({
          status: 'CANCELLED',
          payments: refunded
            ? [
                { kind: 'CHARGE', outcome: 'APPROVED' },
                { kind: 'REFUND', outcome: 'APPROVED' },
              ]
            : [],
          history: [pending, { status: 'CANCELLED', reason }],
        }),
      )?.message;
    expect(cancelled('EXPIRED', false)).toMatch(/^This checkout expired/);
    expect(cancelled(null, true)).toMatch(/refunded in full/);
    expect(cancelled(null, false)).toMatch(/^This order was cancelled before/);
  });
});
