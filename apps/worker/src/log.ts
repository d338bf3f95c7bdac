/**
 * The worker's structured log: one JSON line per event (pino), each consumer line carrying the
 * event id, the order id and the trace id, so one order can be followed across both services.
 */
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string | undefined): Logger {
  return pino({ base: { service: 'worker' }, level: level ?? 'info' });
}
