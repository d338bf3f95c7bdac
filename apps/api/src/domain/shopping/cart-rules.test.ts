import { describe, expect, it } from 'vitest';
import { maxLineQuantity } from '@shop/contract/cart';
import {
  cappedQuantity,
  isSoldOut,
  itemCount,
  lineMaxQuantity,
  lineTotal,
  removesLine,
  subtotal,
} from './cart-rules';

const line = (quantity: number, priceAmount: number, stock = 10) => ({
  quantity,
  product: { priceAmount, stock },
});

describe('how much a cart line may hold', () => {
  it('is the stock on hand, at most the per-line maximum, and never below 0', () => {
    expect(lineMaxQuantity(3)).toBe(3);
    expect(lineMaxQuantity(500)).toBe(maxLineQuantity);
    expect(lineMaxQuantity(0)).toBe(0);
    expect(lineMaxQuantity(-2)).toBe(0);
  });

  it('caps a requested quantity instead of refusing it', () => {
    expect(cappedQuantity(2, 3)).toBe(2);
    expect(cappedQuantity(50, 3)).toBe(3);
    expect(cappedQuantity(maxLineQuantity, 500)).toBe(maxLineQuantity);
  });

  it('takes the line out at quantity 0', () => {
    expect(removesLine(0)).toBe(true);
    expect(removesLine(1)).toBe(false);
  });

  it('refuses only a product with nothing on the shelf', () => {
    expect(isSoldOut(0)).toBe(true);
    expect(isSoldOut(1)).toBe(false);
  });
});

describe('what the cart adds up to', () => {
  it('multiplies each line and sums lines and units', () => {
    const lines = [line(2, 3_500), line(1, 10_000)];
    expect(lineTotal(lines[0]!)).toBe(7_000);
    expect(subtotal(lines)).toBe(17_000);
    expect(itemCount(lines)).toBe(3);
  });

  it('is nothing for an empty cart', () => {
    expect(subtotal([])).toBe(0);
    expect(itemCount([])).toBe(0);
  });
});
