/**
 * Fixed-window attempt counters in the `RateLimit` table, one row per bucket and key. An attempt
 * is counted in one atomic UPSERT … RETURNING, so attempts that arrive together (one batch,
 * parallel requests) each see their own count and cannot all slip under a limit.
 */
import type { AttemptCounter } from '@shop/domain/shared/attempt-limit';
import type { Db } from './transactions';

export interface AttemptCount {
  /** This attempt's number in the current window (1 = first). */
  count: number;
  /** Seconds until the window ends (at least 1). */
  retryAfterSeconds: number;
}

/** Rows whose window ended are swept now and then, so keys that never come back do not pile up. */
const sweepChance = 0.01;

/** Counts one attempt for `key`; a window that has ended starts over at 1. */
export async function countAttempt(
  db: Db,
  bucket: string,
  key: string,
  windowSeconds: number,
): Promise<AttemptCount> {
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
  return { count: row.hits, retryAfterSeconds: row.retryAfter };
}

/** Forgets the key's attempts. */
export async function clearAttempts(db: Db, bucket: string, key: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { bucket, key } });
}

/** Takes one counted attempt back (never below zero). */
export async function uncountAttempt(db: Db, bucket: string, key: string): Promise<void> {
  await db.$executeRaw`
    UPDATE "RateLimit" SET "hits" = GREATEST("hits" - 1, 0)
    WHERE "bucket" = ${bucket} AND "key" = ${key}`;
}

export async function sweepExpired(db: Db): Promise<void> {
  await db.$executeRaw`DELETE FROM "RateLimit" WHERE "resetAt" <= timezone('UTC', now())`;
}

/** The domain's `AttemptCounter`: one bucket per limited action (a log-in, a new guest cart…). */
export function createAttemptCounter(db: Db): AttemptCounter {
  return {
    count: (action, key, seconds) => countAttempt(db, action, key, seconds),
    clear: (action, key) => clearAttempts(db, action, key),
    uncount: (action, key) => uncountAttempt(db, action, key),
  };
}
