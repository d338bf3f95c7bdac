/**
 * Fixed-window limits on attempts: the one mechanism behind identity's limits on log-ins and
 * sign-ups and shopping's on new guest carts. Each attempt is counted *before* its work is done,
 * in one atomic step, so attempts that arrive together each see their own number; the first `max`
 * of a window go ahead and the rest are told how long to wait.
 */

export interface Limit {
  /** Attempts allowed per window. */
  max: number;
  windowMinutes: number;
}

/** One counted attempt: its number in the current window (1 = first) and when the window ends. */
export interface CountedAttempt {
  count: number;
  retryAfterSeconds: number;
}

/**
 * The counters, one per bucket (the limited action) and key (an email, an account, an address).
 * `count` must be one atomic step.
 */
export interface AttemptCounter<Bucket extends string = string> {
  count(bucket: Bucket, key: string, windowSeconds: number): Promise<CountedAttempt>;
  /** A success forgets the key's attempts. */
  clear(bucket: Bucket, key: string): Promise<void>;
  /** Gives one counted attempt back (never below zero): nothing was done. */
  uncount(bucket: Bucket, key: string): Promise<void>;
}

export type Verdict =
  { allowed: true } | { allowed: false; message: string; retryAfterSeconds: number };

/** The window in whole seconds, at least one (a counter needs a window to reset in). */
export function windowSeconds(limit: Limit): number {
  return Math.max(1, Math.round(limit.windowMinutes * 60));
}

/** The first `max` attempts of a window go ahead; the rest get `refusal` and how long to wait. */
export function judgeCount(attempt: CountedAttempt, limit: Limit, refusal: string): Verdict {
  if (attempt.count <= limit.max) return { allowed: true };
  const wait = attempt.retryAfterSeconds;
  return {
    allowed: false,
    message: `${refusal}. Try again ${describeWait(wait)}.`,
    retryAfterSeconds: wait,
  };
}

/** "in 15 minutes", "in 40 seconds": for refusal messages. */
export function describeWait(seconds: number): string {
  if (seconds < 90) return `in ${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `in ${minutes} minutes`;
}
