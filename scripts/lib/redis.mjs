// Redis for the provisioning in services.mjs: find the installed redis-server and run a private
// server. URLs and reachability come from redis-connection.mjs.
//
// The private server keeps its data in <repo>/.data/redis (mode 0700, owned by the account running
// the scripts) and listens on no TCP port (`port 0`): only on the unix socket
// .data/redis/redis.sock (mode 0700), reached as redis+unix:///<repo>/.data/redis/redis.sock.
// BullMQ's needs are in its configuration: an append-only file fsynced every second, and keys never
// evicted. It runs in the foreground as a child of the script that started it, which stops it on
// exit; a second script finding it answering reuses it and leaves it alone.
import { mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { dataDir } from './paths.mjs';
import { checkDataRoot, claimDirectory, writePrivateFile } from './private-folder.mjs';
import { startService } from './processes.mjs';
import { findExecutable } from './system.mjs';
import { probeRedis, redactRedisUrl, redisUnixSocketUrl } from './redis-connection.mjs';

/** Longest unix socket path the kernel takes (sun_path is 108 bytes with its NUL). */
const MAX_SOCKET_PATH = 107;
const START_TIMEOUT_MS = 30_000;
const SOCKET = 'redis.sock';
const LOG = 'redis.log';

/** redis-server from PATH or the usual install folders (Debian, Homebrew), or null. */
function findBinaries() {
  const redisServer = findExecutable('redis-server', [
    '/usr/bin',
    '/usr/sbin',
    '/usr/local/bin',
    '/opt/homebrew/bin',
  ]);
  return redisServer ? { redisServer } : null;
}

/** A value for redis.conf: quoted, with the escapes redis's config parser reads. */
function quote(value) {
  if (/[\n\r]/.test(value)) throw new Error(`${JSON.stringify(value)} contains a line break`);
  return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

/** The private server's configuration, rewritten on every start so older folders are brought in line. */
export function privateServerConfig(dir) {
  return [
    '# Written by scripts/lib/redis.mjs on every start: unix socket only, append-only file, no eviction.',
    'port 0',
    `unixsocket ${quote(path.join(dir, SOCKET))}`,
    'unixsocketperm 700',
    `dir ${quote(dir)}`,
    `logfile ${quote(path.join(dir, LOG))}`,
    'daemonize no',
    'appendonly yes',
    'appendfsync everysec',
    'maxmemory-policy noeviction',
    '',
  ].join('\n');
}

function lastLogLine(dir, service) {
  let text = '';
  try {
    text = readFileSync(path.join(dir, LOG), 'utf8');
  } catch {
    // Not written yet.
  }
  const lines = `${text}\n${service.output()}`.trim().split('\n').filter(Boolean);
  return lines.at(-1) ?? 'no output';
}

/** Waits until the server answers PING on its socket; fails early when it exits. */
async function waitUntilAnswering(service, url, dir) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (service.exitStatus) {
      const { code, signal } = service.exitStatus;
      throw new Error(
        `redis-server exited (${signal ?? `code ${code}`}): ${lastLogLine(dir, service)} ` +
          `(log: ${path.join(dir, LOG)})`,
      );
    }
    const probe = await probeRedis(url, { timeoutMs: 1000 });
    if (probe.ok) return;
    last = probe.reason;
    await sleep(100);
  }
  await service.stop();
  throw new Error(
    `redis-server did not answer within ${START_TIMEOUT_MS / 1000}s (last: ${last}; log: ${path.join(dir, LOG)})`,
  );
}

/** Starts (or reuses) the private server, its data and socket in <dataRoot>/redis. */
async function startLocal({ redisServer }, options) {
  const root = options.dataRoot ?? dataDir;
  mkdirSync(root, { recursive: true, mode: 0o755 });
  checkDataRoot(root);
  const dir = path.join(root, 'redis');
  const socket = path.join(dir, SOCKET);
  if (socket.length > MAX_SOCKET_PATH)
    throw new Error(
      `its socket ${socket} would be longer than the ${MAX_SOCKET_PATH} bytes a unix socket path may have`,
    );
  const me = os.userInfo();
  claimDirectory(dir, { name: me.username, uid: me.uid, gid: me.gid, isSelf: true });
  const url = redisUnixSocketUrl(socket);
  if ((await probeRedis(url, { timeoutMs: 1000 })).ok)
    return {
      url,
      description: `reused the server already running from ${dir} (left running)`,
      stop: async () => {},
    };

  const config = path.join(dir, 'redis.conf');
  writePrivateFile(config, privateServerConfig(dir));
  const service = startService({ name: 'redis', command: redisServer, args: [config], cwd: dir });
  await waitUntilAnswering(service, url, dir);
  return {
    url,
    description:
      `started a private server from ${redisServer} on the unix socket ${socket} ` +
      '(no TCP; append-only file; stopped on exit)',
    stop: () => service.stop(),
  };
}

export const redis = {
  label: 'Redis',
  envVar: 'REDIS_URL',
  defaultPort: 6379,
  aptPackage: 'redis-server',
  brewPackage: 'redis',
  binaryHint: 'redis-server',
  exampleUrl: 'redis://HOST:6379',
  /** The server on the default local port (provisioning step b). */
  url: (port) => `redis://127.0.0.1:${port}`,
  dataDir: (options) => path.join(options.dataRoot ?? dataDir, 'redis'),
  redact: redactRedisUrl,
  probe: (url) => probeRedis(url),
  findBinaries,
  startLocal,
};
