// `npm test`: from a fresh clone, every check in order — typecheck, lint, unit, integration,
// end-to-end — against a Postgres and (for int and e2e) a Redis the script provides; the run's
// queues get their own QUEUE_PREFIX (shop-test-<8 hex>), deleted from Redis at the end. Each stage
// runs even when an earlier one failed, so one run shows everything that is broken. The last line
// is always `tests: N passed, N failed`; a stage that fails without test counts (typecheck, lint,
// build, a crashed runner) counts as one failure. Exit status 1 on any failure.
//
//   npm test                      everything
//   npm test -- --only unit,int   some stages (typecheck, lint, unit, int, e2e)
//   npm test -- --skip e2e        all but some
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { parseCli } from './lib/cli.mjs';
import { colour, info, step, UserError } from './lib/log.mjs';
import { handleSignals, onCleanup, runCleanups, runMain } from './lib/lifecycle.mjs';
import { lint } from './lib/lint.mjs';
import { preflight } from './lib/preflight.mjs';
import {
  check,
  printSummary,
  recordSetupFailure,
  reportsDir,
  stage,
  vitestTier,
} from './lib/pipeline.mjs';
import { endToEnd } from './lib/e2e.mjs';

const STAGES = ['typecheck', 'lint', 'unit', 'int', 'e2e'];

function selectedStages() {
  const flags = parseCli({
    options: { only: { type: 'string', multiple: true }, skip: { type: 'string', multiple: true } },
    usage: `npm test -- [--only stage,stage] [--skip stage,stage] (stages: ${STAGES.join(', ')})`,
  });
  const list = (values) => values?.flatMap((value) => value.split(',')).filter(Boolean);
  const only = list(flags.only);
  const skip = list(flags.skip) ?? [];
  for (const name of [...(only ?? []), ...skip])
    if (!STAGES.includes(name))
      throw new UserError(`Unknown stage "${name}"; stages are ${STAGES.join(', ')}.`);
  return STAGES.filter((name) => (only ? only.includes(name) : true) && !skip.includes(name));
}

/**
 * A Redis the queues can live in, and this run's own prefix on it: { REDIS_URL, QUEUE_PREFIX } for
 * the int and e2e stages. The run's keys are deleted when it ends.
 */
async function provideQueues() {
  const { ensureRedisForQueues } = await import('./lib/services.mjs');
  const { deleteKeysWithPrefix } = await import('./lib/redis-connection.mjs');
  const redis = await ensureRedisForQueues();
  onCleanup(redis.stop);
  const prefix = `shop-test-${randomBytes(4).toString('hex')}`;
  info(`queues: QUEUE_PREFIX=${prefix}`);
  onCleanup(() => deleteKeysWithPrefix(redis.url, prefix));
  return { REDIS_URL: redis.url, QUEUE_PREFIX: prefix };
}

async function main() {
  const stages = selectedStages();
  await preflight();
  mkdirSync(reportsDir, { recursive: true });
  const { ensurePostgres } = await import('./lib/services.mjs');
  const postgres = await ensurePostgres({ database: 'postgres' });
  onCleanup(postgres.stop);
  const databaseUrl = postgres.url;
  const queueEnv = stages.some((name) => name === 'int' || name === 'e2e')
    ? await provideQueues()
    : {};

  if (stages.includes('typecheck'))
    await stage('typecheck', () =>
      check('npx', ['turbo', 'run', 'typecheck', '--continue', '--output-logs=new-only']),
    );
  if (stages.includes('lint')) await stage('lint', () => lint(check, step));
  if (stages.includes('unit')) await stage('unit', () => vitestTier('unit'));
  if (stages.includes('int'))
    await stage('int', () => vitestTier('int', { DATABASE_URL: databaseUrl, ...queueEnv }));
  if (stages.includes('e2e')) await stage('e2e', () => endToEnd(databaseUrl, queueEnv));
}

await runMain(async () => {
  handleSignals();
  try {
    await main();
  } catch (error) {
    console.error(error instanceof UserError ? colour('red', '✖ ') + error.message : error);
    recordSetupFailure();
  } finally {
    await runCleanups();
    printSummary();
  }
});
