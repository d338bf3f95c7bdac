// `npm run dev`: like `npm start`, but api and web hot-reload (tsx watch, next dev); no build.
import { parseCli } from './lib/cli.mjs';
import { step } from './lib/log.mjs';
import { handleSignals, runMain } from './lib/lifecycle.mjs';
import { ensurePortsFree, preflight } from './lib/preflight.mjs';
import { API_PORT, WEB_PORT, prepareAppDatabase, prepareRedis, runApps } from './lib/app.mjs';

await runMain(async () => {
  parseCli({ usage: 'npm run dev' });
  handleSignals();
  await preflight();
  await ensurePortsFree({ [API_PORT]: 'the API', [WEB_PORT]: 'the web app' });
  const databaseUrl = await prepareAppDatabase();
  const redisUrl = await prepareRedis();
  step('Starting api and web in watch mode');
  await runApps({
    script: 'dev',
    databaseUrl,
    redisUrl,
    nodeEnv: 'development',
    healthTimeoutMs: 300_000,
  });
});
