/**
 * `npm run db:reset [-- --force]`: drop and recreate the app database, migrate, seed. Refuses a
 * non-local host unless `--force`, and never drops the server's own databases.
 */
import { databaseName, describeTarget, isLocalHost } from '../src/connection';
import { DbError } from '../src/errors';
import { migrate } from '../src/migrate';
import { seed } from '../src/seed';
import { dropDatabase, ensureDatabase } from '../src/server';
import { appDatabaseUrl, runCli } from './cli';

const PROTECTED = new Set(['postgres', 'template0', 'template1']);

runCli('db:reset', async () => {
  const url = appDatabaseUrl();
  const target = describeTarget(url);
  if (PROTECTED.has(databaseName(url))) {
    throw new DbError(
      'UNSAFE_TARGET',
      `refusing to drop ${target}: it is a PostgreSQL system database.`,
    );
  }
  if (!isLocalHost(url) && !process.argv.includes('--force')) {
    throw new DbError(
      'UNSAFE_TARGET',
      `refusing to reset ${target}: not a local host. Re-run with --force if you really mean it.`,
    );
  }
  await dropDatabase(url);
  await ensureDatabase(url);
  const { applied } = await migrate(url);
  await seed(url);
  console.log(`db:reset: recreated ${target}, applied ${applied.length} migration(s), seeded`);
});
