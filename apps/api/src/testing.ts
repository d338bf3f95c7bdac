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
import { testCardDecider, type Decision } from '@shop/card-processor/server';
import type { CheckoutSettings as AppCheckoutSettings } from './application/ordering/checkout-settings';
import { runtimeFor, type Seams } from './testing-services';
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
export { queuePrefixOf, workerLogOf } from './testing-services';
export { requestFingerprint } from '@shop/domain/ordering/fingerprint';

/** The card processor's answer to one charge, as the suite scripts it. */
export type ChargeResult = Decision;

/** The card processor's rules for the test cards (4000 0000 0000 0002 declined, others approved). */
export function simulateCharge(cardNumber: string): Promise<ChargeResult> {
  return Promise.resolve(testCardDecider(0)(cardNumber.replace(/\D/g, ''), 'pm_suite'));
}

/**
 * Checkout's settings as the suite passes them: the app's patience, plus the seams of stages 1–3 —
 * `charge` answers for the cards this context tokenizes (the card processor asks it), and
 * `beforeSettle` runs in each attempt to settle those orders (throwing stands for a failed settle).
 */
export type CheckoutSettings = AppCheckoutSettings & {
  charge: (cardNumber: string) => ChargeResult | Promise<ChargeResult>;
  beforeSettle?: (attempt: number) => void | Promise<void>;
};
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
  return expire({ ...createPorts(db, log, runtimeFor(db)).ordering, log }, options);
}

/** The sweeper as the suite has started it since stage 1 (`prisma`, `logger`). */
export function startReservationSweeper({
  prisma,
  logger = silentLogger,
  ...options
}: Omit<SweeperOptions, 'ordering'> & { prisma: Db; logger?: Logger }): Sweeper {
  return startSweeper({
    ordering: { ...createPorts(prisma, logger, runtimeFor(prisma)).ordering, log: logger },
    ...options,
  });
}

/** The sweep of abandoned guest carts over `db`. */
export function expireGuestCarts(db: Db, options: ExpireGuestCartsOptions): Promise<number> {
  return expireCarts(
    { ...createPorts(db, silentLogger, runtimeFor(db)).shopping, log: silentLogger },
    options,
  );
}

/** The guest cart sweeper as main.ts starts it, over `db`. */
export function startGuestCartSweeper(db: Db, options: { idleMs: number; intervalMs?: number }) {
  return startCartSweeper({
    shopping: { ...createPorts(db, silentLogger, runtimeFor(db)).shopping, log: silentLogger },
    ...options,
  });
}

/** What the suite passes: the database to wire over instead of the ports, and checkout's seams. */
export type CreateContextOptions = Omit<ContextOptions, 'ports' | 'checkout'> & {
  db: Db;
  checkout?: Partial<CheckoutSettings>;
};
export type ServerOptions = Omit<FullServerOptions, 'ports'> & { db: Db };

/**
 * How long the suite's checkouts wait for the payment service: long enough that a loaded machine
 * (the suite runs files in parallel, each with its own worker) still sees the saga finish, as stage
 * 3's synchronous checkout always did. The bound itself (CHECKOUT_WAIT_MS, 3 s by default) and the
 * PENDING_PAYMENT answer past it are tested end to end with the slow test card.
 */
export const suiteCheckoutWaitMs = 20_000;

/** A request context over `db`, as the suite has built it since stage 1. */
export function createContext({ db, checkout = {}, ...options }: CreateContextOptions) {
  const { charge, beforeSettle, ...patience } = checkout;
  const seams: Seams = { charge, beforeSettle, log: options.log };
  const log = options.log ?? silentLogger;
  return createContextWith({
    ports: createPorts(db, log, runtimeFor(db, seams)),
    checkout: { waitMs: suiteCheckoutWaitMs, ...patience },
    ...options,
  });
}

/** The HTTP server over `db`, as the suite has started it since stage 1. */
export function createServer({ db, ...options }: ServerOptions) {
  const log = options.logger ?? silentLogger;
  return createServerWith({
    ports: createPorts(db, log, runtimeFor(db)),
    checkout: { waitMs: suiteCheckoutWaitMs },
    ...options,
  });
}
