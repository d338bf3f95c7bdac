/**
 * Idempotency keys as Stripe documents them: the first request with a key runs, and every later
 * request with the same key and the same body gets that first answer (a refusal included) without
 * running again — also one that arrives while the first is still running, which waits for it. The
 * same key with another body is refused (409). An unexpected failure (the decider threw) is not
 * remembered, so the caller may retry with the same key.
 */
import { createHash } from 'node:crypto';
import { ApiError } from './errors';

type Outcome<T> = { ok: true; value: T } | { ok: false; error: ApiError };

interface Entry {
  fingerprint: string;
  outcome: Promise<Outcome<unknown>>;
}

export interface Replayable<T> {
  value: T;
  /** True when this answer is the remembered one of an earlier request with the same key. */
  replayed: boolean;
}

export interface IdempotencyKeys {
  /**
   * Runs `operation` once per key: `request` (the route and its validated body) decides whether a
   * second request with the key is the same one. Throws the remembered `ApiError` on a replayed refusal.
   */
  once<T>(key: string, request: unknown, operation: () => Promise<T>): Promise<Replayable<T>>;
}

export function createIdempotencyKeys(): IdempotencyKeys {
  const entries = new Map<string, Entry>();
  return {
    async once<T>(key: string, request: unknown, operation: () => Promise<T>) {
      const fingerprint = fingerprintOf(request);
      const earlier = entries.get(key);
      if (earlier) {
        if (earlier.fingerprint !== fingerprint) {
          throw new ApiError(
            409,
            'idempotency_key_reused',
            `Idempotency-Key ${key} was already used with a different request`,
          );
        }
        return { value: settle((await earlier.outcome) as Outcome<T>), replayed: true };
      }
      const entry: Entry = { fingerprint, outcome: run(operation) };
      entries.set(key, entry);
      entry.outcome.catch(() => {
        if (entries.get(key) === entry) entries.delete(key);
      });
      return { value: settle(await (entry.outcome as Promise<Outcome<T>>)), replayed: false };
    },
  };
}

async function run<T>(operation: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await operation() };
  } catch (error) {
    if (error instanceof ApiError && error.status < 500) return { ok: false, error };
    throw error;
  }
}

function settle<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

/** A hash of the request that ignores key order, so `{a,b}` and `{b,a}` are the same body. */
function fingerprintOf(request: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(sorted(request)))
    .digest('hex');
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, inner]) => [key, sorted(inner)]),
    );
  }
  return value;
}
