import { lineMaxQuantity } from '../../domain/shopping/cart-rules';
import type { Db } from '../../infrastructure/db/transactions';
import {
  addToLine,
  ensureCart,
  findCartLines,
  type CartLineRow,
} from '../../infrastructure/db/cart.repository';
import { cartOwnerOf, type CartHolder } from './cart-holder';
import { stockForCartLine } from './line-stock';

/**
 * Adds units of a product to the shopper's cart, capped at what the line may hold. No transaction:
 * the add is one upsert that sums in the database, so simultaneous adds all count.
 */
export async function addToCart(
  deps: { db: Db },
  holder: CartHolder,
  productId: string,
  quantity: number,
): Promise<CartLineRow[]> {
  const cap = lineMaxQuantity(await stockForCartLine(deps.db, productId));
  const owner = cartOwnerOf(holder);
  const cartId = await ensureCart(deps.db, owner);
  await addToLine(deps.db, cartId, productId, quantity, cap);
  return findCartLines(deps.db, owner);
}
