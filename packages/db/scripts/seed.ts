import { describeTarget } from '../src/connection';
import { seed } from '../src/seed';
import { appDatabaseUrl, runCli } from './cli';

runCli('db:seed', async () => {
  const url = appDatabaseUrl();
  const products = Number(
    process.argv.find((arg) => arg.startsWith('--products='))?.split('=')[1] ?? 0,
  );
  const { created } = await seed(url, { products });
  console.log(
    created
      ? `db:seed: seeded ${describeTarget(url)}`
      : `db:seed: ${describeTarget(url)} was already seeded, nothing changed`,
  );
});
