import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outboxInboxSql } from '@shop/event-bus/schema';
import { dropDatabase, testDatabaseUrl } from '../../test/database';
import { withClient } from './connection';
import { ensureDatabase } from './ensure-database';
import { migrate, MigrationChecksumMismatch, MigrationFailed } from './migrate';
import { readMigrations } from './migrations';

const created: string[] = [];
let dir: string;

async function freshDatabase(): Promise<string> {
  const url = testDatabaseUrl('migrate');
  created.push(url);
  await ensureDatabase(url);
  return url;
}

const query = (url: string, sql: string) =>
  withClient(url, async (c) => (await c.query<Record<string, unknown>>(sql)).rows);

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'worker-migrations-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));
afterAll(async () => {
  for (const url of created) await dropDatabase(url);
});

describe('ensureDatabase', () => {
  it('creates a missing database once, even when two callers race', async () => {
    const url = testDatabaseUrl('ensure');
    created.push(url);
    const results = await Promise.all([ensureDatabase(url), ensureDatabase(url)]);
    expect(results.filter((r) => r.created).length).toBeLessThanOrEqual(1);
    expect(await ensureDatabase(url)).toEqual({ created: false });
    expect(await query(url, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });
});

describe('migrate (the worker’s migrations)', () => {
  it('applies every migration once and then finds the database up to date', async () => {
    const url = await freshDatabase();
    const names = (await readMigrations()).map((m) => m.name);
    expect(await migrate(url)).toEqual({ applied: names, unknown: [] });
    expect(await migrate(url)).toEqual({ applied: [], unknown: [] });
    const tables = await query(
      url,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
    );
    expect(tables.map((t) => t.table_name)).toEqual([
      'inbox',
      'ledger_entries',
      'notifications',
      'outbox',
      'payments',
      'worker_migrations',
    ]);
  });

  it('lets two workers start at once: the second waits and applies nothing', async () => {
    const url = await freshDatabase();
    const [a, b] = await Promise.all([migrate(url), migrate(url)]);
    const total = (await readMigrations()).length;
    expect(a.applied.length + b.applied.length).toBe(total);
    expect(await query(url, 'SELECT count(*)::int AS n FROM worker_migrations')).toEqual([
      { n: total },
    ]);
  });
});

/** The outbox and inbox as the catalogue sees them: columns, indexes, triggers. */
async function transportShape(url: string) {
  const columns = await query(
    url,
    `SELECT table_name, column_name, data_type, is_nullable, column_default
       FROM information_schema.columns WHERE table_name IN ('outbox', 'inbox')
      ORDER BY table_name, ordinal_position`,
  );
  const indexes = await query(
    url,
    `SELECT tablename, indexdef FROM pg_indexes WHERE tablename IN ('outbox', 'inbox') ORDER BY 1, 2`,
  );
  const triggers = await query(
    url,
    `SELECT tgname, pg_get_triggerdef(oid) AS def FROM pg_trigger
      WHERE tgrelid IN ('outbox'::regclass, 'inbox'::regclass) AND NOT tgisinternal ORDER BY 1`,
  );
  return { columns, indexes, triggers };
}

describe('the outbox and inbox', () => {
  it('have exactly the shape the event bus expects (@shop/event-bus/schema)', async () => {
    const ours = await freshDatabase();
    await migrate(ours);
    const reference = await freshDatabase();
    await withClient(reference, (client) => client.query(outboxInboxSql));
    const shape = await transportShape(ours);
    expect(shape.columns).toHaveLength(20);
    expect(shape).toEqual(await transportShape(reference));
  });
});

describe('migrate (the rules, on scratch migrations)', () => {
  it('refuses an applied migration whose file changed, naming it', async () => {
    const url = await freshDatabase();
    await writeFile(path.join(dir, '0001_a.sql'), 'CREATE TABLE a (id int);');
    await migrate(url, { migrationsDir: dir });
    await writeFile(path.join(dir, '0001_a.sql'), 'CREATE TABLE a (id bigint);');
    await writeFile(path.join(dir, '0002_b.sql'), 'CREATE TABLE b (id int);');
    const attempt = migrate(url, { migrationsDir: dir });
    await expect(attempt).rejects.toThrow(MigrationChecksumMismatch);
    await expect(attempt).rejects.toThrow(/0001_a\.sql was changed after it was applied/);
    expect(await query(url, `SELECT to_regclass('b') IS NULL AS missing`)).toEqual([
      { missing: true },
    ]);
  });

  it('rolls a failing migration back whole and names the file and line', async () => {
    const url = await freshDatabase();
    await writeFile(path.join(dir, '0001_ok.sql'), 'CREATE TABLE ok (id int);');
    await writeFile(
      path.join(dir, '0002_broken.sql'),
      'CREATE TABLE half (id int);\nCREATE TABLE nope (id nosuchtype);',
    );
    const attempt = migrate(url, { migrationsDir: dir });
    await expect(attempt).rejects.toThrow(MigrationFailed);
    await expect(attempt).rejects.toThrow(/0002_broken\.sql failed.*nosuchtype.* at line 2/);
    expect(await query(url, 'SELECT name FROM worker_migrations')).toEqual([{ name: '0001_ok' }]);
    expect(await query(url, `SELECT to_regclass('half') IS NULL AS missing`)).toEqual([
      { missing: true },
    ]);
  });

  it('reports migrations the database has and this code does not', async () => {
    const url = await freshDatabase();
    await writeFile(path.join(dir, '0001_a.sql'), 'SELECT 1;');
    await writeFile(path.join(dir, '0002_b.sql'), 'SELECT 1;');
    await migrate(url, { migrationsDir: dir });
    await rm(path.join(dir, '0002_b.sql'));
    expect(await migrate(url, { migrationsDir: dir })).toEqual({
      applied: [],
      unknown: ['0002_b'],
    });
  });

  it('refuses a misnamed file before touching the database', async () => {
    await writeFile(path.join(dir, '1_a.sql'), 'SELECT 1;');
    await expect(readMigrations(dir)).rejects.toThrow(/1_a\.sql .* misnamed/);
  });
});
