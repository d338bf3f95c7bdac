/**
 * `npm run db:migrate:new -- <name>`: writes `prisma/migrations/<timestamp>_<name>/migration.sql` with the
 * SQL that takes the database from the newest migration's schema snapshot to `prisma/schema.prisma`.
 * Review it, append anything Prisma cannot express (CHECK constraints, extensions), then `db:migrate`.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withDatabase } from '../src/connection';
import { DbError } from '../src/errors';
import { MIGRATION_LOCK, defaultMigrationsDir, readMigrations } from '../src/migrations';
import { appDatabaseUrl, runCli } from './cli';
import { diffSql } from './schema-engine';
import type { SchemaSource } from './schema-engine';

const schemaPath = fileURLToPath(new URL('../prisma/schema.prisma', import.meta.url));
const SNAPSHOT = 'schema.prisma';

function migrationName(arg: string | undefined): string {
  const name = (arg ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  if (!name) throw new DbError('INVALID_URL', 'usage: npm run db:migrate:new -- <name>   (e.g. add_product_rating)');
  return name;
}

function timestamp(now = new Date()): string {
  return now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

async function previousSchema(dir: string): Promise<SchemaSource> {
  const latest = (await readMigrations(dir)).at(-1);
  if (!latest) return { kind: 'empty' };
  const snapshot = join(dir, latest.name, SNAPSHOT);
  if (!existsSync(snapshot)) {
    throw new DbError('MIGRATION_HISTORY', `Migration ${latest.name} has no ${SNAPSHOT} snapshot, so the schema it produces is unknown; copy the schema it was made from into that folder.`);
  }
  return { kind: 'datamodel', file: { path: SNAPSHOT, content: await readFile(snapshot, 'utf8') } };
}

runCli('db:migrate:new', async () => {
  const name = migrationName(process.argv[2]);
  const dir = defaultMigrationsDir;
  const from = await previousSchema(dir);
  const sql = await diffSql(withDatabase(appDatabaseUrl(), 'postgres'), from, { path: SNAPSHOT, content: await readFile(schemaPath, 'utf8') });
  if (!sql) {
    throw new DbError('NO_SCHEMA_CHANGE', 'prisma/schema.prisma matches the newest migration: nothing to write.');
  }
  const folder = join(dir, `${timestamp()}_${name}`);
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'migration.sql'), sql);
  await copyFile(schemaPath, join(folder, SNAPSHOT));
  if (!existsSync(join(dir, 'migration_lock.toml'))) await writeFile(join(dir, 'migration_lock.toml'), MIGRATION_LOCK);
  console.log(`db:migrate:new: wrote ${folder.slice(folder.indexOf('prisma/'))}/migration.sql; review it, then npm run db:migrate`);
});
