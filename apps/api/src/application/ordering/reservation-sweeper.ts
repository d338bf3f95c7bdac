import { startPeriodicRun, type PeriodicRun } from '../periodic-run';
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

/** `stop()`: no new sweep starts; resolves once the one in progress (if any) has finished. */
export type Sweeper = PeriodicRun;

/** How often the safety sweep runs for a reservation time of `ttlMs`: a quarter of it, 1 s to 1 min. */
export const sweepIntervalMs = (ttlMs: number): number =>
  Math.min(60_000, Math.max(1_000, ttlMs / 4));

/**
 * The in-process sweeper: expires stale reservations now and then every `intervalMs`, one sweep at
 * a time (see PeriodicRun). Safe to run in every API process (see expireReservations). Since
 * stage 4 `main.ts` has the broker schedule the sweep instead (one run per period, whichever
 * process is up); this runner remains for in-process callers.
 */
export function startReservationSweeper({
  ordering,
  ttlMs,
  intervalMs = sweepIntervalMs(ttlMs),
}: SweeperOptions): Sweeper {
  return startPeriodicRun(() => expireReservations(ordering, { ttlMs }), {
    intervalMs,
    onError: (error) =>
      ordering.log.error(
        { event: 'reservations.sweep_failed', err: error },
        'reservation sweep failed',
      ),
  });
}
