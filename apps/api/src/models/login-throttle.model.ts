import { ShopError } from './errors';
import type { Db } from './db';

export const maxFailures = 5;
export const throttleWindowMinutes = 15;

const tooManyAttempts = () =>
  new ShopError(
    'TOO_MANY_REQUESTS',
    'Too many failed log-ins for this email. Try again in 15 minutes.',
  );

export async function assertNotThrottled(db: Db, email: string): Promise<void> {
  const row = await db.loginThrottle.findUnique({
    where: { email },
    select: { lockedUntil: true },
  });
  if (row?.lockedUntil && row.lockedUntil.getTime() > Date.now()) throw tooManyAttempts();
}

/**
 * Counts a failure in one atomic upsert (parallel guesses cannot slip past the limit); the window
 * restarts once it has passed.
 */
export async function recordFailure(db: Db, email: string): Promise<void> {
  const window = `${throttleWindowMinutes} minutes`;
  await db.$executeRaw`
    INSERT INTO "LoginThrottle" ("email", "failures", "windowStart", "lockedUntil")
    VALUES (${email}, 1, now(), NULL)
    ON CONFLICT ("email") DO UPDATE SET
      "failures" = CASE WHEN "LoginThrottle"."windowStart" < now() - ${window}::interval
                        THEN 1 ELSE "LoginThrottle"."failures" + 1 END,
      "windowStart" = CASE WHEN "LoginThrottle"."windowStart" < now() - ${window}::interval
                           THEN now() ELSE "LoginThrottle"."windowStart" END,
      "lockedUntil" = CASE WHEN "LoginThrottle"."windowStart" >= now() - ${window}::interval
                             AND "LoginThrottle"."failures" + 1 >= ${maxFailures}
                           THEN now() + ${window}::interval ELSE NULL END`;
}

export async function clearFailures(db: Db, email: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { email } });
}
