/**
 * The broker's side of the story: the jobs each consumer's queue holds (BullMQ on Redis) — how
 * often each was started (more than once: handed out again after a failure or a stall), what its
 * handler answered, and which are dead letters. Also the clean-up of a run's keys.
 */
import { Queue, type JobType } from 'bullmq';
import { Redis } from 'ioredis';

export interface JobFacts {
  id: string;
  name: string;
  state: 'completed' | 'failed' | 'waiting' | 'active' | 'delayed' | 'prioritized';
  attemptsStarted: number;
  attemptsMade: number;
  stalledCounter: number;
  outcome: string | null;
  failedReason: string | null;
}

const states: JobType[] = ['completed', 'failed', 'waiting', 'active', 'delayed', 'prioritized'];

function connection(redisUrl: string): Redis {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
  redis.on('error', () => undefined);
  return redis;
}

async function withQueue<T>(
  redisUrl: string,
  prefix: string,
  name: string,
  work: (queue: Queue) => Promise<T>,
): Promise<T> {
  const redis = connection(redisUrl);
  const queue = new Queue(name, { connection: redis, prefix });
  queue.on('error', () => undefined);
  try {
    return await work(queue);
  } finally {
    await queue.close().catch(() => undefined);
    redis.disconnect();
  }
}

/** Every job the queue holds, with its state. */
export function queueJobs(redisUrl: string, prefix: string, name: string): Promise<JobFacts[]> {
  return withQueue(redisUrl, prefix, name, async (queue) => {
    const facts: JobFacts[] = [];
    for (const state of states) {
      const jobs = await queue.getJobs([state], 0, -1);
      for (const job of jobs) {
        if (!job?.id) continue;
        facts.push({
          id: job.id,
          name: job.name,
          state: state as JobFacts['state'],
          attemptsStarted: job.attemptsStarted ?? 0,
          attemptsMade: job.attemptsMade ?? 0,
          stalledCounter: job.stalledCounter ?? 0,
          outcome: typeof job.returnvalue === 'string' ? job.returnvalue : null,
          failedReason: job.failedReason ?? null,
        });
      }
    }
    return facts;
  });
}

/** Jobs not finished yet: waiting, active, delayed (retries and timers included). */
export function unfinishedCount(redisUrl: string, prefix: string, name: string): Promise<number> {
  return withQueue(redisUrl, prefix, name, async (queue) => {
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    return Object.values(counts).reduce((sum, count) => sum + count, 0);
  });
}

/** Jobs running right now. */
export function activeCount(redisUrl: string, prefix: string, name: string): Promise<number> {
  return withQueue(redisUrl, prefix, name, (queue) => queue.getActiveCount());
}

/** Moves every delayed job of the queue to waiting: its timer fires now. */
export function promoteDelayed(redisUrl: string, prefix: string, name: string): Promise<number> {
  return withQueue(redisUrl, prefix, name, async (queue) => {
    const delayed = await queue.getDelayedCount();
    if (delayed > 0) await queue.promoteJobs();
    return delayed;
  });
}

/** Deletes every key under `prefix:` (the run's queues). */
export async function deleteQueueKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = connection(redisUrl);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length) await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
