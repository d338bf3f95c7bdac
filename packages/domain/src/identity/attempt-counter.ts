import type { AttemptCounter as Counter } from '../shared/attempt-limit';
import type { ThrottledAction } from './throttle-policy';

/**
 * Identity's attempt counters, one per throttled action (rule: each try is counted before its
 * work is done; see `shared/attempt-limit.ts`).
 */
export type AttemptCounter = Counter<ThrottledAction>;
