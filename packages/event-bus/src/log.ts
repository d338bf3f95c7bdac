/** The logger the bus writes to: pino's `(fields, message)` shape, so each service passes its own. */
export interface BusLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export const silentBusLog: BusLog = { info() {}, warn() {}, error() {} };
