import { startPeriodicRun, type PeriodicRun } from '../periodic-run';
import type { ShoppingDeps } from './deps';
import { expireGuestCarts } from './expire-guest-carts';

export interface GuestCartSweeperOptions {
  shopping: Pick<ShoppingDeps, 'carts' | 'clock' | 'log'>;
  /** How long a guest cart may go unchanged before it is deleted. */
  idleMs: number;
  /** Pause between sweeps; default an hour. */
  intervalMs?: number;
}

/** The in-process sweep of abandoned guest carts: now, then every `intervalMs` (see PeriodicRun). */
export function startGuestCartSweeper({
  shopping,
  idleMs,
  intervalMs = 60 * 60_000,
}: GuestCartSweeperOptions): PeriodicRun {
  return startPeriodicRun(() => expireGuestCarts(shopping, { idleMs }), {
    intervalMs,
    onError: (error) =>
      shopping.log.error({ event: 'cart.sweep_failed', err: error }, 'guest cart sweep failed'),
  });
}
