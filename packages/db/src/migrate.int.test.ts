import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { withDatabase } from './connection';
import { DEFAULT_SERVER_URL, readEnv } from './env';
import {
  DatabaseMissingError,
  DatabaseUnreachableError,
  MigrationFailedError,
  MigrationHistoryError,
} from './errors';
import { migrate } from './migrate';
import { defaultMigrationsDir, readMigrations } from './migrations';
import { dropDatabase, ensureDatabase } from './server';

const serverUrl = readEnv().databaseUrl ?? DEFAULT_SERVER_URL;
const created: string[] = [];

async function emptyDatabase(label: string): Promise<string> {
  const url = withDatabase(
    serverUrl,
    `shop_test_${label}_${Math.random().toString(36).slice(2, 10)}`,
  );
  await ensureDatabase(url);
  created.push(url);
  return url;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function tables(url: string): Promise<string[]> {
  const rows = await query<{ table_name: string }>(
    url,
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
  );
  return rows.map((r) => r.table_name);
}

/** A copy of the real migrations plus one that creates a table and then fails. */
async function migrationsWithBrokenOne(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'broken-migrations-'));
  await cp(defaultMigrationsDir, dir, { recursive: true });
  await mkdir(join(dir, '99990101000000_broken'));
  await writeFile(
    join(dir, '99990101000000_broken', 'migration.sql'),
    'CREATE TABLE "Half" (id INT);\nINSERT INTO "Category" (id, slug, name) VALUES (gen_random_uuid(), \'x\', \'x\');\nSELECT * FROM "NoSuchTable";\n',
  );
  return dir;
}

afterEach(async () => {
  await Promise.all(created.splice(0).map((url) => dropDatabase(url)));
});

describe('migrate', () => {
  it('applies every migration to an empty database, then is a no-op', async () => {
    const url = await emptyDatabase('migrate');
    const names = (await readMigrations()).map((m) => m.name);

    expect(await migrate(url)).toEqual({ applied: names });
    expect(await tables(url)).toContain('Product');
    expect(await migrate(url)).toEqual({ applied: [] });
  });

  it('serializes concurrent runs: each migration is applied exactly once', async () => {
    const url = await emptyDatabase('concurrent');
    const names = (await readMigrations()).map((m) => m.name);

    const results = await Promise.all([migrate(url), migrate(url), migrate(url)]);

    expect(results.flatMap((r) => r.applied).sort()).toEqual([...names].sort());
    expect(await query(url, 'SELECT count(*)::int AS n FROM "_prisma_migrations"')).toEqual([
      { n: names.length },
    ]);
  });

  it('records _prisma_migrations rows exactly as Prisma does', async () => {
    const url = await emptyDatabase('history');
    await migrate(url);
    const [row] = await query<Record<string, unknown>>(url, 'SELECT * FROM "_prisma_migrations"');
    const [init] = await readMigrations();

    expect(row).toMatchObject({
      migration_name: init?.name,
      checksum: init?.checksum,
      logs: null,
      rolled_back_at: null,
      applied_steps_count: 1,
    });
    expect(row?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(row?.finished_at).toBeInstanceOf(Date);
    expect((row?.finished_at as Date).getTime()).toBeGreaterThanOrEqual(
      (row?.started_at as Date).getTime(),
    );
  });

  it('rolls a failing migration back completely and names it in one line', async () => {
    const url = await emptyDatabase('broken');
    await migrate(url);
    const before = await tables(url);

    const error = await migrate(url, { migrationsDir: await migrationsWithBrokenOne() }).catch(
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(MigrationFailedError);
    expect((error as Error).message).toMatch(
      /^Migration 99990101000000_broken failed and was rolled back, the database is unchanged: relation "NoSuchTable" does not exist \(migration.sql line 3\)$/,
    );
    expect(await tables(url)).toEqual(before);
    expect(await query(url, 'SELECT * FROM "Category"')).toEqual([]);
    expect(
      await query(url, `SELECT 1 FROM "_prisma_migrations" WHERE migration_name LIKE '%broken'`),
    ).toEqual([]);
    expect(await migrate(url)).toEqual({ applied: [] });
  });

  it('leaves an empty database empty when its first migration fails', async () => {
    const url = await emptyDatabase('broken_first');
    const dir = await mkdtemp(join(tmpdir(), 'first-broken-'));
    await mkdir(join(dir, '20000101000000_bad'));
    await writeFile(
      join(dir, '20000101000000_bad', 'migration.sql'),
      'CREATE TABLE "T" (id INT);\nCREATE TABLE "T" (id INT);\n',
    );

    await expect(migrate(url, { migrationsDir: dir })).rejects.toThrow(MigrationFailedError);
    expect(await tables(url)).toEqual([]);
  });

  it('refuses to run past a migration Prisma recorded as failed, and says how to resolve it', async () => {
    const url = await emptyDatabase('failed_row');
    await migrate(url);
    await query(
      url,
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
       VALUES (gen_random_uuid()::text, 'x', '20990101000000_half', now(), 0)`,
    );

    const error = await migrate(url).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(MigrationHistoryError);
    expect((error as Error).message).toContain(
      'prisma migrate resolve --rolled-back 20990101000000_half',
    );
  });

  it('reports an unreachable server clearly', async () => {
    const error = await migrate('postgresql://postgres@127.0.0.1:1/shop').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseUnreachableError);
    expect((error as Error).message).toBe(
      'Cannot reach PostgreSQL at 127.0.0.1:1 (connection refused). Is the server running, and is DATABASE_URL right?',
    );
  });

  it('reports a missing database clearly', async () => {
    const url = withDatabase(serverUrl, 'shop_test_does_not_exist_42');
    await expect(migrate(url)).rejects.toThrow(DatabaseMissingError);
    await expect(migrate(url)).rejects.toThrow(/shop_test_does_not_exist_42 does not exist/);
  });
});
