/**
 * What a service's health endpoint reports about its events: the outbox's lag (how many committed
 * events wait to be published, and the age of the oldest) and the depth of its consumers' queues.
 */
import { Queue } from 'bullmq';
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

export async function queueDepths(
  redis: Redis,
  prefix: string,
  names: readonly ConsumerName[],
): Promise<QueueDepths> {
  const depths: QueueDepths = {};
  await Promise.all(
    names.map(async (name) => {
      const queue = new Queue(name, { connection: redis, prefix });
      try {
        const counts = await queue.getJobCounts(
          'waiting',
          'active',
          'delayed',
          'failed',
          'completed',
        );
        depths[name] = {
          waiting: counts.waiting ?? 0,
          active: counts.active ?? 0,
          delayed: counts.delayed ?? 0,
          failed: counts.failed ?? 0,
          completed: counts.completed ?? 0,
        };
      } finally {
        await queue.close();
      }
    }),
  );
  return depths;
}
