import type { Db } from '../../infrastructure/db/transactions';
import { findCartLines, type CartLineRow } from '../../infrastructure/db/cart.repository';
import { cartOwnerOf, type CartHolder } from './cart-holder';

/** The shopper's cart; empty for a guest who has never added anything. */
export async function getCart(deps: { db: Db }, holder: CartHolder | null): Promise<CartLineRow[]> {
  return holder ? findCartLines(deps.db, cartOwnerOf(holder)) : [];
}
