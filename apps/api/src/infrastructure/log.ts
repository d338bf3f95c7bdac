/**
 * The API's structured log: JSON lines in production (one object per event, for a collector),
 * readable colour lines in development, nothing in tests unless a test asks for it.
 * Security events carry an `event` name (`auth.login_failed`, `order.expired`, …) so they can be
 * filtered. Secrets never reach a log line: known secret fields are redacted at the logger itself.
 */
import { pino, type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

/** Field names that may hold a secret, at any of the first three levels of a log object. */
const secretKeys = [
  'password',
  'currentPassword',
  'newPassword',
  'passwordHash',
  'token',
  'cookie',
  'authorization',
  'cardNumber',
  'cvc',
  'set-cookie',
];
const redactPaths = secretKeys.flatMap((key) => [`["${key}"]`, `*["${key}"]`, `*.*["${key}"]`]);

export interface LoggerOptions {
  mode: 'production' | 'development' | 'test';
  level?: string;
  /** Where lines go; tests pass a stream to read them. Default: stdout. */
  destination?: DestinationStream;
}

export function createLogger({ mode, level, destination }: LoggerOptions): Logger {
  const options = {
    level: level ?? (mode === 'test' ? 'silent' : 'info'),
    base: { service: 'api' },
    redact: { paths: redactPaths, censor: '[redacted]' },
  };
  if (destination) return pino(options, destination);
  if (mode === 'development') return pino(options, pretty({ colorize: true, sync: true }));
  return pino(options);
}

/** A logger that writes nothing: the default for in-process callers such as `createCaller` tests. */
export const silentLogger: Logger = pino({ level: 'silent' });
