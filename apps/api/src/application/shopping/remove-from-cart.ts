import type { Db } from '../../infrastructure/db/transactions';
import {
  findCartLines,
  removeLine,
  type CartLineRow,
} from '../../infrastructure/db/cart.repository';
import { cartOwnerOf, type CartHolder } from './cart-holder';

/** Takes a product out of the shopper's cart; a guest without a cart has nothing to remove. */
export async function removeFromCart(
  deps: { db: Db },
  holder: CartHolder | null,
  productId: string,
): Promise<CartLineRow[]> {
  if (!holder) return [];
  const owner = cartOwnerOf(holder);
  await removeLine(deps.db, owner, productId);
  return findCartLines(deps.db, owner);
}
