// Everything about reaching a Redis server from the scripts: the URL forms, what is safe to print,
// and short-lived ioredis clients whose failures become one-line reasons ("nothing is listening at
// 127.0.0.1:6379 (connection refused)"). Provisioning (services.mjs, redis.mjs) and the start-up
// check (redis-check.mjs) use it; the apps parse the same URL forms in @shop/event-bus.
//
// URL forms (REDIS_URL):
//   redis://[[user]:password@]host[:port][/db]       TCP (port 6379 when omitted)
//   rediss://[[user]:password@]host[:port][/db]      TCP with TLS
//   redis+unix:///abs/path/redis.sock[?db=N]         a unix socket (the scripts' private server);
//   redis+unix://[user]:password@localhost/abs/path/redis.sock   the same, with credentials
import { Redis } from 'ioredis';

/** How long a probe waits for a connection, and then for each answer. */
const PROBE_TIMEOUT_MS = 3000;
const PROTOCOLS = new Set(['redis:', 'rediss:', 'redis+unix:']);
const NOT_A_REDIS_URL = 'it is not a redis://, rediss:// or redis+unix:// URL';

export class RedisUrlError extends Error {
  name = 'RedisUrlError';
}

function parseUrl(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new RedisUrlError(NOT_A_REDIS_URL);
  }
  if (!PROTOCOLS.has(parsed.protocol)) throw new RedisUrlError(NOT_A_REDIS_URL);
  return parsed;
}

function databaseIndex(text) {
  if (text === '' || text === null) return undefined;
  if (!/^\d+$/.test(text))
    throw new RedisUrlError(`the database "${text}" is not a number (0, 1, …)`);
  return Number(text);
}

/**
 * The ioredis connection options a URL stands for: { host, port } or { path }, plus username,
 * password, db and tls when the URL has them. Throws RedisUrlError for anything else.
 */
