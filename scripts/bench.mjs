// `npm run bench [-- --duration 10 --warmup 2 --connections 16 --port 4400 --products 10000 --only catalog.get,orders.place --keep-db]`
// A benchmark, not a test: provisions its own seeded database, starts the production API and two reference servers
// (from stage 4 also the card processor and the worker), drives each over HTTP at fixed concurrency and reports
// req/s, p50, p99 and ratios to the references; then the event bus: the outbox relay's throughput against plain
// BullMQ addBulk, and the time from an OrderPlaced commit to its consumers' effects at a fixed rate of orders.
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { tsImport } from 'tsx/esm/api';
import {
  apiEntry,
  buildApiIfNeeded,
  buildPaymentServicesIfNeeded,
  hasWorker,
} from './bench/builds.mjs';
import {
  benchDatabase,
  catalogFixtures,
  productCount,
  provisionDatabase,
  startPostgres,
} from './bench/database.mjs';
import { measureEventLatency } from './bench/event-latency.mjs';
import { invalidRows, measureLogged } from './bench/measure.mjs';
import { startPaymentServices, startRedis } from './bench/payment-services.mjs';
import { measureRelayThroughput } from './bench/relay-throughput.mjs';
import { machineFacts, summaryLine, table, withRatios, writeJson } from './bench/report.mjs';
import { allowedOrigin, buildScenarios } from './bench/scenarios.mjs';
import { assertPortFree, startServer } from './bench/servers.mjs';
import { openShoppers } from './bench/shoppers.mjs';
import { handleSignals, isShuttingDown, onCleanup, runCleanups } from './lib/lifecycle.mjs';
import { repoRoot } from './lib/paths.mjs';
import { ensurePrismaClient } from './lib/preflight.mjs';

const { values: flags } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '16' },
    port: { type: 'string', default: '4400' },
    products: { type: 'string', default: String(productCount) },
    only: { type: 'string' },
    'relay-events': { type: 'string', default: '20000' },
    'relay-rounds': { type: 'string', default: '3' },
    'event-rate': { type: 'string', default: '20' },
    'event-duration': { type: 'string', default: '20' },
    'max-error-rate': { type: 'string', default: '0.01' },
    'keep-db': { type: 'boolean', default: false },
    rebuild: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (flags.help) {
  console.log(
    'npm run bench -- [--duration s] [--warmup s] [--connections n]\n' +
      '                 [--port n (n+1, n+2 for the references, n+3, n+4 for the card processor and the worker)]\n' +
      '                 [--products n (catalog size, at least ' +
      productCount +
      ')] [--only name,name] [--max-error-rate 0.01] [--keep-db] [--rebuild]\n' +
      '                 [--relay-events 20000] [--relay-rounds 3] [--event-rate 20 (orders/s)] [--event-duration 20 (s)]',
  );
  process.exit(0);
}
const settings = {
  connections: Number(flags.connections),
  duration: Number(flags.duration),
  warmup: Number(flags.warmup),
  maxErrorRate: Number(flags['max-error-rate']),
};
const port = Number(flags.port);
const products = Number(flags.products);
const events = {
  relayEvents: Number(flags['relay-events']),
  relayRounds: Number(flags['relay-rounds']),
  rate: Number(flags['event-rate']),
  duration: Number(flags['event-duration']),
};
const problems = [
  [
    Number.isInteger(products) && products >= productCount,
    `--products must be a whole number of at least ${productCount}`,
  ],
  [
    Number.isInteger(events.relayEvents) && events.relayEvents >= 1000,
    '--relay-events must be a whole number of at least 1000',
  ],
  [
    Number.isInteger(events.relayRounds) && events.relayRounds >= 1,
    '--relay-rounds must be a whole number of at least 1',
  ],
  [events.rate > 0, '--event-rate must be a positive number of orders per second'],
  [events.duration > 0, '--event-duration must be a positive number of seconds'],
].filter(([ok]) => !ok);
if (problems.length) {
  for (const [, message] of problems) console.error(`bench: ${message}`);
  process.exit(1);
}
const script = (name) => fileURLToPath(new URL(`./bench/${name}`, import.meta.url));
const log = (line) => console.error(line);

handleSignals({ announce: (signal) => console.error(`\n${signal}: stopping the bench servers…`) });

