// `npm start`: from a fresh clone to a running shop — install, provision Postgres and Redis,
// migrate, seed, build, run api (4000) + web (3000). A second run skips what is done (turbo caches
// the build).
import { parseCli } from './lib/cli.mjs';
import { step, UserError } from './lib/log.mjs';
import { handleSignals, runMain } from './lib/lifecycle.mjs';
import { ensurePortsFree, preflight } from './lib/preflight.mjs';
import { run } from './lib/processes.mjs';
import {
  API_PORT,
  WEB_PORT,
  prepareAppDatabase,
  prepareRedis,
  quietEnv,
  runApps,
} from './lib/app.mjs';

await runMain(async () => {
  parseCli({ usage: 'npm start' });
  handleSignals();
  await preflight();
  await ensurePortsFree({ [API_PORT]: 'the API', [WEB_PORT]: 'the web app' });
  const databaseUrl = await prepareAppDatabase();
  const redisUrl = await prepareRedis();
  step('Building for production (cached when nothing changed): turbo run build');
  const built = await run('npx', ['turbo', 'run', 'build', '--output-logs=new-only'], {
    env: { ...process.env, ...quietEnv },
  });
  if (built !== 0) throw new UserError('The production build failed (see above).');
  step('Starting api and web');
  await runApps({
    script: 'start',
    databaseUrl,
    redisUrl,
    nodeEnv: 'production',
    healthTimeoutMs: 120_000,
  });
});
