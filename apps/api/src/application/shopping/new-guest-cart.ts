import type { CartOwner } from '@shop/domain/shopping/cart';
import { TooManyAttempts } from '@shop/domain/shared/errors';
import { guestCartRefusal, newGuestCartBucket } from '@shop/domain/shopping/guest-cart-limit';
import { countAgainstLimit } from '../attempt-limit';
import type { ShoppingDeps } from './deps';

/**
 * A change that would open a guest cart is first counted against its client address's limit, and
 * refused past it (TooManyAttempts) before anything is opened. A guest whose cart exists is not
 * counted; a cookie naming no cart is a new cart. Counting is one atomic step, so parallel first
 * changes cannot slip past the limit together. A refusal is logged as `cart.guest_cart_throttled`.
 */
export async function countNewGuestCart(deps: ShoppingDeps, owner: CartOwner): Promise<void> {
  if (!deps.clientAddress || !('guestTokenHash' in owner)) return;
  if (await deps.carts.findByOwner(null, owner)) return;
  const clientAddress = deps.clientAddress;
  try {
    await countAgainstLimit(
      deps.attempts,
      newGuestCartBucket,
      clientAddress,
      deps.guestCartLimit,
      guestCartRefusal,
    );
  } catch (error) {
    if (error instanceof TooManyAttempts) {
      const { retryAfterSeconds } = error;
      deps.log.warn(
        { event: 'cart.guest_cart_throttled', clientAddress, retryAfterSeconds },
        'new guest cart refused: too many from this address',
      );
    }
    throw error;
  }
}
