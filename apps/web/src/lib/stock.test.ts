import { describe, expect, it } from 'vitest';
import { stockLabel, stockLevel } from './stock';

describe('stockLabel', () => {
  it.each([
    [0, 'Sold out'],
    [-1, 'Sold out'],
    [1, 'Only 1 left'],
    [5, 'Only 5 left'],
    [6, 'In stock'],
    [120, 'In stock'],
  ])('stock %i reads "%s"', (stock, label) => {
    expect(stockLabel(stock)).toBe(label);
  });

  it('classifies levels for styling', () => {
    expect([0, 3, 9].map(stockLevel)).toEqual(['sold_out', 'low', 'in_stock']);
  });
});
