/**
 * Applies the worker's pending SQL migrations. Each file runs in its own transaction together with
 * its `worker_migrations` row, so it lands completely or not at all; a session advisory lock makes a
 * second migrator (two workers starting at once) wait and then find nothing left to do. An applied
 * migration whose file has changed since is refused, naming the file: migrations are append-only.
 */
import type pg from 'pg';
import { describeTarget, withClient } from './connection';
import { readMigrations, type Migration } from './migrations';

/** Any fixed key will do; this one spells "wkmg" and is used for nothing else. */
const MIGRATION_LOCK = 0x776b6d67;

const CREATE_HISTORY = `CREATE TABLE IF NOT EXISTS worker_migrations (
  name text PRIMARY KEY,
  checksum text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now())`;

export interface MigrateResult {
  /** Migrations applied by this call, in order; empty when the database was up to date. */
  applied: string[];
  /** Recorded as applied but without a file here: the database is ahead of this code. */
  unknown: string[];
}

export class MigrationChecksumMismatch extends Error {
  constructor(
    readonly migration: string,
    applied: string,
    current: string,
  ) {
    super(
      `Migration ${migration}.sql was changed after it was applied (applied checksum ` +
        `${applied.slice(0, 12)}…, file now ${current.slice(0, 12)}…). Applied migrations are ` +
        `append-only: restore the file as it was and put the change in a new migration.`,
    );
    this.name = 'MigrationChecksumMismatch';
  }
}

export class MigrationFailed extends Error {
  constructor(
    readonly migration: string,
    reason: string,
    options?: ErrorOptions,
  ) {
    super(`Migration ${migration}.sql failed and was rolled back: ${reason}`, options);
    this.name = 'MigrationFailed';
  }
}

/** Brings the database at `url` (which must exist: see ensure-database.ts) up to date. */
export async function migrate(
  url: string,
  options: { migrationsDir?: string } = {},
): Promise<MigrateResult> {
  const migrations = await readMigrations(options.migrationsDir);
  return withClient(url, async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query(CREATE_HISTORY);
      const history = await readHistory(client);
      verifyChecksums(migrations, history);
      const pending = migrations.filter((m) => !history.has(m.name));
      for (const migration of pending) await applyOne(client, migration, url);
      const known = new Set(migrations.map((m) => m.name));
      return {
        applied: pending.map((m) => m.name),
        unknown: [...history.keys()].filter((name) => !known.has(name)),
      };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    }
  });
}

async function readHistory(client: pg.Client): Promise<Map<string, string>> {
  const rows = await client.query<{ name: string; checksum: string }>(
    'SELECT name, checksum FROM worker_migrations ORDER BY name',
  );
  return new Map(rows.rows.map((row) => [row.name, row.checksum]));
}

function verifyChecksums(migrations: Migration[], history: Map<string, string>): void {
  for (const migration of migrations) {
    const applied = history.get(migration.name);
    if (applied !== undefined && applied !== migration.checksum)
      throw new MigrationChecksumMismatch(migration.name, applied, migration.checksum);
  }
}

async function applyOne(client: pg.Client, migration: Migration, url: string): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(migration.sql);
    await client.query('INSERT INTO worker_migrations (name, checksum) VALUES ($1, $2)', [
      migration.name,
      migration.checksum,
    ]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw new MigrationFailed(
      migration.name,
      `${describeFailure(error, migration)} (${describeTarget(url)})`,
      {
        cause: error,
      },
    );
  }
}

/** The server's message, with the line of the file it points at when it gives a position. */
function describeFailure(error: unknown, migration: Migration): string {
  const { message, position } = error as { message?: string; position?: string };
  const offset = Number(position);
  const line =
    Number.isFinite(offset) && offset > 0
      ? ` at line ${migration.sql.slice(0, offset).split('\n').length}`
      : '';
  return `${message ?? String(error)}${line}`;
}
