/**
 * Fixed-window attempt counters in the `RateLimit` table. An attempt is counted in one atomic
 * UPSERT … RETURNING *before* the work it guards is done, so attempts that arrive together (one
 * batch, parallel requests) each see their own count and cannot all slip under the limit.
 */
import { ShopError } from './errors';
import type { Db } from '../infrastructure/db/transactions';

export interface Limit {
  /** Attempts allowed per window. */
  max: number;
  windowMinutes: number;
}

export type Bucket = 'log-in' | 'change-password' | 'sign-up';

/** Refused before any work was done; says when to come back. */
export class RateLimitedError extends ShopError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('TOO_MANY_REQUESTS', message);
    this.name = 'RateLimitedError';
  }
}

export interface Attempt {
  /** This attempt's number in the current window (1 = first). */
  count: number;
  allowed: boolean;
  retryAfterSeconds: number;
}

/** Rows whose window ended are swept now and then, so keys that never come back do not pile up. */
const sweepChance = 0.01;

/** Counts one attempt for `key` and tells whether it is within the limit. */
export async function countAttempt(
  db: Db,
  bucket: Bucket,
  key: string,
  limit: Limit,
): Promise<Attempt> {
  const windowSeconds = Math.max(1, Math.round(limit.windowMinutes * 60));
  // Timestamps are UTC without a zone, as Prisma stores them.
  const rows = await db.$queryRaw<{ hits: number; retryAfter: number }[]>`
    INSERT INTO "RateLimit" ("bucket", "key", "hits", "resetAt")
    VALUES (${bucket}, ${key}, 1,
            timezone('UTC', now()) + make_interval(secs => ${windowSeconds}::int))
    ON CONFLICT ("bucket", "key") DO UPDATE SET
      "hits" = CASE WHEN "RateLimit"."resetAt" <= timezone('UTC', now()) THEN 1
                    ELSE LEAST("RateLimit"."hits" + 1, 1000000) END,
      "resetAt" = CASE WHEN "RateLimit"."resetAt" <= timezone('UTC', now()) THEN EXCLUDED."resetAt"
                       ELSE "RateLimit"."resetAt" END
    RETURNING "hits",
      GREATEST(1, CEIL(EXTRACT(EPOCH FROM ("resetAt" - timezone('UTC', now())))))::int AS "retryAfter"`;
  const row = rows[0];
  if (!row) throw new Error('RateLimit upsert returned no row');
  if (Math.random() < sweepChance) await sweepExpired(db);
  return { count: row.hits, allowed: row.hits <= limit.max, retryAfterSeconds: row.retryAfter };
}

/** Forgets the key's attempts (a log-in that succeeded). */
export async function clearAttempts(db: Db, bucket: Bucket, key: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { bucket, key } });
}

/** Gives back an attempt that was counted but never got to do its work (the server was busy). */
export async function uncountAttempt(db: Db, bucket: Bucket, key: string): Promise<void> {
  await db.$executeRaw`
    UPDATE "RateLimit" SET "hits" = GREATEST("hits" - 1, 0)
    WHERE "bucket" = ${bucket} AND "key" = ${key}`;
}

export async function sweepExpired(db: Db): Promise<void> {
  await db.$executeRaw`DELETE FROM "RateLimit" WHERE "resetAt" <= timezone('UTC', now())`;
}

/** "in 15 minutes", "in 40 seconds": for refusal messages. */
export function describeWait(seconds: number): string {
  if (seconds < 90) return `in ${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `in ${minutes} minutes`;
}
