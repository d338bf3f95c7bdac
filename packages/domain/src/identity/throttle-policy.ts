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
 * The counting itself is the shared kernel's (`shared/attempt-limit.ts`).
 */
import type { Limit } from '../shared/attempt-limit';

/** Which counter an attempt goes to (also its name where the counts are stored). */
export type ThrottledAction = 'log-in' | 'log-in-any-address' | 'change-password' | 'sign-up';

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

const refusals: Record<ThrottledAction, string> = {
  'log-in': 'Too many log-in attempts for this email',
  'log-in-any-address': 'Too many log-in attempts for this email',
  'change-password': 'Too many password change attempts',
  'sign-up': 'Too many sign-ups from your network',
};

/** What a refused attempt at `action` is told (before how long to wait). */
export function refusalFor(action: ThrottledAction): string {
  return refusals[action];
}
