/**
 * Applies pending migrations and records them in Prisma's `_prisma_migrations` table, row for row as
 * `prisma migrate deploy` does, so either tool can take over from the other.
 *
 * Why not the wasm schema engine's `applyMigrations`: through `@prisma/adapter-pg` it splits a script on
 * every `;` and runs the pieces outside a transaction, so a failing migration leaves half its changes
 * plus a "failed" row that blocks later deploys. Here each migration runs as one script inside one
 * transaction, together with its `_prisma_migrations` row: it lands completely or not at all.
 */
import type pg from 'pg';
import { connectionError, withClient } from './connection';
import { DbError, MigrationFailedError, MigrationHistoryError } from './errors';
import { defaultMigrationsDir, readMigrations } from './migrations';
import type { MigrationFile } from './migrations';

/** The advisory lock key Prisma's schema engine takes, so our runner and `prisma migrate` never interleave. */
const PRISMA_ADVISORY_LOCK = 72707369;

const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrateOptions {
  /** Defaults to this package's `prisma/migrations`. */
  migrationsDir?: string;
}

export interface MigrateResult {
  /** Names of the migrations applied by this call, in order; empty when the database was up to date. */
  applied: string[];
}

interface HistoryRow {
  migration_name: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/** Applies every migration not yet recorded as finished in `_prisma_migrations`. The database must exist. */
export async function migrate(
  databaseUrl: string,
  options: MigrateOptions = {},
): Promise<MigrateResult> {
  const migrations = await readMigrations(options.migrationsDir ?? defaultMigrationsDir);
  return withClient(databaseUrl, async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_ADVISORY_LOCK]);
    try {
      const pending = pendingMigrations(migrations, await readHistory(client));
      for (const migration of pending) await applyOne(client, migration, databaseUrl);
      return { applied: pending.map((m) => m.name) };
    } finally {
      await client
        .query('SELECT pg_advisory_unlock($1)', [PRISMA_ADVISORY_LOCK])
        .catch(() => undefined);
    }
  });
}

async function readHistory(client: pg.Client): Promise<HistoryRow[]> {
  const exists = await client.query<{ exists: boolean }>(
    `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS exists`,
  );
  if (!exists.rows[0]?.exists) return [];
  const result = await client.query<HistoryRow>(
    'SELECT migration_name, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at',
  );
  return result.rows;
}

function pendingMigrations(migrations: MigrationFile[], history: HistoryRow[]): MigrationFile[] {
  const failed = history.find((row) => row.finished_at === null && row.rolled_back_at === null);
  if (failed) {
    throw new MigrationHistoryError(
      `Migration ${failed.migration_name} is recorded as failed in _prisma_migrations; fix the database, then run \`prisma migrate resolve --rolled-back ${failed.migration_name}\`.`,
    );
  }
  const finished = new Set(
    history
      .filter((row) => row.finished_at !== null && row.rolled_back_at === null)
      .map((row) => row.migration_name),
  );
  return migrations.filter((m) => !finished.has(m.name));
}

async function applyOne(
  client: pg.Client,
  migration: MigrationFile,
  databaseUrl: string,
): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(CREATE_MIGRATIONS_TABLE);
    const id = crypto.randomUUID();
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES ($1, $2, $3, clock_timestamp(), 0)`,
      [id, migration.checksum, migration.name],
    );
    await runScript(client, migration);
    await client.query(
      `UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`,
      [id],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw connectionError(error, databaseUrl) ?? toMigrationError(error, migration);
  }
}

async function runScript(client: pg.Client, migration: MigrationFile): Promise<void> {
  try {
    await client.query(migration.script);
  } catch (error) {
    throw toMigrationError(error, migration);
  }
}

function toMigrationError(error: unknown, migration: MigrationFile): DbError {
  if (error instanceof DbError) return error;
  const e = error as { message?: string; position?: string };
  const offset = Number(e.position);
  const line =
    Number.isFinite(offset) && offset > 0
      ? migration.script.slice(0, offset).split('\n').length
      : undefined;
  const where = line ? ` (migration.sql line ${line})` : '';
  return new MigrationFailedError(migration.name, `${e.message ?? String(error)}${where}`, {
    cause: error,
  });
}
