// `npm run bench [-- --duration 10 --warmup 2 --connections 16 --port 4200 --only catalog.get,orders.place --keep-db]`
// A benchmark, not a test: provisions its own seeded database, starts the production API and two reference servers,
// drives each over HTTP with autocannon at fixed concurrency and reports req/s, p50, p99 and ratios to the references.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { apiEntry, buildApiIfNeeded } from './bench/api.mjs';
import { benchDatabase, provisionDatabase } from './bench/database.mjs';
import { measure } from './bench/measure.mjs';
import {
  assertPortFree,
  isStopping,
  onCleanup,
  startNode,
  stopAll,
  waitUntilHealthy,
} from './bench/processes.mjs';
import { machineFacts, summaryLine, table, withRatios, writeJson } from './bench/report.mjs';
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
    'npm run bench -- [--duration s] [--warmup s] [--connections n] [--port n (n+1, n+2 for the references)]\n' +
      '                 [--only name,name] [--max-error-rate 0.01] [--keep-db] [--rebuild]',
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

/** All slugs (shuffled), and a word from product names that about 2% of the catalogue carries. */
async function catalogFixtures(db) {
  const slugs = (await db.query('SELECT slug FROM "Product" ORDER BY md5(slug)')).rows;
  const { rows } = await db.query(
    `SELECT w AS word FROM (SELECT DISTINCT id, regexp_split_to_table(lower(name), '[^a-z]+') AS w FROM "Product") t
     WHERE length(w) >= 4 GROUP BY w ORDER BY abs(count(*) - 200), w LIMIT 1`,
  );
  const word = rows[0]?.word ?? 'the';
  const matching = `SELECT count(*) FROM "Product" WHERE name ILIKE $1 OR description ILIKE $1`;
  const matches = Number((await db.query(matching, [`%${word}%`])).rows[0].count);
  return { slugs: slugs.map((r) => r.slug), searchTerm: { word, matches } };
}

async function runScenarios(scenarios) {
  const rows = [];
  for (const scenario of scenarios) {
    if (isStopping()) throw new Error('interrupted');
    log(`→ ${scenario.name}: ${scenario.means}`);
    const kind = scenario.kind ?? 'api';
    try {
      const row = await measure(scenario, settings);
      log(
        `  ${Math.round(row.requestsPerSecond)} req/s, p50 ${row.p50Ms?.toFixed(2)} ms, ` +
          `p99 ${row.p99Ms?.toFixed(2)} ms (warm-up: ${row.warmup})`,
      );
      rows.push({ kind, ...row });
    } catch (error) {
      log(`  FAILED: ${error.message}`);
      const failed = { scenario: scenario.name, means: scenario.means, failed: error.message };
      rows.push({ kind, ...failed, statusCodes: {}, errorRate: 1 });
    }
  }
  return withRatios(rows);
}

function invalidRows(rows) {
  return rows
    .filter((r) => r.failed || r.errorRate > settings.maxErrorRate || r.cartsRanOut)
    .map((r) => {
      const share = `${(r.errorRate * 100).toFixed(1)}% of requests failed (limit ${settings.maxErrorRate * 100}%)`;
      return `${r.scenario}: ${r.failed ?? (r.cartsRanOut ? 'ran out of prepared carts' : share)}`;
    });
}

async function main() {
  const startedAt = new Date().toISOString();
  const machine = machineFacts();
  log(`bench: ${summaryLine({ machine, settings })}`);
  for (const p of [port, port + 1, port + 2]) await assertPortFree(p);
  const database = await provisionDatabase({ keep: flags['keep-db'] });
  const lifecycle = flags['keep-db']
    ? 'dropped and recreated at start, kept afterwards (--keep-db)'
    : 'dropped and recreated at start, dropped at the end';
  log(
    `database: ${benchDatabase} ${lifecycle} (${database.via}, PostgreSQL ${database.postgres}); ` +
      `migrate ${database.migrateMs} ms, seed ${database.products} products ${database.seedMs} ms`,
  );
  const build = buildApiIfNeeded({ force: flags.rebuild });
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
    machine: { ...machine, loadAverageAtEnd: machineFacts().loadAverage },
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
  const invalid = invalidRows(rows);
  for (const line of invalid) console.error(`BENCH INVALID — ${line}`);
  return invalid.length === 0;
}

main()
  .then((ok) => {
    process.exitCode = ok ? 0 : 1;
  })
  .catch((error) => {
    if (isStopping()) return;
    console.error(`bench failed: ${error.message}`);
    process.exitCode = 1;
  })
  .finally(() => stopAll());
