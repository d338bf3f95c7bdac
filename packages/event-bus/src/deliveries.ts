/**
 * One event's delivery to one consumer, read back from the broker: the BullMQ job whose id is the
 * event's id in the consumer's queue (completed jobs stay a week, failed ones until replayed). It
 * is how a service sees what another service's consumer did with an event without reading that
 * service's database — the event journey reads it.
 */
import { Queue, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { ConsumerName } from '@shop/events/consumers';

export type JobState = 'waiting' | 'delayed' | 'active' | 'completed' | 'failed';

/** A job as the journey shows it; times in epoch milliseconds. */
export interface JobDelivery {
  state: JobState;
  attemptsStarted: number;
  attemptsMade: number;
  /** When the relay added the job. */
  queuedAt: number;
  /** When a delayed job is due; null for one added without a delay. */
  dueAt: number | null;
  processedOn: number | null;
  finishedOn: number | null;
  failedReason: string | null;
  /** The handler's one-line outcome (what the consumer runner returns). */
  returnValue: string | null;
  /** The envelope the job carries. */
  data: unknown;
}

export interface DeliveryReader {
  /** The job for `eventId` in `consumer`'s queue, or null when there is none (not yet, or no more). */
  find(consumer: ConsumerName, eventId: string): Promise<JobDelivery | null>;
  close(): Promise<void>;
}

const states: Record<string, JobState> = {
  waiting: 'waiting',
  prioritized: 'waiting',
  'waiting-children': 'waiting',
  delayed: 'delayed',
  active: 'active',
  completed: 'completed',
  failed: 'failed',
};

function deliveryOf(job: Job, state: JobState): JobDelivery {
  return {
    state,
    attemptsStarted: job.attemptsStarted,
    attemptsMade: job.attemptsMade,
    queuedAt: job.timestamp,
    dueAt: job.delay > 0 ? job.timestamp + job.delay : null,
    processedOn: job.processedOn ?? null,
    finishedOn: job.finishedOn ?? null,
    failedReason: job.failedReason || null,
    returnValue: typeof job.returnvalue === 'string' ? job.returnvalue : null,
    data: job.data,
  };
}

/** Reads deliveries through `redis` (a producer connection: fails fast when Redis is away). */
export function createDeliveryReader(redis: Redis, prefix: string): DeliveryReader {
  const queues = new Map<ConsumerName, Queue>();
  const queueFor = (consumer: ConsumerName) => {
    let queue = queues.get(consumer);
    if (!queue) {
      queue = new Queue(consumer, { connection: redis, prefix });
      queue.on('error', () => undefined);
      queues.set(consumer, queue);
    }
    return queue;
  };
  return {
    async find(consumer, eventId) {
      const job = await queueFor(consumer).getJob(eventId);
      if (!job) return null;
      const state = states[await job.getState()];
      // 'unknown': removed between the two reads.
      return state ? deliveryOf(job, state) : null;
    },
    async close() {
      await Promise.all([...queues.values()].map((queue) => queue.close()));
      queues.clear();
    },
  };
}
