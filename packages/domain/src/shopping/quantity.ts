import { maxLineQuantity } from '@shop/contract/cart';
import { InvalidRequest } from '../shared/errors';

/** How many units of one product a cart line asks for: a whole number, 1 to `maxLineQuantity`. */
export class Quantity {
  private constructor(readonly value: number) {}

  static of(value: number): Quantity {
    if (!Number.isInteger(value) || value < 1 || value > maxLineQuantity) {
      throw new InvalidRequest(`Quantity must be a whole number from 1 to ${maxLineQuantity}`);
    }
    return new Quantity(value);
  }

  equals(other: Quantity): boolean {
    return this.value === other.value;
  }
}

/**
 * The most a line may hold now: the stock on hand, at most `maxLineQuantity`. Below the line's
 * quantity when the stock fell after the line was added; 0 when sold out.
 */
export function lineMaxQuantity(stockOnHand: number): number {
  return Math.max(0, Math.min(stockOnHand, maxLineQuantity));
}

/** Nothing on the shelf: the product cannot go into a cart. */
export const isSoldOut = (stockOnHand: number): boolean => stockOnHand <= 0;
