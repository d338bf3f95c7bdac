/**
 * One checkout attempt = one idempotency key for one payload. A network failure retries the same attempt
 * (same key: the server may already have charged); a definite answer (declined, refused) ends it, and a
 * changed form starts a new one — the API refuses a reused key with a different cart or address.
 */
export interface Attempt {
  key: string;
  payload: string;
}

export function attemptFor(
  current: Attempt | null,
  payload: string,
  newKey: () => string,
): Attempt {
  return current && current.payload === payload ? current : { key: newKey(), payload };
}

export type AttemptOutcome = 'network_error' | 'answered';

export function afterFailure(current: Attempt, outcome: AttemptOutcome): Attempt | null {
  return outcome === 'network_error' ? current : null;
}
