/**
 * A periodic job kept by the broker (`upsertJobScheduler`): however many processes start it, one
 * scheduler exists per name and each run goes to one of them. For safety sweeps that must happen
 * somewhere, once per period, whichever processes are up.
 */
import { Queue, Worker } from 'bullmq';
import { consumerConnection, producerConnection } from './redis';
import { silentBusLog, type BusLog } from './log';

export interface ScheduleOptions {
  name: string;
  redisUrl: string;
  prefix: string;
  everyMs: number;
  run: () => Promise<unknown>;
  log?: BusLog;
}

export interface Schedule {
  close(): Promise<void>;
}

export function startSchedule({
  name,
  redisUrl,
  prefix,
  everyMs,
  run,
  log = silentBusLog,
}: ScheduleOptions): Schedule {
  const queueConnection = producerConnection(redisUrl);
  const workerConnection = consumerConnection(redisUrl);
  const queue = new Queue(name, { connection: queueConnection, prefix });
  queue.on('error', () => undefined);
  void queue
    .upsertJobScheduler(
      name,
      { every: everyMs },
      { name, opts: { removeOnComplete: 10, removeOnFail: 50 } },
    )
    .catch((error: unknown) =>
      log.warn(
        { schedule: name, error: error instanceof Error ? error.message : String(error) },
        'schedule not set; it is set again at the next start',
      ),
    );
  const worker = new Worker(name, async () => run(), {
    connection: workerConnection,
    prefix,
    concurrency: 1,
  });
  worker.on('error', () => undefined);
  worker.on('failed', (_job, error) =>
    log.warn({ schedule: name, error: error.message }, 'scheduled run failed'),
  );
  return {
    async close() {
      await worker.close();
      await queue.close();
      queueConnection.disconnect();
      workerConnection.disconnect();
    },
  };
}
