/**
 * The composition root for in-process callers: what the stage-independent behaviour suite in
 * `apps/api/test` may use besides the tRPC API itself. It wires the app through the same
 * `createPorts` as `main.ts`, over the suite's database, so a refactor inside the layers changes
 * the lines here and never the tests.
 */
import {
  expireReservations as expire,
  type ExpireOptions,
} from './application/ordering/expire-reservations';
import {
  startReservationSweeper as startSweeper,
  type Sweeper,
  type SweeperOptions,
} from './application/ordering/reservation-sweeper';
import {
  expireGuestCarts as expireCarts,
  type ExpireGuestCartsOptions,
} from './application/shopping/expire-guest-carts';
import { startGuestCartSweeper as startCartSweeper } from './application/shopping/guest-cart-sweeper';
import type { Db } from './infrastructure/db/transactions';
import { silentLogger, type Logger } from './infrastructure/log';
import {
  createContext as createContextWith,
  type CreateContextOptions as ContextOptions,
} from './presentation/trpc';
import {
  createServer as createServerWith,
  type ServerOptions as FullServerOptions,
} from './presentation/http/server';
import { createPorts } from './wiring';

export { createCaller } from './presentation/root';
export { transactionRetryCount } from './infrastructure/db/transactions';
export { createMemoryCookieJar, type CookieJar } from './presentation/http/cookies';
export { createLogger } from './infrastructure/log';
export { hashToken } from './infrastructure/security/tokens';
export { sessionCookie } from './presentation/http/session-cookies';
export { guestCartCookie } from './presentation/http/cart-cookie';
export { hashPassword } from './infrastructure/security/passwords';
export { simulateCharge, type ChargeResult } from './infrastructure/payment/card-gateway';
export { requestFingerprint } from '@shop/domain/ordering/fingerprint';
export type { CheckoutSettings } from './application/ordering/checkout-settings';
export {
  configurePasswordQueue,
  defaultQueueLimits,
  passwordQueue,
} from './infrastructure/security/password-queue';

/** The sweep as the suite has called it since stage 1: the database first, the log an option. */
export function expireReservations(
  db: Db,
  { log = silentLogger, ...options }: ExpireOptions & { log?: Logger },
): Promise<string[]> {
  return expire({ ...createPorts(db, log).ordering, log }, options);
}

/** The sweeper as the suite has started it since stage 1 (`prisma`, `logger`). */
export function startReservationSweeper({
  prisma,
  logger = silentLogger,
  ...options
}: Omit<SweeperOptions, 'ordering'> & { prisma: Db; logger?: Logger }): Sweeper {
  return startSweeper({
    ordering: { ...createPorts(prisma, logger).ordering, log: logger },
    ...options,
  });
}

/** The sweep of abandoned guest carts over `db`. */
export function expireGuestCarts(db: Db, options: ExpireGuestCartsOptions): Promise<number> {
  return expireCarts({ ...createPorts(db, silentLogger).shopping, log: silentLogger }, options);
}

/** The guest cart sweeper as main.ts starts it, over `db`. */
export function startGuestCartSweeper(db: Db, options: { idleMs: number; intervalMs?: number }) {
  return startCartSweeper({
    shopping: { ...createPorts(db, silentLogger).shopping, log: silentLogger },
    ...options,
  });
}

/** What the suite passes: the database to wire over instead of the ports. */
export type CreateContextOptions = Omit<ContextOptions, 'ports'> & { db: Db };
export type ServerOptions = Omit<FullServerOptions, 'ports'> & { db: Db };

/** A request context over `db`, as the suite has built it since stage 1. */
export function createContext({ db, ...options }: CreateContextOptions) {
  return createContextWith({ ports: createPorts(db, options.log ?? silentLogger), ...options });
}

/** The HTTP server over `db`, as the suite has started it since stage 1. */
export function createServer({ db, ...options }: ServerOptions) {
  return createServerWith({ ports: createPorts(db, options.logger ?? silentLogger), ...options });
}