export function redisConnectionOptions(url) {
  const parsed = parseUrl(url);
  const credentials = {
    ...(parsed.username && { username: decodeURIComponent(parsed.username) }),
    ...(parsed.password && { password: decodeURIComponent(parsed.password) }),
  };
  if (parsed.protocol === 'redis+unix:') {
    if (parsed.hostname !== '' && parsed.hostname !== 'localhost')
      throw new RedisUrlError(
        `a redis+unix:// URL names a socket on this machine, not on ${parsed.hostname}`,
      );
    const socket = decodeURIComponent(parsed.pathname);
    if (!socket.startsWith('/') || socket === '/')
      throw new RedisUrlError('a redis+unix:// URL needs the absolute path of the socket');
    const db = databaseIndex(parsed.searchParams.get('db'));
    return { path: socket, ...credentials, ...(db !== undefined && { db }) };
  }
  const db = databaseIndex(decodeURIComponent(parsed.pathname.replace(/^\//, '')));
  return {
    host: parsed.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1',
    port: parsed.port ? Number(parsed.port) : 6379,
    ...credentials,
    ...(db !== undefined && { db }),
    ...(parsed.protocol === 'rediss:' && { tls: {} }),
  };
}

/** The URL of the server listening on the unix socket at `socketPath` (an absolute path). */
export function redisUnixSocketUrl(socketPath) {
  return `redis+unix://${socketPath.split('/').map(encodeURIComponent).join('/')}`;
}

/** `host:port` or the socket's path: names the server in messages, never the password. */
export function describeRedisServer(url) {
  const options = redisConnectionOptions(url);
  if (options.path) return options.path;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return `${host}:${options.port}`;
}

/** The URL with its password replaced by ***, safe to print; never throws. */
export function redactRedisUrl(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparseable URL>';
  }
}

/** redis-cli's arguments for the server at `url` (without the password: `--askpass` asks for it). */
export function redisCliArgs(url) {
  const options = redisConnectionOptions(url);
  return [
    ...(options.path ? ['-s', options.path] : ['-h', options.host, '-p', String(options.port)]),
    ...(options.tls ? ['--tls'] : []),
    ...(options.username ? ['--user', options.username] : []),
    ...(options.password ? ['--askpass'] : []),
    ...(options.db ? ['-n', String(options.db)] : []),
  ];
}

/**
 * Why talking to the server failed, as a short clause for "… does not work: <reason>" (from
 * libuv error codes and Redis's error replies). Never contains the password.
 */
export function describeRedisFailure(error, url, timeoutMs = PROBE_TIMEOUT_MS) {
  if (error instanceof RedisUrlError) return error.message;
  let where;
  try {
    where = describeRedisServer(url);
  } catch (invalid) {
    return invalid.message;
  }
  const message = error?.message ?? String(error);
  switch (error?.code) {
    case 'ECONNREFUSED':
      return `nothing is listening at ${where} (connection refused)`;
    case 'ENOENT':
      return `nothing is listening at ${where} (no such socket)`;
    case 'EACCES':
      return `${where} is not open to this user (permission denied)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `the host of ${where} cannot be resolved`;
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${where} is unreachable (${error.code})`;
    case 'ECONNRESET':
      return `${where} closed the connection (ECONNRESET)`;
    default:
      break;
  }
  if (/^WRONGPASS/.test(message)) return `the user name or password is wrong for ${where}`;
  if (/^NOAUTH/.test(message)) return `${where} asks for a password and the URL has none`;
  if (/^LOADING/.test(message)) return `${where} is still loading its data`;
  if (/timed out/i.test(message)) return `no answer from ${where} within ${timeoutMs / 1000}s`;
  if (/Unknown RESP type|Protocol error/i.test(message))
    return `what answers at ${where} does not speak the Redis protocol`;
  if (/Connection is closed/i.test(message))
    return `${where} closed the connection without answering (is it a Redis server?)`;
  return `${message.split('\n')[0]} (${where})`;
}

/**
 * Opens one client that fails instead of retrying: no reconnects, no offline queue, bounded waits.
 * A failed connection throws its first error (ECONNREFUSED, WRONGPASS…), not ioredis's generic one.
 */
async function openClient(url, timeoutMs) {
  const client = new Redis({
    ...redisConnectionOptions(url),
    lazyConnect: true,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    enableReadyCheck: false,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
  });
  let firstError;
  client.on('error', (error) => (firstError ??= error));
  try {
    await client.connect();
    return client;
  } catch (error) {
    client.disconnect();
    throw firstError ?? error;
  }
}

/**
 * Runs `work` with a client connected to `url`, always closing it. Connection and reply failures
 * are thrown as Errors whose message is one line from describeRedisFailure.
 * @template T
 * @param {string} url
 * @param {(client: Redis) => Promise<T>} work
 * @param {{ timeoutMs?: number }} [options]
 * @returns {Promise<T>}
 */
export async function withRedis(url, work, options = {}) {
  const timeoutMs = options.timeoutMs ?? PROBE_TIMEOUT_MS;
  let client;
  try {
    client = await openClient(url, timeoutMs);
    return await work(client);
  } catch (error) {
    throw new Error(describeRedisFailure(error, url, timeoutMs), { cause: error });
  } finally {
    client?.disconnect();
  }
}

/**
 * Whether a Redis server answers PING at `url`. Never throws; `reason` is one line without the
 * password.
 * @returns {Promise<{ ok: true } | { ok: false, reason: string }>}
 */
export async function probeRedis(url, options = {}) {
  try {
    await withRedis(url, (client) => client.ping(), options);
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: error.message };
  }
}

/**
 * Deletes every key that starts with `prefix` (a test run's queues); resolves to how many. The
 * prefix must be at least 8 characters of letters, digits, `-` and `_`, so no pattern can match
 * more than that run's keys.
 */
export async function deleteKeysWithPrefix(url, prefix) {
  if (!/^[\w-]{8,}$/.test(prefix))
    throw new Error(`refusing to delete keys by the prefix "${prefix}"`);
  return withRedis(url, async (client) => {
    let deleted = 0;
    for await (const keys of client.scanStream({ match: `${prefix}*`, count: 500 }))
      if (keys.length > 0) deleted += await client.unlink(...keys);
    return deleted;
  });
}
