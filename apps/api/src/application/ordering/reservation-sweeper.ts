import type { OrderingDeps } from './deps';
import { expireReservations } from './expire-reservations';

export interface SweeperOptions {
  /** Ordering's repositories, unit of work, clock, events and the log. */
  ordering: OrderingDeps;
  /** How long an order may await payment while it holds stock. */
  ttlMs: number;
  /** Pause between sweeps; default a quarter of the limit, at most a minute. */
  intervalMs?: number;
}

export interface Sweeper {
  /** No new sweep starts; resolves once the one in progress (if any) has finished. */
  stop(): Promise<void>;
}

/**
 * The in-process sweeper: expires stale reservations now and then every `intervalMs`, one sweep at
 * a time. Safe to run in every API process (see expireReservations). Its timer never keeps the
 * process alive.
 */
export function startReservationSweeper({
  ordering,
  ttlMs,
  intervalMs = Math.min(60_000, Math.max(1_000, ttlMs / 4)),
}: SweeperOptions): Sweeper {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();

  const sweep = async () => {
    try {
      await expireReservations(ordering, { ttlMs });
    } catch (error) {
      ordering.log.error(
        { event: 'reservations.sweep_failed', err: error },
        'reservation sweep failed',
      );
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
