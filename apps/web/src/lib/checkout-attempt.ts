/**
 * One checkout attempt = one idempotency key for one payload. A network failure retries the same attempt
 * (same key: the server may already have charged), and so does the API's "still being processed"
 * (TIMEOUT: the first try with this key has not settled yet); a definite answer (declined, refused)
 * ends it, and a changed form starts a new one — the API refuses a reused key with a different cart
 * or address.
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

export type AttemptOutcome = 'network_error' | 'still_processing' | 'answered';

/** Classifies a failed attempt from whether any answer came back and, if so, its tRPC code. */
export function failureOutcome(failure: {
  networkError: boolean;
  code: string | null;
}): AttemptOutcome {
  if (failure.networkError) return 'network_error';
  return failure.code === 'TIMEOUT' ? 'still_processing' : 'answered';
}

export function afterFailure(current: Attempt, outcome: AttemptOutcome): Attempt | null {
  return outcome === 'answered' ? null : current;
}
