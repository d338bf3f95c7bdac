/**
 * Spending one attempt against a fixed-window limit (`@shop/domain/shared/attempt-limit`): the one
 * step behind identity's log-in and sign-up limits and shopping's limit on new guest carts.
 */
import {
  judgeCount,
  windowSeconds,
  type AttemptCounter,
  type Limit,
} from '@shop/domain/shared/attempt-limit';
import { TooManyAttempts } from '@shop/domain/shared/errors';

/** Counts one attempt at `bucket` for `key`; throws TooManyAttempts (with `refusal`) past `limit`. */
export async function countAgainstLimit<Bucket extends string>(
  attempts: AttemptCounter<Bucket>,
  bucket: Bucket,
  key: string,
  limit: Limit,
  refusal: string,
): Promise<void> {
  const counted = await attempts.count(bucket, key, windowSeconds(limit));
  const verdict = judgeCount(counted, limit, refusal);
  if (!verdict.allowed) throw new TooManyAttempts(verdict.message, verdict.retryAfterSeconds);
}
