/**
 * Process entry: read the environment, open the database, serve, and shut down cleanly on
 * SIGTERM/SIGINT (stop accepting, finish in-flight requests, close the pool).
 */
import { createDatabase } from './infrastructure/db/client';
import { loadEnv } from './env';
import { createLogger } from './infrastructure/log';
import { shutdownGraceMs } from './infrastructure/db/transactions';
import { expireReservations } from './application/ordering/expire-reservations';
import { sweepIntervalMs } from './application/ordering/reservation-sweeper';
import { startEventServices } from './infrastructure/events/event-services';
import { createServiceHealth } from './infrastructure/events/service-health';
import { startGuestCartSweeper } from './application/shopping/guest-cart-sweeper';
import { configurePasswordQueue } from './infrastructure/security/password-queue';
import { createServer } from './presentation/http/server';
import { createPorts, createRuntime, eventHandlers } from './wiring';

function main(): void {
  const env = loadEnv();
  const logger = createLogger({ mode: env.NODE_ENV, level: env.LOG_LEVEL });
  const db = createDatabase(env.DATABASE_URL);
  configurePasswordQueue({
    concurrency: env.PASSWORD_HASH_CONCURRENCY,
    maxWaiting: env.PASSWORD_HASH_QUEUE,
    maxPerClient: env.PASSWORD_HASH_PER_CLIENT,
  });
  const passwordLimit = { max: env.LOGIN_MAX_ATTEMPTS, windowMinutes: env.LOGIN_WINDOW_MINUTES };
  const runtime = createRuntime(db, {
    databaseUrl: env.DATABASE_URL,
    cardProcessor: {
      url: env.CARD_PROCESSOR_URL,
      publishableKey: env.CARD_PROCESSOR_PUBLISHABLE_KEY,
    },
    reservationMs: env.RESERVATION_MINUTES * 60_000,
    ops: { ticketSecret: env.OPS_TICKET_SECRET, workerPublicUrl: env.WORKER_PUBLIC_URL },
    queues: { redisUrl: env.REDIS_URL, prefix: env.QUEUE_PREFIX },
  });
  const ports = createPorts(db, logger, runtime);
  // The outbox's relay, the consumers of payment's answers and of ended reservations, and the
  // broker-scheduled safety sweep for any reservation whose own timer was missed.
  const events = startEventServices({
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    prefix: env.QUEUE_PREFIX,
    log: logger,
    eventLogDays: env.EVENT_LOG_DAYS,
    consumers: eventHandlers(ports, logger, runtime),
    sweep: {
      name: 'reservation-sweep',
      everyMs: sweepIntervalMs(env.RESERVATION_MINUTES * 60_000),
      run: () =>
        expireReservations(
          { ...ports.ordering, log: logger },
          { ttlMs: env.RESERVATION_MINUTES * 60_000 },
        ),
    },
  });
  const health = createServiceHealth({
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    prefix: env.QUEUE_PREFIX,
  });
  const server = createServer({
    ports,
    health: health.check,
    logger,
    allowedOrigins: env.ALLOWED_ORIGINS,
    production: env.NODE_ENV === 'production',
    ...(env.PUBLIC_ORIGIN ? { publicOrigin: env.PUBLIC_ORIGIN } : {}),
    trustedProxies: env.TRUSTED_PROXIES,
    maxBatchSize: env.MAX_BATCH_SIZE,
    auth: {
      logIn: passwordLimit,
      logInPerEmail: { max: env.LOGIN_MAX_PER_EMAIL, windowMinutes: env.LOGIN_WINDOW_MINUTES },
      changePassword: passwordLimit,
      signUp: { max: env.SIGNUP_MAX_PER_ADDRESS, windowMinutes: env.SIGNUP_WINDOW_MINUTES },
      sessionIdleDays: env.SESSION_IDLE_DAYS,
    },
    guestCartLimit: {
      max: env.GUEST_CARTS_PER_ADDRESS,
      windowMinutes: env.GUEST_CARTS_WINDOW_MINUTES,
    },
    checkout: { waitMs: env.CHECKOUT_WAIT_MS },
  });

  server.on('error', (error: NodeJS.ErrnoException) => {
    const reason =
      error.code === 'EADDRINUSE'
        ? `port ${env.PORT} is already in use (set PORT to another port)`
        : error.message;
    logger.fatal(`api: cannot listen on ${env.HOST}:${env.PORT}: ${reason}`);
    process.exit(1);
  });
  const guestCarts = startGuestCartSweeper({
    shopping: { ...ports.shopping, log: logger },
    idleMs: env.GUEST_CART_DAYS * 24 * 60 * 60_000,
  });
  server.listen(env.PORT, env.HOST, () => {
    logger.info(`api: listening on http://${env.HOST}:${env.PORT} (tRPC at /trpc)`);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`api: ${signal} received, shutting down`);
    // Longer than a transaction may run: one in flight commits or rolls back, never cut off.
    const force = setTimeout(() => process.exit(1), shutdownGraceMs);
    force.unref();
    const sweeping = Promise.all([
      events.close(),
      runtime.settlements.close(),
      runtime.deliveries.close(),
      guestCarts.stop(),
      health.close(),
    ]);
    server.close(() => {
      void sweeping.then(() => db.$disconnect()).finally(() => process.exit(0));
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

try {
  main();
} catch (error) {
  console.error(`api: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
