/**
 * `npm run db:migrate:status`: checks the two ways migrations drift, using Prisma's own engine.
 *  1. The database's `_prisma_migrations` history, read by the engine behind `prisma migrate status`:
 *     proof that `prisma migrate deploy` would find nothing to do (or lists what is pending).
 *  2. `prisma/schema.prisma` against the newest migration's snapshot: a schema edit without a migration.
 * Exits non-zero, with one line per problem, when either is out of step.
 */
import { describeTarget, withDatabase } from '../src/connection';
import { DbError } from '../src/errors';
import { migrationList } from '../src/migrations';
import { appDatabaseUrl, runCli } from './cli';
import { diagnoseHistory, diffSql } from './schema-engine';
import { currentSchema, previousSchema } from './schema-snapshot';

runCli('db:migrate:status', async () => {
  const url = appDatabaseUrl();
  const schema = await currentSchema();
  const list = await migrationList();
  const problems: string[] = [];

  const history = await diagnoseHistory(url, schema, list);
  if (!history.hasMigrationsTable)
    problems.push(`${describeTarget(url)} has no _prisma_migrations table: run npm run db:migrate`);
  if (history.failedMigrationNames.length)
    problems.push(`failed migrations recorded: ${history.failedMigrationNames.join(', ')}`);
  if (history.editedMigrationNames.length)
    problems.push(
      `migrations edited after being applied: ${history.editedMigrationNames.join(', ')}`,
    );
  if (history.history?.diagnostic === 'databaseIsBehind')
    problems.push(
      `pending: ${history.history.unappliedMigrationNames.join(', ')} (run npm run db:migrate)`,
    );
  else if (history.history)
    problems.push(`history differs from prisma/migrations (${history.history.diagnostic})`);

  const unmigrated = await diffSql(
    withDatabase(url, 'postgres'),
    await previousSchema(list.baseDir),
    schema,
  );
  if (unmigrated)
    problems.push(
      'prisma/schema.prisma has changes no migration contains: run npm run db:migrate:new -- <name>',
    );

  if (problems.length) throw new DbError('MIGRATION_HISTORY', problems.join('; '));
  console.log(
    `db:migrate:status: ${describeTarget(url)} has all ${list.migrationDirectories.length} migration(s) applied (as Prisma sees it), and schema.prisma matches them`,
  );
});
