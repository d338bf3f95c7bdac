// What a stage-4 API needs around it in a bench: the card processor (it tokenizes the card during
// `orders.place`) and the payment service (the worker, which charges it), each as its own production
// process from the stage's own checkout, with the worker's own database and a queue prefix of its own on
// the bench's Redis. Everything is stopped, dropped and deleted at the end (and on Ctrl-C) by the
// lifecycle cleanups, in the reverse order: the API (started later) first, then the worker, the
// processor, the worker's database and the queues' keys.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { dropDatabase, withDatabase } from '../lib/db.mjs';
import { onCleanup } from '../lib/lifecycle.mjs';
import { capture } from '../lib/processes.mjs';
import { deleteKeysWithPrefix } from '../lib/redis-connection.mjs';
import { ensureRedisForQueues } from '../lib/services.mjs';
import { entryIn, workspaces } from './builds.mjs';
import { startServer } from './servers.mjs';
import { checkoutEnv } from './worktrees.mjs';

/** The processor's test keys (its defaults): the API holds the publishable one, the worker the secret one. */
const keys = { publishable: 'pk_test_shop', secret: 'sk_test_shop' };

/** A Redis for the queues, from `ensureRedisForQueues` (stopped at the end if the bench started it). */
export async function startRedis() {
  const redis = await ensureRedisForQueues();
  onCleanup(() => redis.stop());
  return redis;
}

/** A queue prefix no other run shares, in the form `deleteKeysWithPrefix` accepts ([\w-], no braces). */
export function benchQueuePrefix(label) {
  const slug = label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `shop-bench-${slug || 'run'}-${randomBytes(4).toString('hex')}`;
}

/** Creates and migrates the worker's database with the migrations of the checkout in `dir`. */
async function migrateWorkerDatabase(dir, url) {
  const started = performance.now();
  const result = await capture(process.execPath, ['--import', 'tsx', 'scripts/migrate.ts'], {
    cwd: path.join(dir, workspaces.worker.dir),
    env: checkoutEnv({ WORKER_DATABASE_URL: url }),
  });
  if (result.code !== 0)
    throw new Error(
      `migrating the worker database with ${path.join(dir, workspaces.worker.dir)}/scripts/migrate.ts failed ` +
        `(exit ${result.code}):\n${`${result.stdout}${result.stderr}`.trim().split('\n').slice(-20).join('\n')}`,
    );
  return Math.round(performance.now() - started);
}

/**
 * Starts the card processor and the worker of the checkout in `dir` (their built `dist/main.js`) for the
 * API named `label`: the worker on `workerDatabase` (dropped, recreated and migrated; dropped again at
 * the end unless `keep`) on the PostgreSQL `server`, both on `ports`, the queues under a fresh prefix on
 * `redisUrl`. Returns `apiEnv` (what the API needs to meet them), the prefix and the URLs.
 */
export async function startPaymentServices({
  label,
  dir,
  server,
  redisUrl,
  workerDatabase,
  ports,
  keep = false,
}) {
  const prefix = benchQueuePrefix(label);
  onCleanup(() => deleteKeysWithPrefix(redisUrl, prefix));
  const workerDatabaseUrl = withDatabase(server.url, workerDatabase);
  await dropDatabase(workerDatabaseUrl);
  if (!keep) onCleanup(() => dropDatabase(workerDatabaseUrl));
  const migrateMs = await migrateWorkerDatabase(dir, workerDatabaseUrl);

  const cardProcessorUrl = await startServer(
    `card processor (${label})`,
    entryIn(dir, workspaces.cardProcessor),
    {
      NODE_ENV: 'production',
      CARD_PROCESSOR_PORT: String(ports.cardProcessor),
      CARD_PROCESSOR_HOST: '127.0.0.1',
      CARD_PROCESSOR_PUBLISHABLE_KEY: keys.publishable,
      CARD_PROCESSOR_SECRET_KEY: keys.secret,
    },
    '/health',
    { cwd: path.join(dir, workspaces.cardProcessor.dir), port: ports.cardProcessor },
  );
  const workerUrl = await startServer(
    `worker (${label})`,
    entryIn(dir, workspaces.worker),
    {
      NODE_ENV: 'production',
      WORKER_DATABASE_URL: workerDatabaseUrl,
      WORKER_PORT: String(ports.worker),
      WORKER_HOST: '127.0.0.1',
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: prefix,
      CARD_PROCESSOR_URL: cardProcessorUrl,
      CARD_PROCESSOR_SECRET_KEY: keys.secret,
    },
    '/health',
    { cwd: path.join(dir, workspaces.worker.dir), port: ports.worker, readyLine: 'worker ready' },
  );
  return {
    prefix,
    workerDatabase,
    workerDatabaseUrl,
    migrateMs,
    cardProcessorUrl,
    workerUrl,
    apiEnv: {
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: prefix,
      CARD_PROCESSOR_URL: cardProcessorUrl,
      CARD_PROCESSOR_PUBLISHABLE_KEY: keys.publishable,
    },
  };
}
