// The bench database: provisioned like the rest of the project, recreated on every run so each run (and each
// stage) starts from the same state: migrations applied, 10,000 seeded products, no orders from earlier runs.
// Creating, dropping and connecting go through @shop/db (scripts/lib/db.mjs), like every script.
import { performance } from 'node:perf_hooks';
import { tsImport } from 'tsx/esm/api';
import { dropDatabase, ensureDatabase, withClient, withDatabase } from '../lib/db.mjs';
import { onCleanup } from '../lib/lifecycle.mjs';
import { ensurePostgres } from '../lib/services.mjs';

export const benchDatabase = 'shop_bench';
export const productCount = 10_000;

async function timed(fn) {
  const started = performance.now();
  const value = await fn();
  return [value, Math.round(performance.now() - started)];
}

/** Drop, create, migrate and seed `shop_bench` (dropped again at the end unless `keep`); URL and timings. */
export async function provisionDatabase({ keep = false } = {}) {
  const server = await ensurePostgres({ database: benchDatabase });
  onCleanup(() => server.stop());
  const adminUrl = withDatabase(server.url, 'postgres');
  const url = withDatabase(server.url, benchDatabase);
  await dropDatabase(url);
  await ensureDatabase(url);
  if (!keep) onCleanup(() => dropDatabase(url));
  const { migrate } = await tsImport('@shop/db/migrate', import.meta.url);
  const { seed } = await tsImport('@shop/db/seed', import.meta.url);
  const [, migrateMs] = await timed(() => migrate(url));
  const [, seedMs] = await timed(() => seed(url, { products: productCount }));
  const [products, postgres] = await withClient(url, async (db) => [
    Number((await db.query('SELECT count(*) FROM "Product"')).rows[0].count),
    (await db.query('SHOW server_version')).rows[0].server_version,
  ]);
  if (products < productCount)
    throw new Error(`seed left ${products} products in ${benchDatabase}, expected ${productCount}`);
  return { url, adminUrl, via: server.source, products, postgres, migrateMs, seedMs };
}
