/**
 * The worker process: read the environment, open the worker's own database, serve `GET /health` on
 * WORKER_HOST:WORKER_PORT, and shut down cleanly on SIGTERM/SIGINT. It does not migrate: run
 * `npm run db:migrate -w @shop/worker` first (provisioning does). The event consumers join here
 * once the event bus lands.
 */
import { loadEnv } from './env';
import { createPool } from './db/pool';
import { describeTarget } from './db/connection';
import { createServer } from './http/server';

function main(): void {
  const env = loadEnv();
  const pool = createPool(env.WORKER_DATABASE_URL);
  const server = createServer({ pool });

  server.on('error', (error: NodeJS.ErrnoException) => {
    const reason =
      error.code === 'EADDRINUSE'
        ? `port ${env.WORKER_PORT} is already in use (set WORKER_PORT to another port)`
        : error.message;
    console.error(`worker: cannot listen on ${env.WORKER_HOST}:${env.WORKER_PORT}: ${reason}`);
    process.exit(1);
  });
  server.listen(env.WORKER_PORT, env.WORKER_HOST, () => {
    console.log(
      `worker: listening on http://${env.WORKER_HOST}:${env.WORKER_PORT} (database ${describeTarget(env.WORKER_DATABASE_URL)})`,
    );
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`worker: ${signal} received, shutting down`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close(() => {
      void pool.end().finally(() => process.exit(0));
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

try {
  main();
} catch (error) {
  console.error(`worker: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
