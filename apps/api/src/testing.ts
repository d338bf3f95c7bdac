/**
 * The composition root for in-process callers: what the stage-independent behaviour suite in
 * `apps/api/test` may use besides the tRPC API itself. `main.ts` wires the app for a process;
 * this file names the same parts for tests, so a refactor inside the layers changes the lines
 * here and never the tests.
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
import { EventDispatcher } from './application/events';
import { createIdentityAdapters } from './infrastructure/identity';
import { createOrderingAdapters } from './infrastructure/ordering';
import { createShoppingAdapters } from './infrastructure/shopping';
import {
  createContext as createContextWith,
  type CreateContextOptions as ContextOptions,
} from './presentation/trpc';
import {
  createServer as createServerWith,
  type ServerOptions as FullServerOptions,
} from './presentation/http/server';

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
  return expire({ ...createOrderingAdapters(db, events), log }, options);
}

/** The sweeper as the suite has started it since stage 1 (`prisma`, `logger`). */
export function startReservationSweeper({
  prisma,
  logger = silentLogger,
  ...options
}: Omit<SweeperOptions, 'ordering'> & { prisma: Db; logger?: Logger }): Sweeper {
  return startSweeper({
    ordering: { ...createOrderingAdapters(prisma, events), log: logger },
    ...options,
  });
}

/** The sweep of abandoned guest carts over `db`. */
export function expireGuestCarts(db: Db, options: ExpireGuestCartsOptions): Promise<number> {
  return expireCarts({ ...createShoppingAdapters(db), log: silentLogger }, options);
}

/** The guest cart sweeper as main.ts starts it, over `db`. */
export function startGuestCartSweeper(db: Db, options: { idleMs: number; intervalMs?: number }) {
  return startCartSweeper({
    shopping: { ...createShoppingAdapters(db), log: silentLogger },
    ...options,
  });
}

/** The suite's in-process event dispatch, as main.ts has one per process. */
const events = new EventDispatcher(silentLogger);

/** Each context's ports over the suite's database, wired as main.ts wires them. */
function ports(db: Db) {
  return {
    identity: createIdentityAdapters(db, events),
    ordering: createOrderingAdapters(db, events),
    shopping: createShoppingAdapters(db, events),
  };
}

export type CreateContextOptions = Omit<ContextOptions, 'identity' | 'ordering' | 'shopping'>;
export type ServerOptions = Omit<FullServerOptions, 'identity' | 'ordering' | 'shopping'>;

/** A request context over `db`, as the suite has built it since stage 1. */
export function createContext(options: CreateContextOptions) {
  return createContextWith({ ...ports(options.db), ...options });
}

/** The HTTP server over `db`, as the suite has started it since stage 1. */
export function createServer(options: ServerOptions) {
  return createServerWith({ ...ports(options.db), ...options });
}
