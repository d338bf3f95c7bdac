/**
 * A throwaway, migrated worker database per test file: `shop_worker_test_<label>_<random>` on the
 * server that `DATABASE_URL` names (what `npm test` hands the integration tier; default: the local
 * trust-auth Postgres on 127.0.0.1:5432). `drop()` removes it, closing connections left open.
 */
import { randomBytes } from 'node:crypto';
import {
  databaseName,
  quoteIdent,
  withDatabase,
  withMaintenanceClient,
} from '../src/db/connection';
import { ensureDatabase } from '../src/db/ensure-database';
import { migrate } from '../src/db/migrate';
import { createPool, type Db } from '../src/db/pool';

const DEFAULT_SERVER_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  url: string;
  /** A pool on the database, closed by `drop()`. */
  pool: Db;
  drop(): Promise<void>;
}

/** The server the tests run against, as a URL of its maintenance database. */
export function testServerUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_SERVER_URL;
}

/** An empty database name of the test pattern, not created yet. */
export function testDatabaseUrl(label: string): string {
  const clean =
    label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 30) || 'db';
  return withDatabase(
    testServerUrl(),
    `shop_worker_test_${clean}_${randomBytes(5).toString('hex')}`,
  );
}

export async function dropDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  await withMaintenanceClient(url, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
  );
}

export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const url = testDatabaseUrl(label);
  await ensureDatabase(url);
  try {
    await migrate(url);
  } catch (error) {
    await dropDatabase(url).catch(() => undefined);
    throw error;
  }
  const pool = createPool(url, { max: 8 });
  let dropped = false;
  return {
    url,
    pool,
    async drop() {
      if (dropped) return;
      dropped = true;
      await pool.end().catch(() => undefined);
      await dropDatabase(url);
    },
  };
}
