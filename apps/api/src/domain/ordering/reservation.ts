/**
 * A reservation has a time limit: an order still awaiting payment holds its stock for at most
 * `ttlMs`. Answers the instant before which a pending order has held it too long.
 */
export function reservationCutoff(now: Date, ttlMs: number): Date {
  return new Date(now.getTime() - ttlMs);
}
