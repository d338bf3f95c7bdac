// `npm run dev`: like `npm start`, but every process hot-reloads (tsx watch, next dev); no build.
import { parseCli } from './lib/cli.mjs';
import { step } from './lib/log.mjs';
import { handleSignals, runMain } from './lib/lifecycle.mjs';
import { ensurePortsFree, preflight } from './lib/preflight.mjs';
import { prepareAppDatabase, prepareRedis, prepareWorkerDatabase, runApps } from './lib/app.mjs';
import { shopPorts } from './lib/app-services.mjs';

await runMain(async () => {
  parseCli({ usage: 'npm run dev' });
  handleSignals();
  await preflight();
  await ensurePortsFree(shopPorts());
  const databaseUrl = await prepareAppDatabase();
  const workerDatabaseUrl = await prepareWorkerDatabase(databaseUrl);
  const redisUrl = await prepareRedis();
  step('Starting the card processor, worker, api and web in watch mode');
  await runApps({
    script: 'dev',
    databaseUrl,
    workerDatabaseUrl,
    redisUrl,
    nodeEnv: 'development',
    healthTimeoutMs: 300_000,
  });
});
