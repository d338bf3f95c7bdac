import type { ShoppingDeps } from './deps';
import { expireGuestCarts } from './expire-guest-carts';

export interface GuestCartSweeperOptions {
  shopping: Pick<ShoppingDeps, 'carts' | 'clock' | 'log'>;
  /** How long a guest cart may go unchanged before it is deleted. */
  idleMs: number;
  /** Pause between sweeps; default an hour. */
  intervalMs?: number;
}

/**
 * The in-process sweep of abandoned guest carts, shaped like the reservation sweeper: now, then
 * every `intervalMs`, one sweep at a time; its timer never keeps the process alive.
 */
export function startGuestCartSweeper({
  shopping,
  idleMs,
  intervalMs = 60 * 60_000,
}: GuestCartSweeperOptions): { stop(): Promise<void> } {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();

  const sweep = async () => {
    try {
      await expireGuestCarts(shopping, { idleMs });
    } catch (error) {
      shopping.log.error({ event: 'cart.sweep_failed', err: error }, 'guest cart sweep failed');
    }
  };
  const tick = () => {
    current = sweep().then(() => {
      if (stopped) return;
      timer = setTimeout(tick, intervalMs);
      timer.unref();
    });
  };
  tick();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
