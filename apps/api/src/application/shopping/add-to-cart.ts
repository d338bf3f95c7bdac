import type { CartOwner } from '@shop/domain/shopping/cart';
import { Quantity } from '@shop/domain/shopping/quantity';
import { changeCart, contentsOf, type CartContentsLine, type ShoppingDeps } from './deps';
import { countNewGuestCart } from './new-guest-cart';
import { stockOf } from './stock';

/**
 * Adds units of a product to the shopper's cart, capped at what the line may hold. The cart is
 * loaded under its row lock, so simultaneous adds run one after another and all count. A guest's
 * first add opens a cart, counted against its address's limit (see countNewGuestCart).
 */
export async function addToCart(
  deps: ShoppingDeps,
  owner: CartOwner,
  productId: string,
  quantity: number,
): Promise<CartContentsLine[]> {
  const units = Quantity.of(quantity);
  await countNewGuestCart(deps, owner);
  const cart = await changeCart(deps, async (tx, at) => {
    const stock = await stockOf(deps, productId, tx);
    const cart = await deps.carts.findOrOpenForUpdate(tx, owner);
    cart.add(productId, units, stock, at);
    await deps.carts.save(tx, cart);
    return cart;
  });
  return contentsOf(deps, cart);
}
