// What `npm start`, `npm run dev`, `npm run worker` and `npm run processor` share: the shop's
// database, the worker's database, Redis for the queues, and the processes of app-services.mjs run
// side by side with prefixed logs until Ctrl-C or until one of them exits.
import process from 'node:process';
import { UserError, colour, step } from './log.mjs';
import { isShuttingDown, onCleanup, runCleanups } from './lifecycle.mjs';
import { run, startService, stopServices, waitUntilHealthy } from './processes.mjs';
import { WORKER_DATABASE, shopServices } from './app-services.mjs';

/** Environment every child gets: no telemetry calls from turbo or next (no internet here). */
export const quietEnv = {
  TURBO_TELEMETRY_DISABLED: '1',
  NEXT_TELEMETRY_DISABLED: '1',
  DO_NOT_TRACK: '1',
};

function npmRun(script, workspace, env) {
  const args = ['run', '--silent', script, ...(workspace ? ['-w', workspace] : [])];
  return run('npm', args, { env: { ...process.env, ...quietEnv, ...env } });
}

/** Provisions Postgres; the URL names `database` on it (DATABASE_URL unchanged when set). */
export async function preparePostgres(database) {
  const { ensurePostgres } = await import('./services.mjs');
  const postgres = await ensurePostgres({ database });
  onCleanup(postgres.stop);
  return postgres.url;
}

/** Provisions Postgres, creates the `shop` database, applies migrations, seeds when empty. */
export async function prepareAppDatabase() {
  const { ensureDatabase } = await import('./services.mjs');
  const url = await preparePostgres('shop');
  await ensureDatabase(url);
  step('Applying migrations: npm run db:migrate');
  if ((await npmRun('db:migrate', null, { DATABASE_URL: url })) !== 0)
    throw new UserError(
      'Migrations failed (see above); the database was left as it was before the failed migration.',
    );
  step('Seeding the demo catalog when empty: npm run db:seed');
  if ((await npmRun('db:seed', null, { DATABASE_URL: url })) !== 0)
    throw new UserError('Seeding failed (see above).');
  return url;
}

/**
 * The worker's own database: WORKER_DATABASE_URL when set, else `database` (shop_worker) on the
 * server `serverUrl` names. Created when missing and migrated by the worker's own command
 * (`npm run db:migrate -w @shop/worker`); resolves to its URL.
 * @param {string} serverUrl any database on the server (the shop's URL will do)
 * @param {{ env?: NodeJS.ProcessEnv, database?: string }} [options]
 */
export async function prepareWorkerDatabase(serverUrl, options = {}) {
  const { env = process.env, database = WORKER_DATABASE } = options;
  const { redactUrl, withDatabase } = await import('./db.mjs');
  const url = env.WORKER_DATABASE_URL || withDatabase(serverUrl, database);
  step(`Worker database ${redactUrl(url)}: npm run db:migrate -w @shop/worker`);
  if ((await npmRun('db:migrate', '@shop/worker', { WORKER_DATABASE_URL: url })) !== 0)
    throw new UserError(
      "The worker's database could not be created or migrated (see above); a failed migration " +
        'leaves it as it was. Fix the cause, or set WORKER_DATABASE_URL to a database the worker may ' +
        'create and change.',
    );
  return url;
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

/** Builds `workspaces` (all when none are named) for production; turbo caches what did not change. */
export async function buildForProduction(workspaces = []) {
  const filters = workspaces.map((name) => `--filter=${name}`);
  step(
    `Building for production (cached when nothing changed): turbo run build ${filters.join(' ')}`,
  );
  const built = await run('npx', ['turbo', 'run', 'build', ...filters, '--output-logs=new-only'], {
    env: { ...process.env, ...quietEnv },
  });
  if (built !== 0) throw new UserError('The production build failed (see above).');
}

/**
 * Runs `npm run <script> -w <workspace>` for each of `specs` (app-services.mjs) with prefixed logs,
 * until one of them exits or a signal arrives; calls `onReady()` once every health URL answers.
 * One process exiting, or Ctrl-C, stops all of them.
 * @param {import('./app-services.mjs').AppService[]} specs
 * @param {{ script: 'start' | 'dev', healthTimeoutMs: number, onReady: () => void }} options
 */
export async function runServices(specs, { script, healthTimeoutMs, onReady }) {
  const services = specs.map((spec) =>
    startService({
      name: spec.name,
      prefix: colour(spec.colour, `[${spec.name}]`),
      command: 'npm',
      args: ['run', '--silent', script, '-w', spec.workspace],
      env: { ...quietEnv, ...spec.env },
    }),
  );
  onCleanup(() => stopServices(services));

  const firstExit = Promise.race(
    services.map((service) => service.exited.then((result) => ({ service, result }))),
  );
  try {
    await Promise.all(
      services.map((service, index) =>
        waitUntilHealthy(service, specs[index].healthUrl, {
          timeoutMs: healthTimeoutMs,
          abort: firstExit,
        }),
      ),
    );
    onReady();
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

const link = (url) => colour('bold', url);

/**
 * Runs the whole shop (card processor, worker, api, web) until Ctrl-C or until one of them exits;
 * prints the URLs once all four answer.
 */
export async function runApps({
  script,
  databaseUrl,
  workerDatabaseUrl,
  redisUrl,
  nodeEnv,
  healthTimeoutMs,
}) {
  const specs = shopServices({ nodeEnv, databaseUrl, workerDatabaseUrl, redisUrl });
  const [processor, worker, api, web] = specs.map((spec) => new URL(spec.healthUrl).origin);
  await runServices(specs, {
    script,
    healthTimeoutMs,
    onReady: () =>
      console.log(
        `\n${colour('green', '✔')} The shop is running: ${link(web.replace('127.0.0.1', 'localhost'))}` +
          `  (API ${api}/trpc) — Ctrl-C stops everything.\n` +
          `  worker (operators): ${link(worker)}   card processor: ${processor}\n`,
      ),
  });
}
