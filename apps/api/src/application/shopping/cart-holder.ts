/**
 * Whose cart a request is about: the logged-in account, or the guest holding a cart cookie's
 * token. The token is the guest's secret, so only its hash is stored and looked up.
 */
import { hashToken, newToken } from '../../infrastructure/security/tokens';
import type { CartOwner } from '../../infrastructure/db/cart.repository';

export type CartHolder = { userId: string } | { guestToken: string };

export function cartOwnerOf(holder: CartHolder): CartOwner {
  return 'userId' in holder
    ? { userId: holder.userId }
    : { guestTokenHash: hashToken(holder.guestToken) };
}

/** A guest's first change to the cart: a fresh token for the cart cookie. */
export function newGuestCartHolder(): { guestToken: string } {
  return { guestToken: newToken() };
}
