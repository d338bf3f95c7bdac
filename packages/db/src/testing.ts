/**
 * Throwaway databases for integration tests: each call creates `shop_test_<label>_<random>` on the
 * server named by `DATABASE_URL` (a TCP or unix-socket URL; default: local trust-auth Postgres on
 * 127.0.0.1:5432), fully migrated.
 *
 * Speed: the migrations are applied once to a template database named after their checksums
 * (`shop_test_template_<hash>`); each test database is then a cheap copy of it. If the copy fails
 * for any reason the database is created empty and migrated directly, so correctness never depends
 * on the template.
 */
import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import { databaseName, quoteIdent, withDatabase, withMaintenanceClient } from './connection';
import { DEFAULT_SERVER_URL, readEnv } from './env';
import { migrate } from './migrate';
import { readMigrations } from './migrations';
import { dropDatabase, ensureDatabase } from './server';

export interface TestDatabase {
  /** Connection URL of the new, migrated database. */
  url: string;
  /** Drops the database, closing any connections left open. Safe to call twice. */
  drop(): Promise<void>;
}

const MAX_LABEL = 30;
const TEMPLATE_PREFIX = 'shop_test_template_';
/** Serializes template builds across test workers and processes. */
const TEMPLATE_LOCK = 72707370;

function testDatabaseName(label: string): string {
  const clean =
    label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, MAX_LABEL) || 'db';
  return `shop_test_${clean}_${randomBytes(5).toString('hex')}`;
}

export async function createTestDatabase(label = 'db'): Promise<TestDatabase> {
  const serverUrl = readEnv().databaseUrl ?? DEFAULT_SERVER_URL;
  const url = withDatabase(serverUrl, testDatabaseName(label));
  const drop = async (): Promise<void> => {
    await dropDatabase(url);
  };
  if (await copyFromTemplate(serverUrl, url).catch(() => false)) return { url, drop };
  await ensureDatabase(url);
  try {
    await migrate(url);
  } catch (error) {
    await drop().catch(() => undefined);
    throw error;
  }
  return { url, drop };
}

async function templateName(): Promise<string> {
  const hash = createHash('sha256');
  for (const m of await readMigrations()) hash.update(`${m.name}:${m.checksum}\n`);
  return `${TEMPLATE_PREFIX}${hash.digest('hex').slice(0, 16)}`;
}

async function copyFromTemplate(serverUrl: string, url: string): Promise<boolean> {
  const template = await templateName();
  await ensureTemplate(serverUrl, template);
  const name = databaseName(url);
  await withMaintenanceClient(serverUrl, (client) =>
    client.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`),
  );
  return true;
}

/** Builds the template under a temporary name and renames it when complete, so a crash never leaves a half-migrated template. */
async function ensureTemplate(serverUrl: string, template: string): Promise<void> {
  await withMaintenanceClient(serverUrl, async (client) => {
    const exists = async (): Promise<boolean> =>
      ((await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [template])).rowCount ??
        0) > 0;
    if (await exists()) return;
    await client.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      if (await exists()) return;
      const building = `${template}_${randomBytes(3).toString('hex')}`;
      const buildingUrl = withDatabase(serverUrl, building);
      await ensureDatabase(buildingUrl);
      try {
        await migrate(buildingUrl);
        await client.query(
          `ALTER DATABASE ${quoteIdent(building)} RENAME TO ${quoteIdent(template)}`,
        );
        await dropStaleTemplates(client, template);
      } catch (error) {
        await dropDatabase(buildingUrl).catch(() => undefined);
        throw error;
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]).catch(() => undefined);
    }
  });
}

/** Templates of older migration sets are dead weight; one still being copied elsewhere is left alone. */
async function dropStaleTemplates(client: pg.Client, current: string): Promise<void> {
  const stale = await client.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname LIKE $1 AND datname <> $2 AND datname !~ '_[0-9a-f]{6}$'`,
    [`${TEMPLATE_PREFIX}%`, current],
  );
  for (const { datname } of stale.rows)
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)}`).catch(() => undefined);
}
