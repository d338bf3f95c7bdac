/**
 * What a service's health endpoint reports about its events: the outbox's lag (how many committed
 * events wait to be published, and the age of the oldest) and the depth of its consumers' queues.
 * `serviceHealth` is the whole answer both services give on `GET /health`: one query and one
 * pipelined Redis round trip, each given at most a second, so a probe never hangs on a dead peer.
 */
import type pg from 'pg';
import type { Redis } from 'ioredis';
import type { ConsumerName } from '@shop/events/consumers';

export interface OutboxLag {
  unpublished: number;
  oldestAgeMs: number;
}

export async function outboxLag(db: Pick<pg.Pool, 'query'>): Promise<OutboxLag> {
  const { rows } = await db.query<{ unpublished: string; oldest_age_ms: string | null }>(
    'SELECT count(*) AS unpublished, (extract(epoch FROM now() - min(occurred_at)) * 1000)::bigint AS oldest_age_ms FROM outbox WHERE published_at IS NULL',
  );
  return {
    unpublished: Number(rows[0]?.unpublished ?? 0),
    oldestAgeMs: Math.max(0, Number(rows[0]?.oldest_age_ms ?? 0)),
  };
}

export type QueueDepths = Record<
  string,
  { waiting: number; active: number; delayed: number; failed: number; completed: number }
>;

/**
 * The keys BullMQ keeps each state in (`<prefix>:<queue>:<state>`), read with one pipeline rather
 * than a `Queue` per name. Waiting counts the plain and the prioritized waiting lists.
 */
const stateKeys = [
  ['wait', 'llen'],
  ['prioritized', 'zcard'],
  ['active', 'llen'],
  ['delayed', 'zcard'],
  ['failed', 'zcard'],
  ['completed', 'zcard'],
] as const;

export async function queueDepths(
  redis: Redis,
  prefix: string,
  names: readonly ConsumerName[],
): Promise<QueueDepths> {
  const pipeline = redis.pipeline();
  for (const name of names)
    for (const [state, command] of stateKeys) pipeline[command](`${prefix}:${name}:${state}`);
  const replies = (await pipeline.exec()) ?? [];
  const counts = replies.map(([error, count]) => {
    if (error) throw error;
    return Number(count);
  });
  const depths: QueueDepths = {};
  names.forEach((name, index) => {
    const [wait = 0, prioritized = 0, active = 0, delayed = 0, failed = 0, completed = 0] =
      counts.slice(index * stateKeys.length, (index + 1) * stateKeys.length);
    depths[name] = { waiting: wait + prioritized, active, delayed, failed, completed };
  });
  return depths;
}

/** An outbox whose oldest unpublished event is older than this makes the service `degraded`. */
export const maxHealthyOutboxAgeMs = 30_000;
/** How long each of the two reads may take before it counts as not answering. */
export const healthTimeoutMs = 1_000;

export interface ServiceHealth {
  /** `unavailable` (503): the service's own database is down; `degraded` (200): events are stuck. */
  status: 'ok' | 'degraded' | 'unavailable';
  database: 'ok' | 'unreachable';
  redis: 'ok' | 'unreachable';
  outbox: OutboxLag | null;
  queues: QueueDepths | null;
}

export interface ServiceHealthOptions {
  db: Pick<pg.Pool, 'query'>;
  /** A producer connection (`producerConnection`): a command fails at once when Redis is away. */
  redis: Redis;
  prefix: string;
  /** The service's own consumers (their queues' depths are reported). */
  consumers: readonly ConsumerName[];
  timeoutMs?: number;
  maxOutboxAgeMs?: number;
}

/** The service's health and the HTTP status to answer it with (503 only for its own database). */
export async function serviceHealth(
  options: ServiceHealthOptions,
): Promise<{ httpStatus: 200 | 503; body: ServiceHealth }> {
  const timeoutMs = options.timeoutMs ?? healthTimeoutMs;
  const [outbox, queues] = await Promise.all([
    settled(within(outboxLag(options.db), timeoutMs)),
    settled(within(queueDepths(options.redis, options.prefix, options.consumers), timeoutMs)),
  ]);
  const stuck =
    outbox !== null && outbox.oldestAgeMs > (options.maxOutboxAgeMs ?? maxHealthyOutboxAgeMs);
  const status = outbox === null ? 'unavailable' : queues === null || stuck ? 'degraded' : 'ok';
  return {
    httpStatus: status === 'unavailable' ? 503 : 200,
    body: {
      status,
      database: outbox === null ? 'unreachable' : 'ok',
      redis: queues === null ? 'unreachable' : 'ok',
      outbox,
      queues,
    },
  };
}

function settled<T>(promise: Promise<T>): Promise<T | null> {
  return promise.then(
    (value) => value,
    () => null,
  );
}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
