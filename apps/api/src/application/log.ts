/**
 * What the application needs of a logger, as a port: the composition root hands it pino's logger
 * (infrastructure/log.ts), which fits this shape, so no use case imports infrastructure to log.
 */
export interface Log {
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
  error(fields: object, message?: string): void;
}

/** Says nothing: for callers that hand in no log. */
export const silentLog: Log = { info() {}, warn() {}, error() {} };
