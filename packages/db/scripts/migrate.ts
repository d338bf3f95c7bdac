import { describeTarget } from '../src/connection';
import { migrate } from '../src/migrate';
import { ensureDatabase } from '../src/server';
import { appDatabaseUrl, runCli } from './cli';

runCli('db:migrate', async () => {
  const url = appDatabaseUrl();
  const { created } = await ensureDatabase(url);
  if (created) console.log(`db:migrate: created database ${describeTarget(url)}`);
  const { applied } = await migrate(url);
  console.log(
    applied.length
      ? `db:migrate: applied ${applied.join(', ')}`
      : `db:migrate: ${describeTarget(url)} is up to date`,
  );
});
