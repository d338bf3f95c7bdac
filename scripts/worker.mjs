// `npm run worker`: the worker alone, as a team deploying it on its own runs it. Provisions
// PostgreSQL (skipped when WORKER_DATABASE_URL is set) and Redis, creates and migrates the worker's
// database, builds the worker, then runs it on WORKER_PORT (4300) against CARD_PROCESSOR_URL
// (default http://127.0.0.1:4200) until Ctrl-C. Its other settings come from the environment as the
// worker's README lists them.
import process from 'node:process';
import { parseCli } from './lib/cli.mjs';
import { colour, info, step } from './lib/log.mjs';
import { handleSignals, runMain } from './lib/lifecycle.mjs';
import { ensurePortsFree, preflight } from './lib/preflight.mjs';
import {
  buildForProduction,
  preparePostgres,
  prepareRedis,
  prepareWorkerDatabase,
  runServices,
} from './lib/app.mjs';
import { WORKER_DATABASE, portsOf, standaloneWorker } from './lib/app-services.mjs';

await runMain(async () => {
  parseCli({ usage: 'npm run worker' });
  handleSignals();
  await preflight();
  const env = process.env;
  await ensurePortsFree(portsOf([standaloneWorker({ env })]));
  const serverUrl = env.WORKER_DATABASE_URL ? null : await preparePostgres(WORKER_DATABASE);
  const databaseUrl = await prepareWorkerDatabase(serverUrl);
  const redisUrl = await prepareRedis();
  await buildForProduction(['@shop/worker']);
  const worker = standaloneWorker({ env, databaseUrl, redisUrl });
  step('Starting the worker');
  info(
    `card processor: ${worker.env.CARD_PROCESSOR_URL}; e-mails: ${env.SMTP_URL ? 'SMTP_URL' : worker.env.MAIL_DIR}`,
  );
  await runServices([worker], {
    script: 'start',
    healthTimeoutMs: 120_000,
    onReady: () =>
      console.log(
        `\n${colour('green', '✔')} The worker is running: ${colour('bold', new URL(worker.healthUrl).origin)}` +
          ' — Ctrl-C stops it.\n',
      ),
  });
});
