// The processes `npm start`, `npm run dev`, `npm run worker` and `npm run processor` run: for each, its
// workspace, port, environment and health URL. Pure (no I/O, only node: built-ins), so the wiring
// between them — which URL each one is given for the others — is unit-tested
// (test/app-services.test.mjs); app.mjs starts them.
import path from 'node:path';
import { UserError } from './log.mjs';
import { dataDir } from './paths.mjs';

export const WEB_PORT = 3000;
export const API_PORT = 4000;
export const PROCESSOR_PORT = 4200;
export const WORKER_PORT = 4300;

/** The worker's own database on the shop's PostgreSQL server (unless WORKER_DATABASE_URL says otherwise). */
export const WORKER_DATABASE = 'shop_worker';

/** Where the worker writes e-mails as files when SMTP_URL is unset. */
export const defaultMailDir = path.join(dataDir, 'mail');

const loopback = (port) => `http://127.0.0.1:${port}`;

/** Where this machine reaches a server listening on `host` (a wildcard address means loopback). */
function reachable(host, port) {
  if (host === '0.0.0.0' || host === '::' || host === '[::]') return loopback(port);
  return `http://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${port}`;
}

/**
 * @typedef {{ name: string, colour: string, workspace: string, purpose: string, port: number,
 *   env: Record<string, string>, healthUrl: string }} AppService
 */

/** The card processor (a stand-in PSP); nothing persistent. */
export function processorService({ nodeEnv, port = PROCESSOR_PORT, host = '127.0.0.1' }) {
  return {
    name: 'processor',
    colour: 'yellow',
    workspace: '@shop/card-processor',
    purpose: 'the card processor',
    port,
    env: { NODE_ENV: nodeEnv, CARD_PROCESSOR_PORT: String(port), CARD_PROCESSOR_HOST: host },
    healthUrl: `${reachable(host, port)}/health`,
  };
}

/** The worker: payment and notifications, its own database, the queues, the processor's secret key. */
export function workerService({
  nodeEnv,
  databaseUrl,
  redisUrl,
  processorUrl,
  mailDir = defaultMailDir,
  port = WORKER_PORT,
  host = '127.0.0.1',
}) {
  return {
    name: 'worker',
    colour: 'green',
    workspace: '@shop/worker',
    purpose: 'the worker',
    port,
    env: {
      NODE_ENV: nodeEnv,
      WORKER_PORT: String(port),
      WORKER_HOST: host,
      WORKER_DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      CARD_PROCESSOR_URL: processorUrl,
      MAIL_DIR: mailDir,
    },
    healthUrl: `${reachable(host, port)}/health`,
  };
}

/** The API: the shop's database, the queues, the processor for tokenizing cards. */
export function apiService({ nodeEnv, databaseUrl, redisUrl, processorUrl }) {
  return {
    name: 'api',
    colour: 'cyan',
    workspace: '@shop/api',
    purpose: 'the API',
    port: API_PORT,
    env: {
      NODE_ENV: nodeEnv,
      PORT: String(API_PORT),
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      CARD_PROCESSOR_URL: processorUrl,
      ALLOWED_ORIGINS: `http://localhost:${WEB_PORT},${loopback(WEB_PORT)}`,
    },
    healthUrl: `${loopback(API_PORT)}/health`,
  };
}

/** The storefront, which reaches the API on loopback. */
export function webService({ nodeEnv }) {
  return {
    name: 'web',
    colour: 'magenta',
    workspace: '@shop/web',
    purpose: 'the web app',
    port: WEB_PORT,
    env: { NODE_ENV: nodeEnv, PORT: String(WEB_PORT), API_URL: loopback(API_PORT) },
    healthUrl: `${loopback(WEB_PORT)}/`,
  };
}

/**
 * The whole shop, in start order: card processor, worker, api, web, each given the others' URLs.
 * @returns {AppService[]}
 */
export function shopServices({ nodeEnv, databaseUrl, workerDatabaseUrl, redisUrl, mailDir }) {
  const processor = processorService({ nodeEnv });
  const processorUrl = loopback(processor.port);
  return [
    processor,
    workerService({ nodeEnv, databaseUrl: workerDatabaseUrl, redisUrl, processorUrl, mailDir }),
    apiService({ nodeEnv, databaseUrl, redisUrl, processorUrl }),
    webService({ nodeEnv }),
  ];
}

/** `{ [port]: purpose }` for ensurePortsFree. */
export function portsOf(services) {
  return Object.fromEntries(services.map((service) => [service.port, service.purpose]));
}

/** The ports the whole shop listens on, `{ [port]: purpose }`. */
export const shopPorts = () => portsOf(shopServices({ nodeEnv: 'production' }));

function portFrom(env, name, fallback) {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    throw new UserError(`${name} must be a TCP port (1–65535), got "${text}".`);
  return port;
}

/**
 * The worker on its own (`npm run worker`), for a team that deploys it alone: its port, address,
 * card processor and mail folder come from the environment when set there.
 * @param {{ env: NodeJS.ProcessEnv, databaseUrl: string, redisUrl: string }} options
 */
export function standaloneWorker({ env, databaseUrl, redisUrl }) {
  return workerService({
    nodeEnv: 'production',
    databaseUrl,
    redisUrl,
    processorUrl: env.CARD_PROCESSOR_URL || loopback(PROCESSOR_PORT),
    mailDir: env.MAIL_DIR || defaultMailDir,
    port: portFrom(env, 'WORKER_PORT', WORKER_PORT),
    host: env.WORKER_HOST || '127.0.0.1',
  });
}

/** The card processor on its own (`npm run processor`); CARD_PROCESSOR_PORT/HOST from the environment. */
export function standaloneProcessor({ env }) {
  return processorService({
    nodeEnv: 'production',
    port: portFrom(env, 'CARD_PROCESSOR_PORT', PROCESSOR_PORT),
    host: env.CARD_PROCESSOR_HOST || '127.0.0.1',
  });
}
