// `npm start`: from a fresh clone to a running shop — install, provision Postgres and Redis,
// migrate and seed the shop's database, create and migrate the worker's, build, then run the card
// processor (4200), the worker (4300), the api (4000) and the web app (3000). A second run skips
// what is done (turbo caches the build).
import { parseCli } from './lib/cli.mjs';
import { step } from './lib/log.mjs';
import { handleSignals, runMain } from './lib/lifecycle.mjs';
import { ensurePortsFree, preflight } from './lib/preflight.mjs';
import {
  buildForProduction,
  prepareAppDatabase,
  prepareRedis,
  prepareWorkerDatabase,
  runApps,
} from './lib/app.mjs';
import { shopPorts } from './lib/app-services.mjs';

await runMain(async () => {
  parseCli({ usage: 'npm start' });
  handleSignals();
  await preflight();
  await ensurePortsFree(shopPorts());
  const databaseUrl = await prepareAppDatabase();
  const workerDatabaseUrl = await prepareWorkerDatabase(databaseUrl);
  const redisUrl = await prepareRedis();
  await buildForProduction();
  step('Starting the card processor, worker, api and web');
  await runApps({
    script: 'start',
    databaseUrl,
    workerDatabaseUrl,
    redisUrl,
    nodeEnv: 'production',
    healthTimeoutMs: 120_000,
  });
});
