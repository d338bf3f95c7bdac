/**
 * Once per run: fresh databases (the shop's, seeded; the worker's, migrated), then the production
 * card processor, worker, api and web on the e2e ports (4210/4310/4100/3100 by default, so a running
 * `npm start` does not clash), the api and worker on the run's own queue prefix. The returned
 * function is the teardown: servers stopped, databases dropped.
 */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createE2eDatabase, createE2eWorkerDatabase } from './database';
import type { TestDatabase } from '@shop/db/testing';
import { startServer, waitUntilHealthy } from './servers';
import type { RunningServer } from './servers';
import {
  apiUrl,
  e2eSettings,
  mailDir,
  processorUrl,
  repoRoot,
  webUrl,
  workerUrl,
} from './settings';

function assertBuilt(): void {
  const builds = {
    '@shop/card-processor': 'apps/card-processor/dist/main.js',
    '@shop/worker': 'apps/worker/dist/main.js',
    '@shop/api': 'apps/api/dist/main.js',
    '@shop/web': 'apps/web/.next/BUILD_ID',
  };
  const missing = Object.entries(builds).filter(
    ([, file]) => !existsSync(path.join(repoRoot, file)),
  );
  if (missing.length) {
    const names = missing.map(([name]) => name).join(', ');
    throw new Error(
      `No production build of ${names}: run \`npx turbo run build\` first (npm test does).`,
    );
  }
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  assertBuilt();
  const databases: TestDatabase[] = [];
  const servers: RunningServer[] = [];
  const teardown = async (): Promise<void> => {
    await Promise.all(servers.map((server) => server.stop()));
    await Promise.all(databases.map((database) => database.drop()));
  };
  try {
    const database = await createE2eDatabase();
    databases.push(database);
    // Workers start after this and inherit it: specs that check what the page cannot show read it.
    process.env.E2E_RUN_DATABASE_URL = database.url;
    const workerDatabase = await createE2eWorkerDatabase();
    databases.push(workerDatabase);
    rmSync(mailDir, { recursive: true, force: true });

    const processor = startServer('processor', '@shop/card-processor', {
      NODE_ENV: 'production',
      CARD_PROCESSOR_PORT: String(e2eSettings.processorPort),
      CARD_PROCESSOR_HOST: '127.0.0.1',
    });
    servers.push(processor);
    const worker = startServer('worker', '@shop/worker', {
      NODE_ENV: 'production',
      WORKER_PORT: String(e2eSettings.workerPort),
      WORKER_HOST: '127.0.0.1',
      WORKER_DATABASE_URL: workerDatabase.url,
      QUEUE_PREFIX: e2eSettings.queuePrefix,
      CARD_PROCESSOR_URL: processorUrl,
      MAIL_DIR: mailDir,
    });
    servers.push(worker);
    const api = startServer('api', '@shop/api', {
      NODE_ENV: 'production',
      PORT: String(e2eSettings.apiPort),
      DATABASE_URL: database.url,
      QUEUE_PREFIX: e2eSettings.queuePrefix,
      CARD_PROCESSOR_URL: processorUrl,
      ALLOWED_ORIGINS: `${webUrl},http://localhost:${e2eSettings.webPort}`,
      // Only the web server is a proxy, as in production: a client on another loopback address
      // (127.0.0.2) then stands for a shopper elsewhere (forwarded-for.spec.ts).
      TRUSTED_PROXIES: '127.0.0.1',
      SIGNUP_MAX_PER_ADDRESS: String(e2eSettings.signUpsPerAddress),
    });
    servers.push(api);
    const web = startServer('web', '@shop/web', {
      NODE_ENV: 'production',
      PORT: String(e2eSettings.webPort),
      API_URL: apiUrl,
    });
    servers.push(web);
    await waitUntilHealthy(processor, `${processorUrl}/health`);
    await waitUntilHealthy(worker, `${workerUrl}/health`);
    await waitUntilHealthy(api, `${apiUrl}/health`);
    await waitUntilHealthy(web, `${webUrl}/`);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
