/**
 * What the API's `GET /health` reports (`@shop/event-bus/health`): its database, the outbox's lag
 * and the depths of its own consumers' queues (`ordering`, `checkout-timeouts`). It keeps a pool of
 * one connection and a fail-fast Redis connection of its own, so a probe never waits behind
 * checkouts for a connection; made by the composition root, closed at shutdown.
 */
import pg from 'pg';
import { serviceHealth } from '@shop/event-bus/health';
import { producerConnection } from '@shop/event-bus/redis';
import { consumerNames, consumers } from '@shop/events/consumers';

export interface HealthOptions {
  databaseUrl: string;
  redisUrl: string;
  prefix: string;
}

const ownConsumers = consumerNames.filter((name) => consumers[name].service === 'api');

export function createServiceHealth({ databaseUrl, redisUrl, prefix }: HealthOptions) {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 1,
    connectionTimeoutMillis: 1_000,
  });
  pool.on('error', () => undefined);
  const redis = producerConnection(redisUrl);
  return {
    check: () => serviceHealth({ db: pool, redis, prefix, consumers: ownConsumers }),
    async close(): Promise<void> {
      redis.disconnect();
      await pool.end().catch(() => undefined);
    },
  };
}
