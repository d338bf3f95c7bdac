/**
 * The end-to-end run's settings: the only place the e2e support code reads `process.env`.
 * `npm test` sets them; the defaults let `npx playwright test` run on its own after a build.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function port(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0 || value > 65_535)
    throw new Error(`${name} must be a TCP port, got "${process.env[name]}"`);
  return value;
}

export const webDir = fileURLToPath(new URL('../..', import.meta.url));
export const repoRoot = path.resolve(webDir, '../..');

export const e2eSettings = {
  /** Server on which the run creates its own database (any database in the URL is only a way in). */
  databaseUrl: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
  /** The run's own database, set by the global setup for the workers it starts. */
  runDatabaseUrl: process.env.E2E_RUN_DATABASE_URL,
  apiPort: port('E2E_API_PORT', 4100),
  webPort: port('E2E_WEB_PORT', 3100),
  processorPort: port('E2E_PROCESSOR_PORT', 4210),
  workerPort: port('E2E_WORKER_PORT', 4310),
  /**
   * The queues' prefix for the run's api and worker: `npm test` passes its run's own (and deletes its
   * keys afterwards); a bare `npx playwright test` gets a fresh one, so it never shares queues with a
   * running `npm start`.
   */
  queuePrefix: process.env.QUEUE_PREFIX ?? `shop-e2e-${randomBytes(4).toString('hex')}`,
  chromium: process.env.E2E_CHROMIUM,
  jsonReport: process.env.E2E_JSON_REPORT ?? path.join(webDir, 'test-results', 'e2e-report.json'),
  workers: port('E2E_WORKERS', 2),
  /** The API's SIGNUP_MAX_PER_ADDRESS for the run (its default), for the spec that reaches it. */
  signUpsPerAddress: 30,
  isCi: Boolean(process.env.CI),
};

export const webUrl = `http://127.0.0.1:${e2eSettings.webPort}`;
export const apiUrl = `http://127.0.0.1:${e2eSettings.apiPort}`;
export const processorUrl = `http://127.0.0.1:${e2eSettings.processorPort}`;
export const workerUrl = `http://127.0.0.1:${e2eSettings.workerPort}`;
/** Where the run's worker writes its e-mails (emptied when the run starts). */
export const mailDir = path.join(repoRoot, '.data', 'e2e-mail');
