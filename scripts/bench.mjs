// `npm run bench [-- --duration 10 --warmup 2 --connections 16 --port 4200 --products 10000 --only catalog.get,orders.place --keep-db]`
// A benchmark, not a test: provisions its own seeded database, starts the production API and two reference servers,
// drives each over HTTP with autocannon at fixed concurrency and reports req/s, p50, p99 and ratios to the references.
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { tsImport } from 'tsx/esm/api';
import { apiEntry, buildApiIfNeeded } from './bench/api.mjs';
import {
  benchDatabase,
  catalogFixtures,
  productCount,
  provisionDatabase,
} from './bench/database.mjs';
import { invalidRows, measureLogged } from './bench/measure.mjs';
import { machineFacts, summaryLine, table, withRatios, writeJson } from './bench/report.mjs';
import { allowedOrigin, buildScenarios } from './bench/scenarios.mjs';
import { assertPortFree, startServer } from './bench/servers.mjs';
import { openShoppers } from './bench/shoppers.mjs';
import { handleSignals, isShuttingDown, onCleanup, runCleanups } from './lib/lifecycle.mjs';
import { ensurePrismaClient } from './lib/preflight.mjs';

const { values: flags } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '16' },
    port: { type: 'string', default: '4200' },
    products: { type: 'string', default: String(productCount) },
    only: { type: 'string' },
    'max-error-rate': { type: 'string', default: '0.01' },
    'keep-db': { type: 'boolean', default: false },
    rebuild: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (flags.help) {
  console.log(
    'npm run bench -- [--duration s] [--warmup s] [--connections n] [--port n (n+1, n+2 for the references)]\n' +
      '                 [--products n (catalog size, at least ' +
      productCount +
      ')] [--only name,name] [--max-error-rate 0.01] [--keep-db] [--rebuild]',
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
if (!Number.isInteger(products) || products < productCount) {
  console.error(`bench: --products must be a whole number of at least ${productCount}`);
  process.exit(1);
}
const script = (name) => fileURLToPath(new URL(`./bench/${name}`, import.meta.url));
const log = (line) => console.error(line);

handleSignals({ announce: (signal) => console.error(`\n${signal}: stopping the bench servers…`) });

/** The API in production mode on the bench database, the hello server, and the raw-pg checkout server. */
async function startServers(database, shoppers) {
  const apiEnv = {
    PORT: String(port),
    DATABASE_URL: database.url,
    NODE_ENV: 'production',
    ALLOWED_ORIGINS: allowedOrigin,
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
  return withRatios(rows);
}

async function main() {
  const startedAt = new Date().toISOString();
  // The seed and the API build import the generated client, which a fresh clone does not have yet.
  await ensurePrismaClient();
  const machine = await machineFacts();
  log(`bench: ${summaryLine({ machine, settings })}`);
  const portHint = 'pick other ports with --port <n> (uses n, n+1, n+2)';
  for (const p of [port, port + 1, port + 2]) await assertPortFree(p, portHint);
  const database = await growCatalog(await provisionDatabase({ keep: flags['keep-db'] }));
  const lifecycle = flags['keep-db']
    ? 'dropped and recreated at start, kept afterwards (--keep-db)'
    : 'dropped and recreated at start, dropped at the end';
  log(
    `database: ${benchDatabase} ${lifecycle} (${database.via}, PostgreSQL ${database.postgres}); ` +
      `migrate ${database.migrateMs} ms, seed ${database.products} products ${database.seedMs} ms`,
  );
  const build = await buildApiIfNeeded({ force: flags.rebuild });
  log(`api: apps/api/dist/main.js ${build}`);

  const shoppers = await openShoppers(database.url);
  onCleanup(() => shoppers.close());
  const urls = await startServers(database, shoppers);
  const catalog = await catalogFixtures(shoppers.pool);
  const cartUsers = await shoppers.create(settings.connections * 4);
  const only = flags.only?.split(',').map((s) => s.trim());
  const scenarios = buildScenarios({ ...urls, ...catalog, shoppers, cartUsers }).filter(
    (s) => !only || only.includes(s.name),
  );
  const rows = await runScenarios(scenarios);

  const report = {
    startedAt,
    machine: { ...machine, loadAverageAtEnd: (await machineFacts()).loadAverage },
    settings: { ...settings, tool: 'autocannon 9, HTTP/1.1, no pipelining, on the same machine' },
    database: { name: benchDatabase, lifecycle, ...database, url: undefined, adminUrl: undefined },
    api: { build, NODE_ENV: 'production' },
    references: {
      pgCheckoutPool: 'pg.Pool max 10 (what createPrismaClient gives the API in stage 1)',
    },
    results: rows,
  };
  const file = writeJson(report);
  console.log(`\n${summaryLine(report)}\n\n${table(rows)}\n`);
  for (const row of rows) console.log(`- ${row.scenario}: ${row.means}`);
  console.log(`\n${JSON.stringify(report, null, 2)}\n\nwritten to ${file}`);
  const invalid = invalidRows(rows, settings);
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
