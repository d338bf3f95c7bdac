/**
 * The limits on password guessing and account creation, on top of `rate-limit.model.ts`:
 * - log-in: attempts per normalized email (known or not), counted before the password is checked;
 * - password change: attempts per account, so a stolen session cannot guess the current password;
 * - sign-up: attempts per client address (HTTP callers only).
 * A successful log-in or password change clears its counter.
 */
import {
  RateLimitedError,
  clearAttempts,
  countAttempt,
  describeWait,
  uncountAttempt,
  type Limit,
} from './rate-limit.model';
import type { Db } from '../infrastructure/db/transactions';

export interface AuthLimits {
  /** Password checks per email per window through `auth.logIn`. */
  logIn: Limit;
  /** Current-password checks per account per window through `auth.changePassword`. */
  changePassword: Limit;
  /** Sign-up attempts per client address per window. */
  signUp: Limit;
}

export const defaultAuthLimits: AuthLimits = {
  logIn: { max: 5, windowMinutes: 15 },
  changePassword: { max: 5, windowMinutes: 15 },
  // `npm test`'s end-to-end suite signs up about ten times from 127.0.0.1; demos far fewer.
  signUp: { max: 30, windowMinutes: 60 },
};

/** Counts a log-in attempt for `email`; throws once the window's attempts are used up. */
export async function countLogInAttempt(db: Db, email: string, limit: Limit): Promise<void> {
  const attempt = await countAttempt(db, 'log-in', email, limit);
  if (!attempt.allowed) {
    throw new RateLimitedError(
      `Too many log-in attempts for this email. Try again ${describeWait(attempt.retryAfterSeconds)}.`,
      attempt.retryAfterSeconds,
    );
  }
}

export const clearLogInAttempts = (db: Db, email: string) => clearAttempts(db, 'log-in', email);
export const uncountLogInAttempt = (db: Db, email: string) => uncountAttempt(db, 'log-in', email);

export async function countPasswordChangeAttempt(
  db: Db,
  userId: string,
  limit: Limit,
): Promise<void> {
  const attempt = await countAttempt(db, 'change-password', userId, limit);
  if (!attempt.allowed) {
    throw new RateLimitedError(
      `Too many password change attempts. Try again ${describeWait(attempt.retryAfterSeconds)}.`,
      attempt.retryAfterSeconds,
    );
  }
}

export const clearPasswordChangeAttempts = (db: Db, userId: string) =>
  clearAttempts(db, 'change-password', userId);
export const uncountPasswordChangeAttempt = (db: Db, userId: string) =>
  uncountAttempt(db, 'change-password', userId);

export async function countSignUpAttempt(db: Db, address: string, limit: Limit): Promise<void> {
  const attempt = await countAttempt(db, 'sign-up', address, limit);
  if (!attempt.allowed) {
    throw new RateLimitedError(
      `Too many sign-ups from your network. Try again ${describeWait(attempt.retryAfterSeconds)}.`,
      attempt.retryAfterSeconds,
    );
  }
}
