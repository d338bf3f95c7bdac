/**
 * API keys as a PSP hands them out: the publishable key may only create payment methods (it is safe
 * in a browser or in the shop's API), the secret key may do everything (only the payment worker has
 * it). Sent as `Authorization: Bearer <key>`; compared in constant time.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createMiddleware } from 'hono/factory';
import { ApiError } from './errors';

export interface ApiKeys {
  publishable: string;
  secret: string;
}

export const defaultKeys: ApiKeys = { publishable: 'pk_test_shop', secret: 'sk_test_shop' };

export type KeyKind = keyof ApiKeys;

export interface KeyEnv {
  Variables: { keyKind: KeyKind };
}

const digest = (text: string) => createHash('sha256').update(text).digest();
const sameKey = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));

/** Sets `keyKind` from the bearer key, or refuses with 401. */
export function authenticate(keys: ApiKeys) {
  return createMiddleware<KeyEnv>(async (c, next) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
    if (!match?.[1]) {
      throw new ApiError(401, 'unauthorized', 'Send an API key as Authorization: Bearer <key>');
    }
    const key = match[1];
    // Both comparisons always run, so the time taken does not tell which key was nearly right.
    const isSecret = sameKey(key, keys.secret);
    const isPublishable = sameKey(key, keys.publishable);
    if (!isSecret && !isPublishable) throw new ApiError(401, 'unauthorized', 'Unknown API key');
    c.set('keyKind', isSecret ? 'secret' : 'publishable');
    await next();
  });
}

/** Refuses a publishable key (403) on a route that needs the secret key. */
export const requireSecretKey = createMiddleware<KeyEnv>(async (c, next) => {
  if (c.get('keyKind') !== 'secret') {
    throw new ApiError(
      403,
      'forbidden',
      'This route needs the secret key; a publishable key may only create payment methods',
    );
  }
  await next();
});
