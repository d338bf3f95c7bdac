import { describe, expect, it } from 'vitest';
import { InvalidRequest, MixedCurrencies } from '@shop/domain/shared/errors';
import { maxMoneyAmount, orderTotals, type PricedLine } from './totals';

const line = (overrides: Partial<PricedLine> = {}): PricedLine => ({
  productId: 'p1',
  name: 'Kettle',
  unitPrice: 10_000,
  quantity: 2,
  currency: 'KRW',
  ...overrides,
});

describe('orderTotals', () => {
  it('multiplies each line and adds the lines up', () => {
    expect(orderTotals([line(), line({ productId: 'p2', name: 'Mug', unitPrice: 3_000 })])).toEqual(
      {
        lines: [
          { productId: 'p1', name: 'Kettle', unitPrice: 10_000, quantity: 2, lineTotal: 20_000 },
          { productId: 'p2', name: 'Mug', unitPrice: 3_000, quantity: 2, lineTotal: 6_000 },
        ],
        totalAmount: 26_000,
        currency: 'KRW',
      },
    );
  });

  it('refuses lines in different currencies', () => {
    expect(() => orderTotals([line(), line({ productId: 'p2', currency: 'USD' })])).toThrow(
      MixedCurrencies,
    );
  });

  it('takes a total of exactly the limit and refuses one minor unit more', () => {
    expect(orderTotals([line({ unitPrice: maxMoneyAmount, quantity: 1 })]).totalAmount).toBe(
      maxMoneyAmount,
    );
    const over = [
      line({ unitPrice: maxMoneyAmount, quantity: 1 }),
      line({ unitPrice: 1, quantity: 1 }),
    ];
    expect(() => orderTotals(over)).toThrow(InvalidRequest);
    expect(() => orderTotals(over)).toThrow(/more than one payment can hold/);
  });
});
