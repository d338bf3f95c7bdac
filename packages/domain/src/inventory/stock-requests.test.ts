import { describe, expect, it } from 'vitest';
import { sumPerProduct } from './stock-requests';

const a = '00000000-0000-4000-8000-00000000000a';
const b = '00000000-0000-4000-8000-00000000000b';

describe('sumPerProduct', () => {
  it('sums quantities per product and sorts by id, so locks are always taken in one order', () => {
    expect(
      sumPerProduct([
        { productId: b, quantity: 1 },
        { productId: a, quantity: 2 },
        { productId: b, quantity: 3 },
      ]),
    ).toEqual([
      { productId: a, quantity: 2 },
      { productId: b, quantity: 4 },
    ]);
  });
});
