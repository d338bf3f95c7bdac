// What `npm start` and `npm run dev` share: the app database, Redis for the queues, and api + web
// run side by side.
import process from 'node:process';
import { UserError, colour, step } from './log.mjs';
import { isShuttingDown, onCleanup, runCleanups } from './lifecycle.mjs';
import { run, startService, stopServices, waitUntilHealthy } from './processes.mjs';

export const API_PORT = 4000;
export const WEB_PORT = 3000;

/** Environment every child gets: no telemetry calls from turbo or next (no internet here). */
export const quietEnv = {
  TURBO_TELEMETRY_DISABLED: '1',
  NEXT_TELEMETRY_DISABLED: '1',
  DO_NOT_TRACK: '1',
};

async function npmScript(script, env) {
  return run('npm', ['run', '--silent', script], { env: { ...process.env, ...quietEnv, ...env } });
}

/** Provisions Postgres, creates the `shop` database, applies migrations, seeds when empty. */
export async function prepareAppDatabase() {
  const { ensurePostgres, ensureDatabase } = await import('./services.mjs');
  const postgres = await ensurePostgres({ database: 'shop' });
  onCleanup(postgres.stop);
  await ensureDatabase(postgres.url);
  step('Applying migrations: npm run db:migrate');
  if ((await npmScript('db:migrate', { DATABASE_URL: postgres.url })) !== 0)
    throw new UserError(
      'Migrations failed (see above); the database was left as it was before the failed migration.',
    );
  step('Seeding the demo catalog when empty: npm run db:seed');
  if ((await npmScript('db:seed', { DATABASE_URL: postgres.url })) !== 0)
    throw new UserError('Seeding failed (see above).');
  return postgres.url;
}

/**
 * Provisions Redis and checks that queues can live in it (eviction policy, persistence, version).
 * QUEUE_PREFIX stays unset, so the apps use their default prefix.
 */
export async function prepareRedis() {
  const { ensureRedisForQueues } = await import('./services.mjs');
  const redis = await ensureRedisForQueues();
  onCleanup(redis.stop);
  return redis.url;
}

/**
 * Runs api and web (`npm run <script> -w …`) with prefixed logs until one of them exits or a
 * signal arrives; prints the URL once both answer.
 */
export async function runApps({ script, databaseUrl, redisUrl, nodeEnv, healthTimeoutMs }) {
  const services = [
    startService({
      name: 'api',
      prefix: colour('cyan', '[api]'),
      command: 'npm',
      args: ['run', '--silent', script, '-w', '@shop/api'],
      env: {
        ...quietEnv,
        NODE_ENV: nodeEnv,
        PORT: String(API_PORT),
        DATABASE_URL: databaseUrl,
        REDIS_URL: redisUrl,
        ALLOWED_ORIGINS: `http://localhost:${WEB_PORT},http://127.0.0.1:${WEB_PORT}`,
      },
    }),
    startService({
      name: 'web',
      prefix: colour('magenta', '[web]'),
      command: 'npm',
      args: ['run', '--silent', script, '-w', '@shop/web'],
      env: {
        ...quietEnv,
        NODE_ENV: nodeEnv,
        PORT: String(WEB_PORT),
        API_URL: `http://127.0.0.1:${API_PORT}`,
      },
    }),
  ];
  onCleanup(() => stopServices(services));

  const firstExit = Promise.race(
    services.map((service) => service.exited.then((result) => ({ service, result }))),
  );
  const healthy = (service, url) =>
    waitUntilHealthy(service, url, { timeoutMs: healthTimeoutMs, abort: firstExit });
  try {
    await Promise.all([
      healthy(services[0], `http://127.0.0.1:${API_PORT}/health`),
      healthy(services[1], `http://127.0.0.1:${WEB_PORT}/`),
    ]);
    console.log(
      `\n${colour('green', '✔')} The shop is running: ${colour('bold', `http://localhost:${WEB_PORT}`)}` +
        `  (API http://127.0.0.1:${API_PORT}/trpc) — Ctrl-C stops everything.\n`,
    );
  } catch (error) {
    if (isShuttingDown()) return;
    await runCleanups();
    throw new UserError(error.message);
  }
  const { service, result } = await firstExit;
  if (isShuttingDown()) return;
  await runCleanups();
  throw new UserError(
    `${service.name} exited (${result.signal ?? `code ${result.code}`}); stopped everything.`,
  );
}
