import { describe, expect, it } from 'vitest';
import { maxLineQuantity } from '@shop/contract/cart';
import { InvalidRequest } from '../shared/errors';
import { isSoldOut, lineMaxQuantity, Quantity } from './quantity';

describe('a cart quantity', () => {
  it('is a whole number from 1 to the line maximum, equal by value', () => {
    expect(Quantity.of(3).equals(Quantity.of(3))).toBe(true);
    expect(Quantity.of(maxLineQuantity).value).toBe(maxLineQuantity);
    for (const bad of [0, -1, 1.5, maxLineQuantity + 1, Number.NaN]) {
      expect(() => Quantity.of(bad)).toThrow(InvalidRequest);
    }
  });
});

describe('how much a cart line may hold', () => {
  it('is the stock on hand, at most the per-line maximum, and never below 0', () => {
    expect(lineMaxQuantity(3)).toBe(3);
    expect(lineMaxQuantity(500)).toBe(maxLineQuantity);
    expect(lineMaxQuantity(0)).toBe(0);
    expect(lineMaxQuantity(-2)).toBe(0);
  });

  it('refuses only a product with nothing on the shelf', () => {
    expect(isSoldOut(0)).toBe(true);
    expect(isSoldOut(1)).toBe(false);
  });
});
