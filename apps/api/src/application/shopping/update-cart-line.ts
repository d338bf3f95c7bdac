import { cappedQuantity, removesLine } from '../../domain/shopping/cart-rules';
import type { Db } from '../../infrastructure/db/transactions';
import {
  ensureCart,
  findCartLines,
  removeLine,
  setLineQuantity,
  type CartLineRow,
} from '../../infrastructure/db/cart.repository';
import { cartOwnerOf, type CartHolder } from './cart-holder';
import { stockForCartLine } from './line-stock';

/** Sets a line's quantity, capped at what the line may hold; 0 takes the line out. */
export async function updateCartLine(
  deps: { db: Db },
  holder: CartHolder,
  productId: string,
  quantity: number,
): Promise<CartLineRow[]> {
  const owner = cartOwnerOf(holder);
  if (removesLine(quantity)) {
    await removeLine(deps.db, owner, productId);
  } else {
    const stock = await stockForCartLine(deps.db, productId);
    const cartId = await ensureCart(deps.db, owner);
    await setLineQuantity(deps.db, cartId, productId, cappedQuantity(quantity, stock));
  }
  return findCartLines(deps.db, owner);
}
