/**
 * A consumer: a BullMQ worker on its own queue. Each job's data is checked against the event's
 * declaration first — an unknown event or version, or a payload that does not match, can never
 * succeed, so it goes straight to the dead letters instead of blocking anything. A handler that
 * throws is retried with exponential back-off (`jobOptions`); after the last attempt the job stays
 * failed (a dead letter) until someone replays it. Delivery is at least once: a worker that dies
 * mid-job leaves it stalled and BullMQ hands it out again, which is why every handler claims the
 * event in its inbox in the same transaction as its effect.
 */
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { parseEnvelope } from '@shop/events/catalogue';
import type { ConsumerName } from '@shop/events/consumers';
import type { Envelope } from '@shop/events/envelope';
import { consumerConnection } from './redis';
import { silentBusLog, type BusLog } from './log';
import { traceIdOf } from './trace';

export interface Delivery {
  /** 1 for the first delivery; more after failures or a stall. */
  attempt: number;
  jobId: string;
}

/** Handles one event; resolves with a one-line outcome for the log (and the journey). */
export type Handler = (envelope: Envelope, delivery: Delivery) => Promise<string | void>;

export interface ConsumerOptions {
  consumer: ConsumerName;
  redisUrl: string;
  prefix: string;
  /** Keyed by event name; an event this consumer receives without a handler is a dead letter. */
  handlers: Partial<Record<string, Handler>>;
  concurrency?: number;
  /** How soon a dead worker's job is handed out again (BullMQ's stalled check). */
  stalledIntervalMs?: number;
  log?: BusLog;
}

export interface Consumer {
  /** Resolves once the worker is connected and taking jobs. */
  ready(): Promise<void>;
  /** Stops taking jobs, lets the running ones finish, closes the connection. */
  close(): Promise<void>;
}

export function startConsumer({
  consumer,
  redisUrl,
  prefix,
  handlers,
  concurrency = 8,
  stalledIntervalMs = 5_000,
  log = silentBusLog,
}: ConsumerOptions): Consumer {
  const connection = consumerConnection(redisUrl);
  const processor = async (job: Job): Promise<string> => {
    const parsed = parseEnvelope(job.data);
    if (!parsed.ok) throw new UnrecoverableError(parsed.reason);
    const { envelope } = parsed;
    const handler = handlers[envelope.name];
    if (!handler) throw new UnrecoverableError(`${consumer} has no handler for ${envelope.name}`);
    const fields = {
      consumer,
      eventId: envelope.id,
      event: envelope.name,
      orderId: envelope.correlationId,
      traceId: traceIdOf(envelope.traceparent),
      attempt: job.attemptsMade + 1,
    };
    const started = Date.now();
    try {
      const outcome =
        (await handler(envelope, { attempt: fields.attempt, jobId: job.id ?? envelope.id })) ??
        'handled';
      log.info({ ...fields, outcome, ms: Date.now() - started }, 'event handled');
      return outcome;
    } catch (error) {
      log.warn(
        { ...fields, error: error instanceof Error ? error.message : String(error) },
        'event handler failed; it will be retried',
      );
      throw error;
    }
  };
  const worker = new Worker(consumer, processor, {
    connection,
    prefix,
    concurrency,
    stalledInterval: stalledIntervalMs,
    lockDuration: Math.max(stalledIntervalMs, 5_000),
    // A job whose worker died is handed out again this many times before it counts as failed.
    maxStalledCount: 10,
  });
  worker.on('error', (error) =>
    log.error({ consumer, error: error.message }, 'consumer connection error'),
  );
  worker.on('failed', (job, error) => {
    if (
      job &&
      (job.attemptsMade >= (job.opts.attempts ?? 1) || error instanceof UnrecoverableError)
    )
      log.error(
        {
          consumer,
          eventId: job.id,
          event: job.name,
          attempts: job.attemptsMade,
          error: error.message,
        },
        'event kept as a dead letter',
      );
  });
  return {
    ready: () => worker.waitUntilReady().then(() => undefined),
    async close() {
      await worker.close();
      connection.disconnect();
    },
  };
}
