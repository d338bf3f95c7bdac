/**
 * The limits on password guessing and account creation, each a fixed window of attempts:
 * - log-in: per normalized email (known or not) *from one client address*, so at most `max`
 *   passwords are ever verified per email and address per window, however the attempts arrive
 *   (one batch, parallel requests, or both); a guesser locks out only its own address, and the
 *   owner elsewhere still gets in;
 * - log-in over all addresses: per email, a cap several times higher, so a guesser spread over
 *   many addresses is still bounded (only one with that many addresses can lock an owner out);
 * - password change: per account, so a stolen session cannot keep guessing the current password;
 * - sign-up: per client address (callers over HTTP only).
 * What counts as an attempt: each try is counted *before* its work is done; a success clears the
 * count; a try refused because the server was too busy to check anything is given back.
 */

/** Which counter an attempt goes to (also its name where the counts are stored). */
export type ThrottledAction = 'log-in' | 'log-in-any-address' | 'change-password' | 'sign-up';

export interface Limit {
  /** Attempts allowed per window. */
  max: number;
  windowMinutes: number;
}

export interface AuthLimits {
  /** Password checks per email and client address per window through log-in. */
  logIn: Limit;
  /** Password checks per email per window through log-in, all client addresses together. */
  logInPerEmail: Limit;
  /** Current-password checks per account per window through a password change. */
  changePassword: Limit;
  /** Sign-up attempts per client address per window. */
  signUp: Limit;
}

export const defaultAuthLimits: AuthLimits = {
  logIn: { max: 5, windowMinutes: 15 },
  // Ten addresses' worth: 200 guesses an hour at most, and a lock-out needs ten addresses.
  logInPerEmail: { max: 50, windowMinutes: 15 },
  changePassword: { max: 5, windowMinutes: 15 },
  // `npm test`'s end-to-end suite signs up about ten times from 127.0.0.1; demos far fewer.
  signUp: { max: 30, windowMinutes: 60 },
};

/** The window in whole seconds, at least one (a counter needs a window to reset in). */
export function windowSeconds(limit: Limit): number {
  return Math.max(1, Math.round(limit.windowMinutes * 60));
}

/** One counted attempt: its number in the current window (1 = first) and when the window ends. */
export interface CountedAttempt {
  count: number;
  retryAfterSeconds: number;
}

export type Verdict =
  { allowed: true } | { allowed: false; message: string; retryAfterSeconds: number };

const refusals: Record<ThrottledAction, string> = {
  'log-in': 'Too many log-in attempts for this email',
  'log-in-any-address': 'Too many log-in attempts for this email',
  'change-password': 'Too many password change attempts',
  'sign-up': 'Too many sign-ups from your network',
};

/** The first `max` attempts of a window go ahead; the rest are told how long to wait. */
export function judgeAttempt(
  action: ThrottledAction,
  attempt: CountedAttempt,
  limit: Limit,
): Verdict {
  if (attempt.count <= limit.max) return { allowed: true };
  const wait = attempt.retryAfterSeconds;
  return {
    allowed: false,
    message: `${refusals[action]}. Try again ${describeWait(wait)}.`,
    retryAfterSeconds: wait,
  };
}

/** "in 15 minutes", "in 40 seconds": for refusal messages. */
export function describeWait(seconds: number): string {
  if (seconds < 90) return `in ${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `in ${minutes} minutes`;
}
