/**
 * Once per run: a fresh seeded database, then the production api and web on the e2e ports
 * (4100/3100 by default, so a running `npm start` does not clash). The returned function is the
 * teardown: servers stopped, database dropped.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createE2eDatabase } from './database';
import { startServer, waitUntilHealthy } from './servers';
import type { RunningServer } from './servers';
import { apiUrl, e2eSettings, repoRoot, webUrl } from './settings';

function assertBuilt(): void {
  const builds = { '@shop/api': 'apps/api/dist/main.js', '@shop/web': 'apps/web/.next/BUILD_ID' };
  const missing = Object.entries(builds).filter(
    ([, file]) => !existsSync(path.join(repoRoot, file)),
  );
  if (missing.length) {
    const names = missing.map(([name]) => name).join(' and ');
    throw new Error(
      `No production build of ${names}: run \`npx turbo run build\` first (npm test does).`,
    );
  }
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  assertBuilt();
  const database = await createE2eDatabase();
  // Workers start after this and inherit it: specs that check what the page cannot show read it.
  process.env.E2E_RUN_DATABASE_URL = database.url;
  const servers: RunningServer[] = [];
  const opsTicketSecret = randomBytes(32).toString('base64url');
  const teardown = async (): Promise<void> => {
    await Promise.all(servers.map((server) => server.stop()));
    await database.drop();
  };
  try {
    const api = startServer('api', '@shop/api', {
      NODE_ENV: 'production',
      PORT: String(e2eSettings.apiPort),
      DATABASE_URL: database.url,
      ALLOWED_ORIGINS: `${webUrl},http://localhost:${e2eSettings.webPort}`,
      // Only the web server is a proxy, as in production: a client on another loopback address
      // (127.0.0.2) then stands for a shopper elsewhere (forwarded-for.spec.ts).
      TRUSTED_PROXIES: '127.0.0.1',
      SIGNUP_MAX_PER_ADDRESS: String(e2eSettings.signUpsPerAddress),
      // Production refuses to start without its own; the worker, once started here, needs the same.
      OPS_TICKET_SECRET: opsTicketSecret,
    });
    servers.push(api);
    const web = startServer('web', '@shop/web', {
      NODE_ENV: 'production',
      PORT: String(e2eSettings.webPort),
      API_URL: apiUrl,
    });
    servers.push(web);
    await waitUntilHealthy(api, `${apiUrl}/health`);
    await waitUntilHealthy(web, `${webUrl}/`);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
