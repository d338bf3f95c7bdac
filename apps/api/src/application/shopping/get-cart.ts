import type { CartOwner } from '@shop/domain/shopping/cart';
import { contentsOf, type CartContentsLine, type ShoppingDeps } from './deps';

/** The shopper's cart; empty for a guest who has never added anything. */
export async function getCart(
  deps: Pick<ShoppingDeps, 'carts' | 'products'>,
  owner: CartOwner | null,
): Promise<CartContentsLine[]> {
  return owner ? contentsOf(deps, await deps.carts.findByOwner(null, owner)) : [];
}
