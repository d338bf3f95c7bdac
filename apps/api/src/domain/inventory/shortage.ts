import { OutOfStock } from '@shop/domain/shared/errors';

/** What the shelf holds of a product a checkout could not take: nothing when it is gone. */
export type Shortage = { name: string; stock: number } | null;

/** The refusal names the product and what is left, so the shopper knows what to change. */
export function outOfStock(shortage: Shortage): OutOfStock {
  if (!shortage) return new OutOfStock('A product in your cart is no longer available');
  if (shortage.stock === 0) return new OutOfStock(`${shortage.name} is sold out`);
  return new OutOfStock(
    `Only ${shortage.stock} of ${shortage.name} left — please update your cart`,
  );
}
