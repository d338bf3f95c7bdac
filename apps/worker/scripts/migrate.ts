// `npm run db:migrate -w @shop/worker`: creates the worker's database if it is missing, then applies
// its pending migrations. Reads WORKER_DATABASE_URL (default: shop_worker on the local server).
import { describeTarget } from '../src/db/connection';
import { ensureDatabase } from '../src/db/ensure-database';
import { migrate } from '../src/db/migrate';
import { loadEnv } from '../src/env';

try {
  const url = loadEnv().WORKER_DATABASE_URL;
  const { created } = await ensureDatabase(url);
  if (created) console.log(`worker db:migrate: created database ${describeTarget(url)}`);
  const { applied, unknown } = await migrate(url);
  console.log(
    applied.length
      ? `worker db:migrate: applied ${applied.join(', ')}`
      : `worker db:migrate: ${describeTarget(url)} is up to date`,
  );
  if (unknown.length)
    console.warn(
      `worker db:migrate: the database has migrations this code does not know (${unknown.join(', ')}): it is ahead of this checkout`,
    );
} catch (error) {
  console.error(`worker db:migrate: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
