/**
 * The composition root for in-process callers: what the stage-independent behaviour suite in
 * `apps/api/test` may use besides the tRPC API itself. `main.ts` wires the app for a process;
 * this file names the same parts for tests, so a refactor inside the layers changes the lines
 * here and never the tests.
 */
export { createCaller } from './presentation/root';
export { createContext, type CreateContextOptions } from './presentation/trpc';
export { createServer, type ServerOptions } from './presentation/http/server';
export { createMemoryCookieJar, type CookieJar } from './presentation/http/cookies';
export { createLogger } from './infrastructure/log';
export { hashToken } from './infrastructure/security/tokens';
export { sessionCookie } from './presentation/http/session-cookies';
export { guestCartCookie } from './presentation/http/cart-cookie';
export { hashPassword } from './infrastructure/security/passwords';
export { simulateCharge, type ChargeResult } from './infrastructure/payment/card-gateway';
export { requestFingerprint, type CheckoutSettings } from './models/order.model';
export { expireReservations } from './models/reservation.model';
export { startReservationSweeper } from './models/reservation-sweeper';
export {
  configurePasswordQueue,
  defaultQueueLimits,
  passwordQueue,
} from './infrastructure/security/password-queue';
