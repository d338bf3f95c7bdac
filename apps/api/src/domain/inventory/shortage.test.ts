import { describe, expect, it } from 'vitest';
import { OutOfStock } from '@shop/domain/shared/errors';
import { outOfStock } from './shortage';

describe('outOfStock', () => {
  it.each([
    [null, 'A product in your cart is no longer available'],
    [{ name: 'Kettle', stock: 0 }, 'Kettle is sold out'],
    [{ name: 'Kettle', stock: 2 }, 'Only 2 of Kettle left — please update your cart'],
  ])('%o → %s', (shortage, message) => {
    const error = outOfStock(shortage);
    expect(error).toBeInstanceOf(OutOfStock);
    expect(error.message).toBe(message);
  });
});
