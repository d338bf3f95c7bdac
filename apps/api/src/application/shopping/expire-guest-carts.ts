import { abandonedGuestCartCutoff } from '@shop/domain/shopping/cart';
import type { ShoppingDeps } from './deps';

export interface ExpireGuestCartsOptions {
  /** How long a guest cart may go unchanged before it is deleted. */
  idleMs: number;
  /** The time to judge by; tests move it forward. */
  now?: Date;
  /** At most this many carts per call. */
  batchSize?: number;
}

/**
 * Deletes abandoned guest carts (unchanged for `idleMs`), a batch at a time, and logs how many.
 * Safe in every API process at once: a cart deleted twice is deleted once.
 */
export async function expireGuestCarts(
  deps: Pick<ShoppingDeps, 'carts' | 'clock' | 'log'>,
  { idleMs, now = deps.clock.now(), batchSize = 500 }: ExpireGuestCartsOptions,
): Promise<number> {
  const cutoff = abandonedGuestCartCutoff(now, idleMs);
  const deleted = await deps.carts.deleteGuestCartsIdleSince(cutoff, batchSize);
  if (deleted > 0) {
    deps.log.info({ event: 'cart.guest_carts_expired', deleted }, `${deleted} guest carts expired`);
  }
  return deleted;
}
