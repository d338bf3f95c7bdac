/**
 * The event journey's reads of the broker: an event's job in a consumer's queue, under this
 * process's `QUEUE_PREFIX`. The Redis connection is opened on the first read (most processes never
 * show a journey) and fails fast when Redis is away, so the journey answers from the database alone.
 */
import { createDeliveryReader, type DeliveryReader } from '@shop/event-bus/deliveries';
import { producerConnection } from '@shop/event-bus/redis';
import type { ConsumerName } from '@shop/events/consumers';
import type { Envelope } from '@shop/events/envelope';

const at = (ms: number | null) => (ms === null ? null : new Date(ms));

/** BullMQ waits for a connection as long as it takes; the journey does not. */
const answerWithinMs = 2_000;

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

function eventOf(data: unknown) {
  const envelope = data as Partial<Envelope> | null;
  if (!envelope || typeof envelope.occurredAt !== 'string' || !envelope.name) return null;
  return {
    name: envelope.name,
    producer: envelope.producer === 'worker' ? ('worker' as const) : ('api' as const),
    causationId: envelope.causationId ?? null,
    occurredAt: envelope.occurredAt,
  };
}

export function createDeliveries(options: { redisUrl: string; prefix: string }) {
  let redis: ReturnType<typeof producerConnection> | null = null;
  let reader: DeliveryReader | null = null;
  const open = () => {
    redis ??= producerConnection(options.redisUrl);
    return (reader ??= createDeliveryReader(redis, options.prefix));
  };
  return {
    async find(consumer: ConsumerName, eventId: string) {
      // Known to be away: say so at once rather than after the wait.
      if (redis?.status === 'reconnecting') throw new Error('Redis is unreachable (reconnecting)');
      const job = await within(open().find(consumer, eventId), answerWithinMs);
      if (!job) return null;
      return {
        state: job.state,
        attemptsStarted: job.attemptsStarted,
        attemptsMade: job.attemptsMade,
        queuedAt: new Date(job.queuedAt),
        dueAt: at(job.dueAt),
        processedOn: at(job.processedOn),
        finishedOn: at(job.finishedOn),
        failedReason: job.failedReason,
        outcome: job.returnValue,
        event: eventOf(job.data),
      };
    },
    async close() {
      redis?.disconnect();
      await within(reader?.close() ?? Promise.resolve(), answerWithinMs).catch(() => undefined);
      reader = null;
      redis = null;
    },
  };
}

export type DeliveriesAdapter = ReturnType<typeof createDeliveries>;
