/**
 * The API's part in the event flow, started by the composition root: the relay publishing its
 * outbox, its two consumers (`ordering`: payment's answers; `checkout-timeouts`: reservations that
 * ended) and the safety sweep the broker schedules. The consumer runner logs each event handled
 * with the event id, the order id and the trace id.
 */
import { startConsumer, type Consumer, type Handler } from '@shop/event-bus/consumer';
import type { BusLog } from '@shop/event-bus/log';
import { createRelay, type Relay } from '@shop/event-bus/relay';
import { producerConnection } from '@shop/event-bus/redis';
import { startSchedule, type Schedule } from '@shop/event-bus/schedule';
import type { ConsumerName } from '@shop/events/consumers';

export interface EventServicesOptions {
  databaseUrl: string;
  redisUrl: string;
  prefix: string;
  log: BusLog;
  consumers: Partial<Record<ConsumerName, Record<string, Handler>>>;
  /** A periodic safety run (the reservation sweep), kept by the broker; omitted: none. */
  sweep?: { name: string; everyMs: number; run: () => Promise<unknown> };
  eventLogDays?: number;
  /** How soon a dead process's job is handed out again. */
  stalledIntervalMs?: number;
}

export interface EventServices {
  relay: Relay;
  /** Resolves once every consumer takes jobs. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export function startEventServices(options: EventServicesOptions): EventServices {
  const redis = producerConnection(options.redisUrl);
  const relay = createRelay({
    databaseUrl: options.databaseUrl,
    redis,
    prefix: options.prefix,
    log: options.log,
    ...(options.eventLogDays !== undefined ? { eventLogDays: options.eventLogDays } : {}),
  });
  relay.start();
  const consumers: Consumer[] = Object.entries(options.consumers).map(([consumer, handlers]) =>
    startConsumer({
      consumer: consumer as ConsumerName,
      redisUrl: options.redisUrl,
      prefix: options.prefix,
      handlers,
      log: options.log,
      ...(options.stalledIntervalMs ? { stalledIntervalMs: options.stalledIntervalMs } : {}),
    }),
  );
  const schedules: Schedule[] = options.sweep
    ? [
        startSchedule({
          ...options.sweep,
          redisUrl: options.redisUrl,
          prefix: options.prefix,
          log: options.log,
        }),
      ]
    : [];
  return {
    relay,
    ready: () => Promise.all(consumers.map((consumer) => consumer.ready())).then(() => undefined),
    async close() {
      await Promise.all([...consumers, ...schedules].map((part) => part.close()));
      await relay.stop();
      redis.disconnect();
    },
  };
}
