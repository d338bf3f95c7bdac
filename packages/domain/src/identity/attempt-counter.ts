import type { CountedAttempt, ThrottledAction } from './throttle-policy';

/**
 * The fixed-window attempt counters (rule: each try is counted before its work is done). `count`
 * must be one atomic step, so attempts arriving together each see their own number.
 */
export interface AttemptCounter {
  count(action: ThrottledAction, key: string, windowSeconds: number): Promise<CountedAttempt>;
  /** A success forgets the key's attempts. */
  clear(action: ThrottledAction, key: string): Promise<void>;
  /** Gives one counted attempt back (never below zero): nothing was checked. */
  uncount(action: ThrottledAction, key: string): Promise<void>;
}
