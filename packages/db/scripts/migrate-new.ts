/**
 * `npm run db:migrate:new -- <name>`: writes `prisma/migrations/<timestamp>_<name>/migration.sql` with the
 * SQL that takes the database from the newest migration's schema snapshot to `prisma/schema.prisma`.
 * Review it, append anything Prisma cannot express (CHECK constraints, extensions), then `db:migrate`.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { withDatabase } from '../src/connection';
import { DbError } from '../src/errors';
import { MIGRATION_LOCK, defaultMigrationsDir } from '../src/migrations';
import { appDatabaseUrl, runCli } from './cli';
import { diffSql } from './schema-engine';
import { SNAPSHOT, currentSchema, previousSchema, schemaPath } from './schema-snapshot';

function migrationName(arg: string | undefined): string {
  const name = (arg ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!name) throw new Error('usage: npm run db:migrate:new -- <name>   (e.g. add_product_rating)');
  return name;
}

function timestamp(now = new Date()): string {
  return now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

runCli('db:migrate:new', async () => {
  const name = migrationName(process.argv[2]);
  const dir = defaultMigrationsDir;
  const sql = await diffSql(
    withDatabase(appDatabaseUrl(), 'postgres'),
    await previousSchema(dir),
    await currentSchema(),
  );
  if (!sql)
    throw new DbError(
      'NO_SCHEMA_CHANGE',
      'prisma/schema.prisma matches the newest migration: nothing to write.',
    );
  const folder = join(dir, `${timestamp()}_${name}`);
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'migration.sql'), sql);
  await copyFile(schemaPath, join(folder, SNAPSHOT));
  if (!existsSync(join(dir, 'migration_lock.toml')))
    await writeFile(join(dir, 'migration_lock.toml'), MIGRATION_LOCK);
  console.log(
    `db:migrate:new: wrote ${folder.slice(folder.indexOf('prisma/'))}/migration.sql; review it, then npm run db:migrate`,
  );
});
