import { describe, expect, it } from 'vitest';
import { InvalidRequest, ProductNotFound } from '../shared/errors';
import { Money } from '../shared/money';
import { priceLines } from './price-lines';

describe('Rule 2 — the server prices everything', () => {
  const catalog = [
    { productId: 'p1', name: 'Kettle', price: Money.of(10_000, 'KRW') },
    { productId: 'p2', name: 'Mug', price: Money.of(3_000, 'KRW') },
  ];

  it('takes each price and name from the catalog, only the quantity from the cart', () => {
    const lines = priceLines(
      [
        { productId: 'p2', quantity: 3 },
        { productId: 'p1', quantity: 1 },
      ],
      catalog,
    );
    expect(lines).toEqual([
      { productId: 'p2', name: 'Mug', unitPrice: Money.of(3_000, 'KRW'), quantity: 3 },
      { productId: 'p1', name: 'Kettle', unitPrice: Money.of(10_000, 'KRW'), quantity: 1 },
    ]);
  });

  it('refuses an empty cart and a product the catalog does not have', () => {
    expect(() => priceLines([], catalog)).toThrow(InvalidRequest);
    expect(() => priceLines([{ productId: 'gone', quantity: 1 }], catalog)).toThrow(
      ProductNotFound,
    );
  });
});
