// `npm run bench [-- --duration 10 --connections 16 --warmup 2 --port 4200 --only catalog.get,orders.place --keep-db]`
// A benchmark, not a test: provisions its own seeded database, starts the production API and two reference servers,
// drives each over HTTP with autocannon at fixed concurrency and reports req/s, p50, p99 and ratios to the references.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { apiEntry, buildApiIfNeeded } from './bench/api.mjs';
import { benchDatabase, provisionDatabase } from './bench/database.mjs';
import { measure } from './bench/measure.mjs';
import { isStopping, onCleanup, startNode, stopAll, waitUntilHealthy } from './bench/processes.mjs';
import { machineFacts, table, withRatios, writeJson } from './bench/report.mjs';
import { allowedOrigin, buildScenarios } from './bench/scenarios.mjs';
import { openShoppers } from './bench/shoppers.mjs';

const { values: flags } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '16' },
    port: { type: 'string', default: '4200' },
    only: { type: 'string' },
    'max-error-rate': { type: 'string', default: '0.01' },
    'keep-db': { type: 'boolean', default: false },
    rebuild: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (flags.help) {
  console.log(
    fileURLToPath(import.meta.url) +
      '\n' +
      'flags: --duration s --warmup s --connections n --port n --only a,b --max-error-rate 0.01 --keep-db --rebuild',
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
const script = (name) => fileURLToPath(new URL(`./bench/${name}`, import.meta.url));
const log = (line) => console.error(line);

async function startServer(name, entry, env, healthPath) {
  const server = startNode(name, entry, env);
  await waitUntilHealthy(server, `http://127.0.0.1:${env.PORT}${healthPath}`, 60_000);
  return `http://127.0.0.1:${env.PORT}`;
}

async function fixtures(shoppers) {
  const db = shoppers.pool;
  const slugs = (await db.query('SELECT slug FROM "Product" ORDER BY md5(slug)')).rows.map(
    (r) => r.slug,
  );
  // A word from product names that about 2% of the catalogue carries: a plausible, selective search.
  const { rows } = await db.query(
    `SELECT w AS word FROM (SELECT DISTINCT id, regexp_split_to_table(lower(name), '[^a-z]+') AS w FROM "Product") t
     WHERE length(w) >= 4 GROUP BY w ORDER BY abs(count(*) - 200), w LIMIT 1`,
  );
  const word = rows[0]?.word ?? 'the';
  const matches = Number(
    (
      await db.query(`SELECT count(*) FROM "Product" WHERE name ILIKE $1 OR description ILIKE $1`, [
        `%${word}%`,
      ])
    ).rows[0].count,
  );
  return { slugs, searchTerm: { word, matches } };
}

async function runScenarios(scenarios) {
  const rows = [];
  for (const scenario of scenarios) {
    if (isStopping()) throw new Error('interrupted');
    log(`→ ${scenario.name}: ${scenario.means}`);
    try {
      const row = await measure(scenario, settings);
      log(
        `  ${Math.round(row.requestsPerSecond)} req/s, p50 ${row.p50Ms?.toFixed(2)} ms, p99 ${row.p99Ms?.toFixed(2)} ms (warm-up: ${row.warmup})`,
      );
      rows.push({ kind: scenario.kind ?? 'api', ...row });
    } catch (error) {
      log(`  FAILED: ${error.message}`);
      rows.push({
        kind: scenario.kind ?? 'api',
        scenario: scenario.name,
        means: scenario.means,
        failed: error.message,
        statusCodes: {},
        errorRate: 1,
      });
    }
  }
  return withRatios(rows);
}

async function main() {
  const startedAt = new Date().toISOString();
  const machine = machineFacts();
  log(
    `bench: ${settings.connections} connections, ${settings.warmup} s warm-up + ${settings.duration} s per scenario`,
  );
  log(
    `machine: ${machine.cpus} cpus (${machine.cpuModel}), node ${machine.node}, ${machine.gitDescribe}, load ${machine.loadAverage.join(' ')}`,
  );

  const database = await provisionDatabase({ keep: flags['keep-db'] });
  log(
    `database: ${benchDatabase} dropped and recreated (${database.via}, PostgreSQL ${database.postgres}): migrate ${database.migrateMs} ms, seed ${database.products} products ${database.seedMs} ms`,
  );
  const build = buildApiIfNeeded({ force: flags.rebuild });
  log(`api: apps/api/dist/main.js ${build}`);

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
  const shoppers = await openShoppers(database.url);
  onCleanup(() => shoppers.close());
  const tokenHash = await shoppers.detectTokenHash(apiUrl);
  const pgCheckoutUrl = await startServer(
    'raw-pg checkout server',
    script('pg-checkout-server.mjs'),
    { PORT: String(port + 2), DATABASE_URL: database.url, TOKEN_HASH_ENCODING: tokenHash },
    '/',
  );
  const { slugs, searchTerm } = await fixtures(shoppers);
  const cartUsers = await shoppers.create(settings.connections * 4);
  const only = flags.only?.split(',').map((s) => s.trim());
  const scenarios = buildScenarios({
    apiUrl,
    helloUrl,
    pgCheckoutUrl,
    slugs,
    searchTerm,
    shoppers,
    cartUsers,
  }).filter((s) => !only || only.includes(s.name));

  const rows = await runScenarios(scenarios);
  const report = {
    startedAt,
    machine,
    settings: {
      ...settings,
      tool: 'autocannon 9, HTTP/1.1, no pipelining, bench client on the same machine',
    },
    database: {
      name: benchDatabase,
      lifecycle: flags['keep-db']
        ? 'dropped and recreated at start, kept after the run (--keep-db)'
        : 'dropped and recreated at start, dropped at the end',
      products: database.products,
      postgres: database.postgres,
      migrateMs: database.migrateMs,
      seedMs: database.seedMs,
    },
    api: { build, env: { NODE_ENV: 'production' }, sessionTokenHash: `sha256 ${tokenHash}` },
    results: rows,
  };
  const file = writeJson(report);
  console.log(`\n${table(rows)}\n`);
  for (const row of rows) console.log(`- ${row.scenario}: ${row.means}`);
  console.log(`\n${JSON.stringify(report, null, 2)}\n\nwritten to ${file}`);

  const bad = rows.filter((r) => r.failed || r.errorRate > settings.maxErrorRate || r.cartsRanOut);
  for (const row of bad) {
    const why =
      row.failed ??
      (row.cartsRanOut
        ? 'ran out of prepared carts'
        : `${(row.errorRate * 100).toFixed(1)}% of requests failed`);
    console.error(`BENCH INVALID — ${row.scenario}: ${why}`);
  }
  return bad.length === 0;
}

main()
  .then((ok) => {
    process.exitCode = ok ? 0 : 1;
  })
  .catch((error) => {
    if (isStopping()) return;
    console.error(`bench failed: ${error.stack ?? error.message}`);
    process.exitCode = 1;
  })
  .finally(() => stopAll());
