// Service provisioning, one shape for every backing service (PostgreSQL, Redis). Order of
// preference, first that works wins:
//   (a) the URL in the environment (DATABASE_URL, REDIS_URL) — must connect, else a clear error;
//   (b) a server already listening on the default local port;
//   (c) a private server started from installed binaries, its data under the git-ignored .data/
//       folder, reached only through a unix socket in that folder; stopped when the script ends;
//   (d) as root on Debian/Ubuntu with nothing installed: apt-get install, then (c);
//   (e) a clear error naming what was tried and the one command that fixes it.
// See docs/decisions/001-service-provisioning.md and 005-one-way-for-scripts.md.
import { UserError, info, step } from './log.mjs';
import { aptInstall, canAptInstall, isDebianLike, isRoot } from './system.mjs';
import { postgres } from './postgres.mjs';
import { redis } from './redis.mjs';
import { checkRedisForQueues } from './redis-check.mjs';
import * as db from './db.mjs';

export { checkRedisForQueues };

export class ProvisionError extends UserError {
  name = 'ProvisionError';
}

/** The URL with its password replaced by ***, safe to print. */
export const redactUrl = db.redactUrl;

function fixCommand(service) {
  if (process.platform === 'darwin') return `brew install ${service.brewPackage}`;
  if (isDebianLike()) return `${isRoot() ? '' : 'sudo '}apt-get install -y ${service.aptPackage}`;
  return `export ${service.envVar}=${service.exampleUrl}`;
}

/**
 * Provides a running server for `service`. Returns { url, source, stop } where `url` names
 * `database` (when the service has databases) and `stop()` stops a server this call started.
 */
async function provision(service, options = {}) {
  const env = options.env ?? process.env;
  const defaultPort = options.defaultPort ?? service.defaultPort;
  const fromEnv = env[service.envVar];
  const noop = async () => {};

  if (fromEnv) {
    const probe = await service.probe(fromEnv);
    if (probe.ok) return { url: fromEnv, source: service.envVar, stop: noop };
    throw new ProvisionError(
      `${service.envVar} (${(service.redact ?? redactUrl)(fromEnv)}) does not work: ${probe.reason}. ` +
        `Fix the URL or the server, or unset ${service.envVar} to let the scripts provide one.`,
    );
  }

  const tried = [];
  const defaultUrl = service.url(defaultPort, options);
  const probe = await service.probe(defaultUrl);
  if (probe.ok) return { url: defaultUrl, source: `127.0.0.1:${defaultPort}`, stop: noop };
  tried.push(`${service.envVar} is not set`, `127.0.0.1:${defaultPort}: ${probe.reason}`);

  let binaries = service.findBinaries();
  if (!binaries) {
    tried.push(`no ${service.binaryHint} installed`);
    if (options.allowInstall !== false && canAptInstall()) {
      if (await aptInstall([service.aptPackage])) {
        const again = await service.probe(defaultUrl);
        if (again.ok) return { url: defaultUrl, source: `127.0.0.1:${defaultPort}`, stop: noop };
        binaries = service.findBinaries();
      } else {
        tried.push(`apt-get install -y ${service.aptPackage} failed`);
      }
    }
  }
  if (binaries) {
    try {
      const local = await service.startLocal(binaries, { ...options, defaultPort });
      return { url: local.url, source: local.description, stop: local.stop };
    } catch (error) {
      tried.push(
        `starting ${service.binaryHint} under ${service.dataDir(options)} failed: ${error.message}`,
      );
    }
  }
  throw new ProvisionError(
    `No ${service.label} server available. Tried: ${tried.join('; ')}. Fix: \`${fixCommand(service)}\` ` +
      `(or set ${service.envVar} to a server you already have, e.g. ${service.exampleUrl}).`,
  );
}

/**
 * A reachable PostgreSQL server. `url` points at `database` (default "shop") on it, unless
 * DATABASE_URL is set, in which case that URL is returned unchanged.
 * @param {{ database?: string, env?: NodeJS.ProcessEnv, defaultPort?: number, dataRoot?: string, allowInstall?: boolean }} [options]
 * @returns {Promise<{ url: string, source: string, stop(): Promise<void> }>}
 */
export async function ensurePostgres(options = {}) {
  const result = await provision(postgres, options);
  step(`PostgreSQL: ${result.source}`);
  return result;
}

/**
 * A reachable Redis server: REDIS_URL unchanged when set, else redis://127.0.0.1:6379, else a
 * private server on the unix socket .data/redis/redis.sock (`redis+unix:///…/redis.sock`).
 * Queues need more than a reachable server: run `checkRedisForQueues(url)` before using them.
 * @param {{ env?: NodeJS.ProcessEnv, defaultPort?: number, dataRoot?: string, allowInstall?: boolean }} [options]
 * @returns {Promise<{ url: string, source: string, stop(): Promise<void> }>}
 */
export async function ensureRedis(options = {}) {
  const result = await provision(redis, options);
  step(`Redis: ${result.source}`);
  return result;
}

/**
 * ensureRedis, then checkRedisForQueues: a Redis the queues can live in. A private server started
 * here is stopped again when the check fails.
 * @param {Parameters<typeof ensureRedis>[0]} [options]
 */
export async function ensureRedisForQueues(options = {}) {
  const redis = await ensureRedis(options);
  try {
    await checkRedisForQueues(redis.url);
  } catch (error) {
    await redis.stop();
    throw error;
  }
  return redis;
}

/** Creates the database named in `url` unless it exists (@shop/db); touches nothing else on the server. */
export async function ensureDatabase(url) {
  const { created } = await db.ensureDatabase(url);
  if (created) info(`created database ${db.databaseName(url)}`);
  return created;
}

/** Drops the database named in `url` if it exists (used for throw-away test databases). */
export const dropDatabase = (url) => db.dropDatabase(url);
