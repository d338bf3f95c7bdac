// The bench database: provisioned like the rest of the project, recreated on every run so each run (and each
// stage) starts from the same state: migrations applied, 10,000 seeded products, no orders from earlier runs.
// Creating, dropping and connecting go through @shop/db (scripts/lib/db.mjs), like every script.
import { performance } from 'node:perf_hooks';
import { tsImport } from 'tsx/esm/api';
import { dropDatabase, ensureDatabase, withClient, withDatabase } from '../lib/db.mjs';
import { onCleanup } from '../lib/lifecycle.mjs';
import { capture } from '../lib/processes.mjs';
import { ensurePostgres } from '../lib/services.mjs';
import { checkoutEnv } from './worktrees.mjs';

export const benchDatabase = 'shop_bench';
export const productCount = 10_000;

async function timed(fn) {
  const started = performance.now();
  const value = await fn();
  return [value, Math.round(performance.now() - started)];
}

/** A PostgreSQL server for the bench databases (stopped at the end if the bench started it). */
export async function startPostgres() {
  const server = await ensurePostgres({ database: benchDatabase });
  onCleanup(() => server.stop());
  return server;
}

/** Migrates and seeds with this checkout's @shop/db, in this process. */
async function migrateAndSeedHere(url, { products }) {
  const { migrate } = await tsImport('@shop/db/migrate', import.meta.url);
  const { seed } = await tsImport('@shop/db/seed', import.meta.url);
  const [, migrateMs] = await timed(() => migrate(url));
  const [, seedMs] = await timed(() => seed(url, { products }));
  return { migrateMs, seedMs };
}

// Run by `node --import tsx` in another checkout: its own migrations and seed, through its own tsx.
const migrateAndSeedScript = `
const { performance } = await import('node:perf_hooks');
const { migrate } = await import('@shop/db/migrate');
const { seed } = await import('@shop/db/seed');
const url = process.env.BENCH_DATABASE_URL;
let started = performance.now();
await migrate(url);
const migrateMs = Math.round(performance.now() - started);
started = performance.now();
await seed(url, { products: Number(process.env.BENCH_PRODUCTS) });
const seedMs = Math.round(performance.now() - started);
console.log('\\n' + JSON.stringify({ migrateMs, seedMs }));
`;

/**
 * Migrates and seeds with the @shop/db of the checkout in `dir` (another stage: its own schema, migrations
 * and seed), in a child process there, so no stage's database is ever migrated by another stage's code.
 */
export const migrateAndSeedIn =
  (dir) =>
  async (url, { products }) => {
    const args = ['--import', 'tsx', '--input-type=module', '-e', migrateAndSeedScript];
    const env = checkoutEnv({ BENCH_DATABASE_URL: url, BENCH_PRODUCTS: String(products) });
    const result = await capture(process.execPath, args, { cwd: dir, env });
    const last = result.stdout.trim().split('\n').at(-1) ?? '';
    if (result.code !== 0 || !last.startsWith('{'))
      throw new Error(
        `migrating and seeding with the @shop/db of ${dir} failed (exit ${result.code}):\n` +
          `${result.stdout}${result.stderr}`.trim().split('\n').slice(-30).join('\n'),
      );
    return JSON.parse(last);
  };

/**
 * Drop, create, migrate and seed a bench database (`name`, default shop_bench; dropped again at the end
 * unless `keep`) on `server` (default: one from `startPostgres`); its URL, size and timings. `prepare`
 * migrates and seeds (default: this checkout's @shop/db with the standard 10,000 products).
 */
export async function provisionDatabase({
  keep = false,
  name = benchDatabase,
  products = productCount,
  server,
  prepare = migrateAndSeedHere,
} = {}) {
  server ??= await startPostgres();
  const adminUrl = withDatabase(server.url, 'postgres');
  const url = withDatabase(server.url, name);
  await dropDatabase(url);
  await ensureDatabase(url);
  if (!keep) onCleanup(() => dropDatabase(url));
  const { migrateMs, seedMs } = await prepare(url, { products });
  const [count, postgres] = await withClient(url, async (db) => [
    Number((await db.query('SELECT count(*) FROM "Product"')).rows[0].count),
    (await db.query('SHOW server_version')).rows[0].server_version,
  ]);
  if (count < products)
    throw new Error(`seed left ${count} products in ${name}, expected ${products}`);
  return { url, adminUrl, via: server.source, products: count, postgres, migrateMs, seedMs };
}

const countMatches = async (db, word) =>
  Number(
    (
      await db.query(`SELECT count(*) FROM "Product" WHERE name ILIKE $1 OR description ILIKE $1`, [
        `%${word}%`,
      ])
    ).rows[0].count,
  );

/**
 * All slugs (shuffled); a word from product names that about 2% of the catalogue carries; and a rare
 * word, the name word that the fewest products match (a handful), to search for.
 */
export async function catalogFixtures(db) {
  const slugs = (await db.query('SELECT slug FROM "Product" ORDER BY md5(slug)')).rows;
  const words = `SELECT w AS word, count(*) AS n FROM (SELECT DISTINCT id, regexp_split_to_table(lower(name), '[^a-z]+') AS w FROM "Product") t
     WHERE length(w) >= 4 GROUP BY w`;
  const total = slugs.length;
  const common = await db.query(`${words} ORDER BY abs(count(*) - $1), w LIMIT 1`, [
    Math.round(total / 50),
  ]);
  const word = common.rows[0]?.word ?? 'the';
  // A word in few names may still be part of other words (pack → backpack): count what ILIKE matches.
  const candidates = (await db.query(`${words} ORDER BY count(*), w LIMIT 10`)).rows;
  const rare = [];
  for (const { word: candidate } of candidates)
    rare.push({ word: candidate, matches: await countMatches(db, candidate) });
  rare.sort((a, b) => a.matches - b.matches || a.word.localeCompare(b.word));
  return {
    slugs: slugs.map((r) => r.slug),
    searchTerm: { word, matches: await countMatches(db, word) },
    rareTerm: rare.find((r) => r.matches > 0) ?? { word: 'zzqx', matches: 0 },
  };
}

/**
 * A digest of what the catalog says (slug, name, description, price, stock, creation time — not the
 * random ids): equal digests mean two stages' seeds made the same catalog. Take it before the bench's
 * stock top-up.
 */
export async function catalogDigest(db) {
  const { rows } = await db.query(
    `SELECT count(*)::int AS products, md5(string_agg(concat_ws('|', slug, name, description, "priceAmount", stock, "createdAt"), E'\\n' ORDER BY slug)) AS digest FROM "Product"`,
  );
  return rows[0];
}
