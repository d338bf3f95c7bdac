/**
 * The worker process — the payment service, deployed on its own: read the environment, (optionally)
 * create and migrate its own database, publish its outbox (the relay), consume its queues, serve
 * `GET /health` on WORKER_HOST:WORKER_PORT, and shut down cleanly on SIGTERM/SIGINT. It logs
 * `worker ready` once its consumers take jobs and its port answers.
 */
import type { AddressInfo } from 'node:net';
import { startConsumer, type Consumer } from '@shop/event-bus/consumer';
import { createRelay } from '@shop/event-bus/relay';
import { producerConnection } from '@shop/event-bus/redis';
import type { ConsumerName } from '@shop/events/consumers';
import { paymentHandlers, type WorkerConsumers } from './consumers';
import { describeTarget, withMaintenanceClient, databaseName, quoteIdent } from './db/connection';
import { ensureDatabase } from './db/ensure-database';
import { migrate } from './db/migrate';
import { createPool } from './db/pool';
import { loadEnv } from './env';
import { createServer } from './http/server';
import { createLogger } from './log';
import { createCardProcessorClient } from './payment/card-processor-client';
import { notificationHandlers } from './notifications/handlers';
import { createMailer } from './notifications/mailer';

async function main(): Promise<void> {
  const env = loadEnv();
  const log = createLogger(env.LOG_LEVEL);
  const databaseUrl = env.WORKER_DATABASE_URL;
  if (env.WORKER_MIGRATE_ON_START === '1') {
    await ensureDatabase(databaseUrl);
    await migrate(databaseUrl);
  }
  const pool = createPool(databaseUrl);
  const processor = createCardProcessorClient({
    url: env.CARD_PROCESSOR_URL,
    secretKey: env.CARD_PROCESSOR_SECRET_KEY,
  });
  const redis = producerConnection(env.REDIS_URL);
  const relay = createRelay({
    databaseUrl,
    redis,
    prefix: env.QUEUE_PREFIX,
    eventLogDays: env.EVENT_LOG_DAYS,
    log,
  });
  relay.start();
  const mailer = createMailer({
    smtpUrl: env.SMTP_URL,
    mailDir: env.MAIL_DIR,
    from: env.MAIL_FROM,
  });
  // Two consumers of the same events (fan-out): each its own queue, retries and dead letters.
  const handlers: WorkerConsumers = {
    payment: paymentHandlers({ db: pool, processor }),
    notifications: notificationHandlers({ pool, mailer, log }),
  };
  const consumers: Consumer[] = Object.entries(handlers).map(([consumer, byEvent]) =>
    startConsumer({
      consumer: consumer as ConsumerName,
      redisUrl: env.REDIS_URL,
      prefix: env.QUEUE_PREFIX,
      handlers: byEvent,
      stalledIntervalMs: env.STALLED_INTERVAL_MS,
      log,
    }),
  );
  const server = createServer({
    pool,
    redis,
    prefix: env.QUEUE_PREFIX,
    opsTicketSecret: env.OPS_TICKET_SECRET,
    log,
  });
  server.on('error', (error: NodeJS.ErrnoException) => {
    const reason =
      error.code === 'EADDRINUSE'
        ? `port ${env.WORKER_PORT} is already in use (set WORKER_PORT to another port)`
        : error.message;
    log.fatal(`worker: cannot listen on ${env.WORKER_HOST}:${env.WORKER_PORT}: ${reason}`);
    process.exit(1);
  });
  await new Promise<void>((resolve) => server.listen(env.WORKER_PORT, env.WORKER_HOST, resolve));
  await Promise.all(consumers.map((consumer) => consumer.ready()));
  const { port } = server.address() as AddressInfo;
  log.info(
    {
      port,
      consumers: Object.keys(handlers),
      database: describeTarget(databaseUrl),
      mail: mailer.description,
    },
    `worker ready: http://${env.WORKER_HOST}:${port} (consumers: ${Object.keys(handlers).join(', ')})`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`worker: ${signal} received, shutting down`);
    const force = setTimeout(() => process.exit(1), 20_000);
    force.unref();
    server.close();
    server.closeIdleConnections();
    void (async () => {
      await Promise.all(consumers.map((consumer) => consumer.close().catch(() => undefined)));
      mailer.close();
      await relay.stop();
      redis.disconnect();
      await pool.end().catch(() => undefined);
      if (env.WORKER_DROP_DATABASE_ON_EXIT === '1')
        await withMaintenanceClient(databaseUrl, (client) =>
          client.query(
            `DROP DATABASE IF EXISTS ${quoteIdent(databaseName(databaseUrl))} WITH (FORCE)`,
          ),
        ).catch(() => undefined);
      process.exit(0);
    })();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(`worker: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
