import type { CartOwner } from '@shop/domain/shopping/cart';
import { changeCart, contentsOf, type CartContentsLine, type ShoppingDeps } from './deps';

/** Takes a product out of the shopper's cart; a guest without a cart has nothing to remove. */
export async function removeFromCart(
  deps: ShoppingDeps,
  owner: CartOwner | null,
  productId: string,
): Promise<CartContentsLine[]> {
  if (!owner) return [];
  const cart = await changeCart(deps, async (tx, at) => {
    const cart = await deps.carts.findForUpdate(tx, owner);
    if (!cart) return null;
    cart.remove(productId, at);
    await deps.carts.save(tx, cart);
    return cart;
  });
  return contentsOf(deps, cart);
}
