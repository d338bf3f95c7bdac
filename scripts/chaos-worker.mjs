// `npm run chaos:worker [-- --orders 334 --rate 3 --kills 10 --apis 1 --workers 1 --shoppers 40 --seed n --keep]`
// Failure isolation under chaos (issue 13 §6): checkouts flow over HTTP through the real API and
// worker processes while the worker is `kill -9`ed `--kills` times at random moments and restarted;
// then the run waits for the queues to drain, prints its figures (events published, handled per
// consumer, deliveries handed out again, effects per event, charges per order, lost events, time)
// and exits 1 if an invariant fails. `--apis 2 --workers 2` runs two API processes and two workers
// against one database per service and one Redis. PostgreSQL and Redis are provisioned like
// `npm start` does (DATABASE_URL / REDIS_URL if set); the run's own databases and queues are
// dropped at the end (`--keep` keeps them). The scenario itself: tests/system/src/chaos/.
import process from 'node:process';
import { parseCli } from './lib/cli.mjs';
import { UserError, colour, info, step } from './lib/log.mjs';
import { handleSignals, onCleanup, runMain } from './lib/lifecycle.mjs';
import { preflight } from './lib/preflight.mjs';

const usage =
  'npm run chaos:worker -- [--orders 334] [--rate 3 (checkouts/s)] [--kills 10] [--apis 1] [--workers 1] ' +
  '[--shoppers 40] [--seed n] [--settle-timeout 180 (s)] [--keep]';

function count(flags, name, { min = 1, max = Infinity } = {}) {
  const value = Number(flags[name]);
  if (!Number.isFinite(value) || value < min || value > max) {
    const range = max === Infinity ? `of at least ${min}` : `from ${min} to ${max}`;
    throw new UserError(
      `--${name} must be a number ${range} (got ${flags[name]}). Usage: ${usage}`,
    );
  }
  return value;
}

await runMain(async () => {
  const flags = parseCli({
    usage,
    options: {
      orders: { type: 'string', default: '334' },
      rate: { type: 'string', default: '3' },
      kills: { type: 'string', default: '10' },
      apis: { type: 'string', default: '1' },
      workers: { type: 'string', default: '1' },
      shoppers: { type: 'string', default: '40' },
      seed: { type: 'string', default: String(Math.floor(Math.random() * 2 ** 31)) },
      'settle-timeout': { type: 'string', default: '180' },
      keep: { type: 'boolean', default: false },
    },
  });
  const options = {
    orders: Math.round(count(flags, 'orders')),
    rate: count(flags, 'rate', { min: 0.1, max: 200 }),
    kills: Math.round(count(flags, 'kills', { min: 0 })),
    apis: Math.round(count(flags, 'apis', { max: 8 })),
    workers: Math.round(count(flags, 'workers', { max: 8 })),
    shoppers: Math.round(count(flags, 'shoppers', { max: 500 })),
    seed: Math.round(count(flags, 'seed', { min: 0 })),
    settleTimeoutMs: count(flags, 'settle-timeout') * 1000,
    keep: flags.keep,
  };
  handleSignals();
  await preflight();
  const { ensurePostgres, ensureRedisForQueues } = await import('./lib/services.mjs');
  const postgres = await ensurePostgres({ database: 'postgres' });
  onCleanup(postgres.stop);
  const redis = await ensureRedisForQueues();
  onCleanup(redis.stop);

  // After preflight: on a fresh clone, preflight is what installs tsx.
  const { tsImport } = await import('tsx/esm/api');
  const { runChaos } = await tsImport('@shop/system-tests/chaos', import.meta.url);
  step(
    `Chaos: ${options.orders} checkouts at ${options.rate}/s, ${options.kills} × kill -9 of the worker ` +
      `(${options.apis} API, ${options.workers} worker${options.workers > 1 ? 's' : ''}; seed ${options.seed})`,
  );
  const result = await runChaos({
    ...options,
    postgresUrl: postgres.url,
    redisUrl: redis.url,
    log: (line) => info(line),
    onCleanup,
  });
  console.log(`\n${result.report}\n`);
  if (!result.ok) {
    console.error(colour('red', '✖ ') + 'an invariant failed (see above)');
    process.exitCode = 1;
  }
});
