import { describe, expect, it } from 'vitest';
import { OutOfStock } from '../shared/errors';
import { productUnavailable, StockItem } from './stock-item';

const at = new Date('2026-01-01T12:00:00Z');
const kettle = (onHand: number) => StockItem.rehydrate({ productId: 'p1', name: 'Kettle', onHand });

describe('Rule 3 — stock never goes below zero', () => {
  it('reserves what is on the shelf, down to exactly zero, recording StockReserved', () => {
    const item = kettle(3);
    item.reserve(3, at);
    expect(item.onHand).toBe(0);
    expect(item.pullEvents()).toEqual([
      {
        type: 'StockReserved',
        version: 1,
        occurredAt: at,
        data: { productId: 'p1', quantity: 3, remaining: 0 },
      },
    ]);
  });

  it('refuses one unit more than is left, says how many are left, and takes nothing', () => {
    const item = kettle(2);
    expect(() => item.reserve(3, at)).toThrow(
      new OutOfStock('Only 2 of Kettle left — please update your cart'),
    );
    expect(item.onHand).toBe(2);
    expect(item.pullEvents()).toEqual([]);
  });

  it('says a product with nothing left is sold out', () => {
    expect(() => kettle(0).reserve(1, at)).toThrow(new OutOfStock('Kettle is sold out'));
  });

  it('refuses a product that is gone, and a count below zero from storage', () => {
    expect(productUnavailable().message).toBe('A product in your cart is no longer available');
    expect(() => kettle(-1)).toThrow(RangeError);
  });

  it('reserves only whole units, at least one', () => {
    expect(() => kettle(5).reserve(0, at)).toThrow(RangeError);
    expect(() => kettle(5).reserve(1.5, at)).toThrow(RangeError);
  });
});

describe('StockItem.release', () => {
  it('puts units back, recording StockReleased', () => {
    const item = kettle(1);
    item.release(2, at);
    expect(item.onHand).toBe(3);
    expect(item.pullEvents()).toMatchObject([
      { type: 'StockReleased', data: { productId: 'p1', quantity: 2, remaining: 3 } },
    ]);
  });
});
