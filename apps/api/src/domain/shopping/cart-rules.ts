/**
 * The cart's rules: how much one line may hold, and what the cart adds up to. Lines are capped
 * rather than refused, so a shopper asking for more than there is simply gets what there is.
 */
import { maxLineQuantity } from '@shop/contract/cart';

/** A cart line as the rules see it; the repository's rows pass straight in. */
export interface CartLine {
  quantity: number;
  product: { priceAmount: number; stock: number };
}

/** Nothing on the shelf: the product cannot go into a cart. */
export const isSoldOut = (stock: number): boolean => stock <= 0;

/**
 * The most a line may hold now: the stock on hand, at most `maxLineQuantity`. Below the line's
 * quantity when the stock fell after the line was added; 0 when sold out.
 */
export function lineMaxQuantity(stock: number): number {
  return Math.max(0, Math.min(stock, maxLineQuantity));
}

/** Setting a line's quantity to 0 takes the line out of the cart. */
export const removesLine = (quantity: number): boolean => quantity === 0;

/** What a line is set to when the shopper asks for `requested`. */
export function cappedQuantity(requested: number, stock: number): number {
  return Math.min(requested, lineMaxQuantity(stock));
}

export const lineTotal = (line: CartLine): number => line.product.priceAmount * line.quantity;

export const itemCount = (lines: readonly CartLine[]): number =>
  lines.reduce((sum, line) => sum + line.quantity, 0);

export const subtotal = (lines: readonly CartLine[]): number =>
  lines.reduce((sum, line) => sum + lineTotal(line), 0);
