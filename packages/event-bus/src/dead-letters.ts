/**
 * Dead letters: jobs kept as failed after their last attempt (or at once, when they can never
 * succeed). `listDeadLetters` shows them with the reason; `replayDeadLetters` puts them back in
 * their queue — the handler's inbox makes a replay of an already handled event harmless.
 */
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { consumerNames, type ConsumerName } from '@shop/events/consumers';

export interface DeadLetter {
  queue: ConsumerName;
  jobId: string;
  event: string;
  orderId: string | undefined;
  attempts: number;
  reason: string;
  failedAt: string | undefined;
}

function queuesOf(redis: Redis, prefix: string, only?: readonly ConsumerName[]): Queue[] {
  return (only ?? consumerNames).map((name) => new Queue(name, { connection: redis, prefix }));
}

export async function listDeadLetters(
  redis: Redis,
  prefix: string,
  only?: readonly ConsumerName[],
): Promise<DeadLetter[]> {
  const queues = queuesOf(redis, prefix, only);
  try {
    const lists = await Promise.all(
      queues.map(async (queue) =>
        (await queue.getFailed(0, 999)).map((job) => ({
          queue: queue.name as ConsumerName,
          jobId: job.id ?? '',
          event: job.name,
          orderId: (job.data as { correlationId?: string } | undefined)?.correlationId,
          attempts: job.attemptsMade,
          reason: job.failedReason,
          failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : undefined,
        })),
      ),
    );
    return lists.flat();
  } finally {
    await Promise.all(queues.map((queue) => queue.close()));
  }
}

/** Replays the dead letters with `jobId` (in every queue that holds one), or all when it is absent. */
export async function replayDeadLetters(
  redis: Redis,
  prefix: string,
  { jobId, queues: only }: { jobId?: string; queues?: readonly ConsumerName[] } = {},
): Promise<number> {
  const queues = queuesOf(redis, prefix, only);
  try {
    let replayed = 0;
    for (const queue of queues) {
      const jobs = jobId ? [await queue.getJob(jobId)] : await queue.getFailed(0, 9_999);
      for (const job of jobs) {
        if (!job || (await job.getState()) !== 'failed') continue;
        await job.retry('failed', { resetAttemptsMade: true });
        replayed += 1;
      }
    }
    return replayed;
  } finally {
    await Promise.all(queues.map((queue) => queue.close()));
  }
}
