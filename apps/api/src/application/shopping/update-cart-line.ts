import type { CartOwner } from '@shop/domain/shopping/cart';
import { Quantity } from '@shop/domain/shopping/quantity';
import { changeCart, contentsOf, type CartContentsLine, type ShoppingDeps } from './deps';
import { removeFromCart } from './remove-from-cart';
import { countNewGuestCart } from './new-guest-cart';
import { stockOf } from './stock';

/**
 * Sets a line's quantity, capped at what the line may hold; 0 takes the line out. Like an add, a
 * guest's first change opens a cart (see countNewGuestCart).
 */
export async function updateCartLine(
  deps: ShoppingDeps,
  owner: CartOwner,
  productId: string,
  quantity: number,
): Promise<CartContentsLine[]> {
  if (quantity === 0) return removeFromCart(deps, owner, productId);
  const units = Quantity.of(quantity);
  await countNewGuestCart(deps, owner);
  const cart = await changeCart(deps, async (tx, at) => {
    const stock = await stockOf(deps, productId, tx);
    const cart = await deps.carts.findOrOpenForUpdate(tx, owner);
    cart.changeQuantity(productId, units, stock, at);
    await deps.carts.save(tx, cart);
    return cart;
  });
  return contentsOf(deps, cart);
}