/**
 * The API in production mode on the bench database (from stage 4 with what `payment` gives it to meet the
 * card processor and the worker), the hello server, and the raw-pg checkout server.
 */
async function startServers(database, shoppers, payment) {
  const apiEnv = {
    PORT: String(port),
    DATABASE_URL: database.url,
    NODE_ENV: 'production',
    ALLOWED_ORIGINS: allowedOrigin,
    ...payment?.apiEnv,
  };
  const [apiUrl, helloUrl] = await Promise.all([
    startServer('api', apiEntry, apiEnv, '/health'),
    startServer('hello server', script('hello-server.mjs'), { PORT: String(port + 1) }, '/'),
  ]);
  const tokenHash = await shoppers.detectTokenHash(apiUrl);
  const pgEnv = {
    PORT: String(port + 2),
    DATABASE_URL: database.url,
    TOKEN_HASH_ENCODING: tokenHash,
  };
  const pgCheckoutUrl = await startServer(
    'raw-pg checkout',
    script('pg-checkout-server.mjs'),
    pgEnv,
    '/',
  );
  return { apiUrl, helloUrl, pgCheckoutUrl };
}

/**
 * `provisionDatabase` seeds its standard catalog; a bigger `--products` tops it up with more generated
 * products (the seed is idempotent and fills the gap), then refreshes the planner's statistics.
 */
async function growCatalog(database) {
  if (database.products >= products) return database;
  const { seed } = await tsImport('@shop/db/seed', import.meta.url);
  const started = performance.now();
  await seed(database.url, { products });
  const seedMs = database.seedMs + Math.round(performance.now() - started);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const count = Number((await client.query('SELECT count(*) FROM "Product"')).rows[0].count);
    if (count < products) throw new Error(`seed left ${count} products, expected ${products}`);
    return { ...database, products: count, seedMs };
  } finally {
    await client.end();
  }
}

async function runScenarios(scenarios) {
  const rows = [];
  for (const scenario of scenarios) {
    if (isShuttingDown()) throw new Error('interrupted');
    rows.push(await measureLogged(scenario, settings, log));
  }
  return rows;
}

/** The event bus's rows, measured by `measure` (rows of `names`), or a failed row for each. */
async function runEventScenario(names, means, measure) {
  if (isShuttingDown()) throw new Error('interrupted');
  log(`→ ${names.join(' + ')}: ${means}`);
  try {
    const rows = await measure();
    for (const row of rows)
      log(
        `  ${row.scenario}: ${Math.round(row.requestsPerSecond)}/s` +
          (row.p50Ms === null
            ? ''
            : `, p50 ${row.p50Ms.toFixed(2)} ms, p99 ${row.p99Ms.toFixed(2)} ms`),
      );
    return rows;
  } catch (error) {
    if (isShuttingDown()) throw error;
    log(`  FAILED: ${error.message}`);
    return names.map((scenario) => ({
      scenario,
      means,
      failed: error.message,
      statusCodes: {},
      errorRate: 1,
    }));
  }
}

const relayRows = ['ref:addBulk', 'relay.drain'];
const latencyRows = ['events:placed→payment', 'events:placed→PAID'];

