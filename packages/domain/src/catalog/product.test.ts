import { describe, expect, it } from 'vitest';
import { Money } from '../shared/money';
import { Product, type ProductSnapshot } from './product';

const snapshot: ProductSnapshot = {
  id: 'product-mug',
  slug: 'mug',
  name: 'Mug',
  description: 'A mug',
  price: Money.of(12_900, 'KRW'),
  imageUrl: '/mug.png',
  stock: 3,
  createdAt: new Date('2026-11-25T01:02:03.456Z'),
  category: { slug: 'kitchen', name: 'Kitchen' },
};

describe('a catalog product', () => {
  it('is sold out only with nothing on the shelf', () => {
    expect(Product.rehydrate(snapshot).isSoldOut).toBe(false);
    expect(Product.rehydrate({ ...snapshot, stock: 0 }).isSoldOut).toBe(true);
  });

  it('Rule 1 — carries its price as Money and gives back what it was built from', () => {
    const product = Product.rehydrate(snapshot);
    expect(product.price.equals(Money.of(12_900, 'KRW'))).toBe(true);
    expect(product.snapshot()).toEqual(snapshot);
  });

  it('refuses a fractional stock', () => {
    expect(() => Product.rehydrate({ ...snapshot, stock: 1.5 })).toThrow(RangeError);
  });
});
