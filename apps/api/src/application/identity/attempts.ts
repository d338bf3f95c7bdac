/**
 * How the identity use cases spend attempts: an attempt is counted before its work, and refused
 * past the limit; a counted password check the busy server refused is given back (nothing was
 * checked).
 */
import type { AttemptCounter } from '@shop/domain/identity/attempt-counter';
import type { PasswordHasher } from '@shop/domain/identity/password-hasher';
import {
  judgeAttempt,
  windowSeconds,
  type Limit,
  type ThrottledAction,
} from '@shop/domain/identity/throttle-policy';
import { ServerBusy, TooManyAttempts } from '@shop/domain/shared/errors';

/** Counts one attempt at `action` for `key`; throws TooManyAttempts once the window is used up. */
export async function countAttempt(
  attempts: AttemptCounter,
  action: ThrottledAction,
  key: string,
  limit: Limit,
): Promise<void> {
  const counted = await attempts.count(action, key, windowSeconds(limit));
  const verdict = judgeAttempt(action, counted, limit);
  if (!verdict.allowed) throw new TooManyAttempts(verdict.message, verdict.retryAfterSeconds);
}

/** A password check already counted at `action`; given back when the server was too busy. */
export async function countedCheck(
  attempts: AttemptCounter,
  action: ThrottledAction,
  key: string,
  check: () => Promise<boolean>,
): Promise<boolean> {
  try {
    return await check();
  } catch (error) {
    if (error instanceof ServerBusy) await attempts.uncount(action, key);
    throw error;
  }
}

/** The hasher, its checks counted at `action` for `key` (see `countedCheck`). */
export function countedHasher(
  hasher: PasswordHasher,
  attempts: AttemptCounter,
  action: ThrottledAction,
  key: string,
): PasswordHasher {
  return {
    hash: (password) => hasher.hash(password),
    verify: (hash, password) =>
      countedCheck(attempts, action, key, () => hasher.verify(hash, password)),
    verifyAgainstDummy: (password) =>
      countedCheck(attempts, action, key, () =>
        hasher.verifyAgainstDummy(password),
      ) as Promise<false>,
  };
}
