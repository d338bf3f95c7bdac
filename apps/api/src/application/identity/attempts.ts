/**
 * How the identity use cases spend attempts and password hashes: an attempt is counted before
 * its work, and refused past the limit; argon2 work refused by the full hashing queue means the
 * server is busy, and a counted password check it refused is given back (nothing was checked).
 */
import { ServerBusy, TooManyAttempts } from '@shop/domain/shared/errors';
import {
  judgeAttempt,
  windowSeconds,
  type Limit,
  type ThrottledAction,
} from '../../domain/identity/throttle-policy';
import type { Db } from '../../infrastructure/db/transactions';
import * as attempts from '../../infrastructure/db/rate-limit.repository';
import { QueueFullError } from '../../infrastructure/security/password-queue';

/** Counts one attempt at `action` for `key`; throws TooManyAttempts once the window is used up. */
export async function countAttempt(
  db: Db,
  action: ThrottledAction,
  key: string,
  limit: Limit,
): Promise<void> {
  const counted = await attempts.countAttempt(db, action, key, windowSeconds(limit));
  const verdict = judgeAttempt(action, counted, limit);
  if (!verdict.allowed) throw new TooManyAttempts(verdict.message, verdict.retryAfterSeconds);
}

/** A success forgets the key's attempts. */
export function clearAttempts(db: Db, action: ThrottledAction, key: string): Promise<void> {
  return attempts.clearAttempts(db, action, key);
}

/** Runs argon2 work; ServerBusy when the hashing queue refuses it. */
export async function hashing<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof QueueFullError) throw new ServerBusy();
    throw error;
  }
}

/** A password check already counted at `action`; given back when the server was too busy. */
export async function countedCheck(
  db: Db,
  action: ThrottledAction,
  key: string,
  check: () => Promise<boolean>,
): Promise<boolean> {
  try {
    return await hashing(check);
  } catch (error) {
    if (error instanceof ServerBusy) await attempts.uncountAttempt(db, action, key);
    throw error;
  }
}
