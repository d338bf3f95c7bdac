// The end-to-end stage of `npm test`: a browser, free ports, a production build, then Playwright
// (apps/web/playwright.config.ts starts the card processor, the worker, api and web on ports of their
// own, with fresh databases for the shop and the worker). The e2e ports are chosen here, once.
import path from 'node:path';
import { rmSync } from 'node:fs';
import { colour, step } from './log.mjs';
import { ensurePortsFree } from './preflight.mjs';
import { run } from './processes.mjs';
import { countPlaywright } from './reports.mjs';
import { ensureChromium } from './chromium.mjs';
import { env, reportsDir } from './pipeline.mjs';

export const E2E_API_PORT = 4100;
export const E2E_WEB_PORT = 3100;
export const E2E_PROCESSOR_PORT = 4210;
export const E2E_WORKER_PORT = 4310;

const E2E_PORTS = {
  [E2E_API_PORT]: 'the e2e API',
  [E2E_WEB_PORT]: 'the e2e web app',
  [E2E_PROCESSOR_PORT]: 'the e2e card processor',
  [E2E_WORKER_PORT]: 'the e2e worker',
};
const E2E_WORKSPACES = ['@shop/card-processor', '@shop/worker', '@shop/api', '@shop/web'];

/**
 * Runs the Playwright suite against `databaseUrl`'s server; { ok, passed, failed, note }.
 * `queueEnv` ({ REDIS_URL, QUEUE_PREFIX }) reaches the servers the suite starts.
 */
export async function endToEnd(databaseUrl, queueEnv = {}) {
  const browser = await ensureChromium();
  if (browser.error) {
    console.error(colour('red', '✖ ') + browser.error);
    return { ok: false, passed: 0, failed: 1, note: 'no Chromium' };
  }
  step(`Browser: ${browser.path}`);
  try {
    await ensurePortsFree(E2E_PORTS);
  } catch (error) {
    console.error(colour('red', '✖ ') + error.message);
    return { ok: false, passed: 0, failed: 1, note: 'port in use' };
  }
  step('Production build of the four servers (cached when nothing changed): turbo run build');
  const filters = E2E_WORKSPACES.map((name) => `--filter=${name}`);
  const build = await run('npx', ['turbo', 'run', 'build', ...filters, '--output-logs=new-only'], {
    env: env(),
  });
  if (build !== 0) return { ok: false, passed: 0, failed: 1, note: 'build failed' };
  const report = path.join(reportsDir, 'e2e.json');
  rmSync(report, { force: true });
  step('Playwright: apps/web/e2e');
  const code = await run(
    'npx',
    ['playwright', 'test', '--config', 'apps/web/playwright.config.ts', '--forbid-only'],
    {
      env: env({
        DATABASE_URL: databaseUrl,
        ...queueEnv,
        E2E_API_PORT: String(E2E_API_PORT),
        E2E_WEB_PORT: String(E2E_WEB_PORT),
        E2E_PROCESSOR_PORT: String(E2E_PROCESSOR_PORT),
        E2E_WORKER_PORT: String(E2E_WORKER_PORT),
        E2E_JSON_REPORT: report,
        E2E_CHROMIUM: browser.path,
      }),
    },
  );
  const counts = countPlaywright(report) ?? { passed: 0, failed: 0 };
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  return {
    ok: code === 0,
    ...counts,
    note: code === 0 ? 'ok' : `exit ${code} (traces: apps/web/test-results)`,
  };
}
