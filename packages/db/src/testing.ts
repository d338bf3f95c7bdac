/**
 * Throwaway databases for integration tests: each call creates `shop_test_<label>_<random>` on the
 * server named by `DATABASE_URL` (default: local trust-auth Postgres), fully migrated.
 */
import { randomBytes } from 'node:crypto';
import { withDatabase } from './connection';
import { DEFAULT_SERVER_URL, readEnv } from './env';
import { migrate } from './migrate';
import { dropDatabase, ensureDatabase } from './server';

export interface TestDatabase {
  /** Connection URL of the new, migrated database. */
  url: string;
  /** Drops the database, closing any connections left open. Safe to call twice. */
  drop(): Promise<void>;
}

const MAX_LABEL = 30;

function testDatabaseName(label: string): string {
  const clean = label.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, MAX_LABEL) || 'db';
  return `shop_test_${clean}_${randomBytes(5).toString('hex')}`;
}

export async function createTestDatabase(label = 'db'): Promise<TestDatabase> {
  const serverUrl = readEnv().databaseUrl ?? DEFAULT_SERVER_URL;
  const url = withDatabase(serverUrl, testDatabaseName(label));
  await ensureDatabase(url);
  const drop = async (): Promise<void> => {
    await dropDatabase(url);
  };
  try {
    await migrate(url);
  } catch (error) {
    await drop().catch(() => undefined);
    throw error;
  }
  return { url, drop };
}
