import type { Tx } from '../shared/unit-of-work';
import type { Cart, CartOwner } from './cart';

/**
 * Where carts live. `findForUpdate` loads a cart and holds it (a row lock) until the transaction
 * ends, so two changes to one cart at once serialize instead of losing one another's units.
 */
export interface CartRepository {
  /** The owner's cart, or null when it has none yet. */
  findByOwner(tx: Tx | null, owner: CartOwner): Promise<Cart | null>;
  /** The owner's cart, creating an empty one on first use, held until `tx` ends. */
  findOrOpenForUpdate(tx: Tx, owner: CartOwner): Promise<Cart>;
  /** The owner's cart held until `tx` ends, or null when it has none. */
  findForUpdate(tx: Tx, owner: CartOwner): Promise<Cart | null>;
  /**
   * The account's cart for checkout, held until `tx` ends (created empty if it has none), and the
   * order placed from it that still awaits payment, if any. Every checkout takes this lock first,
   * so two checkouts of one cart run one after another and the second sees the first's order.
   */
  findForCheckout(tx: Tx, userId: string): Promise<{ cart: Cart; awaitingPayment: string | null }>;
  /** Writes the cart's lines as they are now. */
  save(tx: Tx, cart: Cart): Promise<void>;
  /** Deletes up to `limit` guest carts unchanged since `cutoff`, with their lines; answers how many. */
  deleteGuestCartsIdleSince(cutoff: Date, limit: number): Promise<number>;
  /** Deletes the cart and its lines (a guest cart after the merge). */
  delete(tx: Tx, cart: Cart): Promise<void>;
}