async function main() {
  const startedAt = new Date().toISOString();
  // The seed and the API build import the generated client, which a fresh clone does not have yet.
  await ensurePrismaClient();
  const machine = await machineFacts();
  log(`bench: ${summaryLine({ machine, settings })}`);
  // Stage 4 on: checkout needs the card processor and the worker (n+3, n+4), and the queues Redis.
  const withPayment = hasWorker(repoRoot);
  const ports = withPayment ? [0, 1, 2, 3, 4] : [0, 1, 2];
  const portHint = `pick other ports with --port <n> (uses n…n+${ports.length - 1})`;
  for (const p of ports) await assertPortFree(port + p, portHint);
  const redis = withPayment ? await startRedis() : null;
  const server = await startPostgres();
  const database = await growCatalog(await provisionDatabase({ keep: flags['keep-db'], server }));
  const lifecycle = flags['keep-db']
    ? 'dropped and recreated at start, kept afterwards (--keep-db)'
    : 'dropped and recreated at start, dropped at the end';
  log(
    `database: ${benchDatabase} ${lifecycle} (${database.via}, PostgreSQL ${database.postgres}); ` +
      `migrate ${database.migrateMs} ms, seed ${database.products} products ${database.seedMs} ms`,
  );
  const build = await buildApiIfNeeded({ force: flags.rebuild });
  log(`api: apps/api/dist/main.js ${build}`);
  const paymentBuild = await buildPaymentServicesIfNeeded({ force: flags.rebuild });
  if (paymentBuild)
    log(
      `worker: apps/worker/dist/main.js ${paymentBuild.worker}; ` +
        `card processor: apps/card-processor/dist/main.js ${paymentBuild.cardProcessor}`,
    );

  const shoppers = await openShoppers(database.url);
  onCleanup(() => shoppers.close());
  const payment = withPayment
    ? await startPaymentServices({
        label: 'bench',
        dir: repoRoot,
        server,
        redisUrl: redis.url,
        workerDatabase: `${benchDatabase}_worker`,
        ports: { cardProcessor: port + 3, worker: port + 4 },
        keep: flags['keep-db'],
      })
    : null;
  if (payment)
    log(
      `worker: ${payment.workerUrl} (database ${payment.workerDatabase}), card processor: ` +
        `${payment.cardProcessorUrl}, queues under ${payment.prefix} (deleted at the end)`,
    );
  const urls = await startServers(database, shoppers, payment);
  const catalog = await catalogFixtures(shoppers.pool);
  const cartUsers = await shoppers.create(settings.connections * 4);
  const only = flags.only?.split(',').map((s) => s.trim());
  const picked = (name) => !only || only.includes(name);
  const all = buildScenarios({ ...urls, ...catalog, shoppers, cartUsers });
  const rows = await runScenarios(all.filter((s) => picked(s.name)));
  // The event bus (stage 4 on): the relay against plain addBulk, then commit → effect at a steady rate.
  if (payment && relayRows.some(picked))
    rows.push(
      ...(await runEventScenario(relayRows, 'outbox relay vs plain BullMQ addBulk', () =>
        measureRelayThroughput({
          server,
          redisUrl: redis.url,
          count: events.relayEvents,
          rounds: events.relayRounds,
          keep: flags['keep-db'],
          log,
        }),
      )),
    );
  if (payment && latencyRows.some(picked))
    rows.push(
      ...(await runEventScenario(latencyRows, 'OrderPlaced commit → payment inbox → PAID', () =>
        measureEventLatency({
          scenario: all.find((s) => s.name === 'orders.place'),
          db: shoppers.pool,
          workerDatabaseUrl: payment.workerDatabaseUrl,
          rate: events.rate,
          duration: events.duration,
          log,
        }),
      )),
    );
  const results = withRatios(rows);

  const report = {
    startedAt,
    machine: { ...machine, loadAverageAtEnd: (await machineFacts()).loadAverage },
    settings: {
      ...settings,
      ...(payment && { events }),
      tool: 'autocannon 9, HTTP/1.1, no pipelining, on the same machine; checkouts: node:http, one keep-alive socket per connection, until PAID',
    },
    database: { name: benchDatabase, lifecycle, ...database, url: undefined, adminUrl: undefined },
    api: { build, NODE_ENV: 'production' },
    payment: payment && {
      build: paymentBuild,
      workerDatabase: payment.workerDatabase,
      queuePrefix: payment.prefix,
      cardProcessor: payment.cardProcessorUrl,
      worker: payment.workerUrl,
    },
    references: {
      pgCheckoutPool: 'pg.Pool max 10 (what createPrismaClient gives the API in stage 1)',
    },
    results,
  };
  const file = writeJson(report);
  console.log(`\n${summaryLine(report)}\n\n${table(results)}\n`);
  for (const row of results) console.log(`- ${row.scenario}: ${row.means}`);
  console.log(`\n${JSON.stringify(report, null, 2)}\n\nwritten to ${file}`);
  const invalid = invalidRows(results, settings);
  for (const line of invalid) console.error(`BENCH INVALID — ${line}`);
  return invalid.length === 0;
}

main()
  .then((ok) => {
    process.exitCode = ok ? 0 : 1;
  })
  .catch((error) => {
    if (isShuttingDown()) return;
    console.error(`bench failed: ${error.message}`);
    process.exitCode = 1;
  })
  .finally(() => runCleanups());
