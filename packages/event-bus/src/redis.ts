/**
 * Connections to Redis from `REDIS_URL`: `redis://`, `rediss://` (TLS) and `redis+unix:///path/to.sock`
 * (the private server `npm start` may start under .data/). Consumers need `maxRetriesPerRequest: null`
 * (BullMQ's blocking commands wait as long as it takes); producers fail fast instead, so a relay
 * whose Redis is down rolls back and keeps the events in the outbox.
 */
import { Redis, type RedisOptions } from 'ioredis';

export const defaultRedisUrl = 'redis://127.0.0.1:6379';

export function redisOptions(url: string): RedisOptions {
  const parsed = new URL(url);
  const auth = {
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
  };
  const db = Number(parsed.searchParams.get('db') ?? (parsed.pathname.slice(1) || 0));
  if (parsed.protocol === 'redis+unix:' || parsed.protocol === 'unix:')
    return {
      path: decodeURIComponent(parsed.pathname),
      ...auth,
      db: Number(parsed.searchParams.get('db') ?? 0),
    };
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:')
    throw new RangeError(
      `REDIS_URL must start with redis://, rediss:// or redis+unix:// (got ${parsed.protocol})`,
    );
  return {
    host: parsed.hostname || '127.0.0.1',
    port: Number(parsed.port || 6379),
    ...auth,
    db: Number.isInteger(db) ? db : 0,
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

/** A connection for BullMQ workers and queue events (blocking commands). */
export function consumerConnection(url: string): Redis {
  return quiet(new Redis({ ...redisOptions(url), maxRetriesPerRequest: null }));
}

/** A connection for producers and readers: a command fails within seconds when Redis is away. */
export function producerConnection(url: string): Redis {
  return quiet(
    new Redis({
      ...redisOptions(url),
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      connectTimeout: 2_000,
      retryStrategy: (times) => Math.min(times * 200, 2_000),
    }),
  );
}

/** Connection errors surface where they matter — as the failed command's rejection — not as an unhandled event. */
function quiet(redis: Redis): Redis {
  redis.on('error', () => undefined);
  return redis;
}
