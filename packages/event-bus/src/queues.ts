/**
 * The queues: one per consumer (`@shop/events/consumers`), named after it, under a prefix
 * (`QUEUE_PREFIX`, default `{shop}` — the braces keep every key of a queue in one Redis Cluster
 * slot). The job options are the retry and dead-letter policy every event shares.
 */
import type { JobsOptions } from 'bullmq';

export const defaultQueuePrefix = '{shop}';

/** Attempts before a job is kept as failed (a dead letter), with exponential back-off between. */
export const deliveryAttempts = 8;

export const jobOptions = {
  attempts: deliveryAttempts,
  backoff: { type: 'exponential', delay: 200 },
  // Completed jobs stay a week: their ids still dedupe a second publish, and the event journey
  // reads when each consumer took the event.
  removeOnComplete: { age: 7 * 24 * 3600, count: 50_000 },
  // Failed jobs are the dead letters: kept until someone replays or removes them.
  removeOnFail: false,
} satisfies JobsOptions;
