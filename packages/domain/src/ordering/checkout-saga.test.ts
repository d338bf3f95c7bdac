import { describe, expect, it } from 'vitest';
import { nextSagaStep, sagaAtRest } from './checkout-saga';

describe('the checkout saga', () => {
  it('goes forward: placed → charging → paid', () => {
    expect(nextSagaStep(null, 'placed')).toEqual({ state: 'CHARGING', compensation: false });
    expect(nextSagaStep('CHARGING', 'captured')).toEqual({ state: 'PAID', compensation: false });
  });

  it('compensates a decline, a payment that cannot be made, and a settle that keeps failing', () => {
    expect(nextSagaStep('CHARGING', 'declined')).toEqual({ state: 'DECLINED', compensation: true });
    expect(nextSagaStep('CHARGING', 'payment-failed')).toEqual({
      state: 'FAILED',
      compensation: true,
    });
    expect(nextSagaStep('CHARGING', 'settle-failed')).toEqual({
      state: 'REFUNDING',
      compensation: true,
    });
  });

  it('refunds an approval that arrives after the order was cancelled, and a cancel after payment', () => {
    expect(nextSagaStep('CHARGING', 'cancelled')).toEqual({
      state: 'CANCELLING',
      compensation: true,
    });
    expect(nextSagaStep('CANCELLING', 'captured')).toEqual({
      state: 'REFUNDING',
      compensation: true,
    });
    expect(nextSagaStep('PAID', 'cancelled')).toEqual({ state: 'REFUNDING', compensation: true });
    expect(nextSagaStep('REFUNDING', 'refunded')).toEqual({
      state: 'REFUNDED',
      compensation: false,
    });
  });

  it('ends a cancelled checkout quietly when payment took nothing', () => {
    for (const answer of ['declined', 'payment-failed', 'charge-skipped'] as const)
      expect(nextSagaStep('CANCELLING', answer)).toEqual({
        state: 'CANCELLED',
        compensation: false,
      });
  });

  it('ignores a repeated or late answer', () => {
    expect(nextSagaStep('PAID', 'captured')).toBeNull();
    expect(nextSagaStep('REFUNDED', 'refunded')).toBeNull();
    expect(nextSagaStep('DECLINED', 'cancelled')).toBeNull();
  });

  it('is at rest once payment has said its last word and money due back is back', () => {
    expect(['CHARGING', 'CANCELLING', 'REFUNDING'].map((s) => sagaAtRest(s as never))).toEqual([
      false,
      false,
      false,
    ]);
    expect(
      ['PAID', 'DECLINED', 'FAILED', 'CANCELLED', 'REFUNDED'].every((s) => sagaAtRest(s as never)),
    ).toBe(true);
  });
});
