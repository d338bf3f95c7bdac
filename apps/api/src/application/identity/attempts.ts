/**
 * How the identity use cases spend attempts: an attempt is counted before its work, and refused
 * past the limit; a counted password check the busy server refused is given back (nothing was
 * checked).
 */
import type { AttemptCounter } from '@shop/domain/identity/attempt-counter';
import type { PasswordHasher } from '@shop/domain/identity/password-hasher';
import type { Limit } from '@shop/domain/shared/attempt-limit';
import { refusalFor, type ThrottledAction } from '@shop/domain/identity/throttle-policy';
import { ServerBusy } from '@shop/domain/shared/errors';
import { countAgainstLimit } from '../attempt-limit';

/** Counts one attempt at `action` for `key`; throws TooManyAttempts once the window is used up. */
export async function countAttempt(
  attempts: AttemptCounter,
  action: ThrottledAction,
  key: string,
  limit: Limit,
): Promise<void> {
  await countAgainstLimit(attempts, action, key, limit, refusalFor(action));
}

/** One counter an attempt goes to, and its limit. */
export interface Counter {
  action: ThrottledAction;
  key: string;
  limit: Limit;
}

/**
 * Counts one attempt on each counter in turn and stops at the first refusal, giving back the
 * counts made before it: the refused attempt checks nothing, so only the refusing counter keeps it.
 */
export async function countAttempts(attempts: AttemptCounter, counters: Counter[]): Promise<void> {
  for (const [i, { action, key, limit }] of counters.entries()) {
    try {
      await countAttempt(attempts, action, key, limit);
    } catch (error) {
      for (const before of counters.slice(0, i)) await attempts.uncount(before.action, before.key);
      throw error;
    }
  }
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
