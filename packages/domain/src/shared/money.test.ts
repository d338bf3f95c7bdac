import { describe, expect, it } from 'vitest';
import { InvalidRequest, MixedCurrencies } from './errors';
import { Money, maxMoneyAmount } from './money';

describe('Rule 1 — money is never a float', () => {
  it('holds whole minor units and refuses fractions and negatives', () => {
    expect(Money.of(12_900, 'KRW').amount).toBe(12_900);
    expect(() => Money.of(12.5, 'KRW')).toThrow(RangeError);
    expect(() => Money.of(-1, 'KRW')).toThrow(RangeError);
  });

  it('sums exactly and is equal by value', () => {
    const total = Money.of(10_000, 'KRW').times(3).add(Money.of(2_900, 'KRW'));
    expect(total.equals(Money.of(32_900, 'KRW'))).toBe(true);
  });

  it('refuses to add two currencies', () => {
    expect(() => Money.of(1, 'KRW').add(Money.of(1, 'USD'))).toThrow(MixedCurrencies);
  });

  it('refuses a total one payment cannot hold', () => {
    expect(Money.of(maxMoneyAmount, 'KRW').assertStorable().amount).toBe(maxMoneyAmount);
    expect(() => Money.of(maxMoneyAmount + 1, 'KRW').assertStorable()).toThrow(InvalidRequest);
  });
});
