// Redis for the provisioning in services.mjs (used from the event-driven stage on): probe a URL
// with PING over a raw socket, run a private redis-server under .data/redis.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import process from 'node:process';
import tls from 'node:tls';
import { dataDir } from './paths.mjs';
import { capture } from './processes.mjs';
import { findExecutable } from './system.mjs';
import { isPortInUse } from './preflight.mjs';

const TIMEOUT_MS = 3000;

const command = (...parts) =>
  `*${parts.length}\r\n${parts.map((p) => `$${Buffer.byteLength(p)}\r\n${p}\r\n`).join('')}`;

/** { ok: true } when the server answers PING (after AUTH when the URL carries credentials). */
function probe(url) {
  let parsed;
  try {
    parsed = new URL(url);
    if (!/^rediss?:$/.test(parsed.protocol)) throw new TypeError('protocol');
  } catch {
    return Promise.resolve({ ok: false, reason: 'it is not a valid redis:// URL' });
  }
  const host = parsed.hostname || '127.0.0.1';
  const port = Number(parsed.port || 6379);
  const where = `${host}:${port}`;
  return new Promise((resolve) => {
    const socket =
      parsed.protocol === 'rediss:'
        ? tls.connect({ host, port, servername: host })
        : net.connect({ host, port });
    const finish = (result) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(TIMEOUT_MS, () =>
      finish({ ok: false, reason: `no answer from ${where} within ${TIMEOUT_MS / 1000}s` }),
    );
    socket.on('error', (error) =>
      finish({
        ok: false,
        reason:
          error.code === 'ECONNREFUSED'
            ? `nothing is listening at ${where} (connection refused)`
            : `${error.message} (${where})`,
      }),
    );
    socket.once('connect', () => socket.emit('ready-to-send'));
    socket.once('secureConnect', () => socket.emit('ready-to-send'));
    socket.once('ready-to-send', () => {
      const password = decodeURIComponent(parsed.password);
      const user = decodeURIComponent(parsed.username);
      const auth = password
        ? user
          ? command('AUTH', user, password)
          : command('AUTH', password)
        : '';
      socket.write(auth + command('PING'));
    });
    let buffer = '';
    socket.on('data', (chunk) => {
      buffer += chunk.toString();
      if (buffer.startsWith('-'))
        finish({ ok: false, reason: `${buffer.split('\r\n')[0].slice(1)} (${where})` });
      else if (buffer.includes('+PONG')) finish({ ok: true });
    });
  });
}

function findBinaries() {
  const server = findExecutable('redis-server');
  return server ? { server } : null;
}

function runningPort(dir) {
  try {
    const pid = Number(readFileSync(path.join(dir, 'redis.pid'), 'utf8'));
    process.kill(pid, 0);
    return Number(readFileSync(path.join(dir, 'port'), 'utf8'));
  } catch {
    return null;
  }
}

async function freePort(preferred) {
  for (const port of [preferred, ...Array.from({ length: 20 }, (_, i) => 63790 + i)]) {
    if (!(await isPortInUse(port, '127.0.0.1')) && !(await isPortInUse(port))) return port;
  }
  throw new Error(`no free port among ${preferred} and 63790-63809`);
}

async function startLocal({ server }, options) {
  const dir = path.join(options.dataRoot ?? dataDir, 'redis');
  const already = runningPort(dir);
  if (already)
    return {
      port: already,
      description: `reused the server already running from ${dir} on port ${already}`,
      stop: async () => {},
    };
  mkdirSync(dir, { recursive: true });
  const port = await freePort(options.defaultPort);
  const pidFile = path.join(dir, 'redis.pid');
  const started = await capture(server, [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--daemonize',
    'yes',
    '--pidfile',
    pidFile,
    '--logfile',
    path.join(dir, 'server.log'),
    '--appendonly',
    'yes',
    '--save',
    '',
  ]);
  if (started.code !== 0)
    throw new Error(`redis-server: ${started.stderr.trim() || started.stdout.trim()}`);
  writeFileSync(path.join(dir, 'port'), String(port));
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 50 && !(await probe(url)).ok; i++)
    await new Promise((r) => setTimeout(r, 100));
  return {
    port,
    description: `started a private server from ${server} on 127.0.0.1:${port} (data: ${dir}; stopped on exit)`,
    stop: async () => {
      if (!existsSync(pidFile)) return;
      const pid = Number(readFileSync(pidFile, 'utf8'));
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        return;
      }
      for (let i = 0; i < 50; i++) {
        try {
          process.kill(pid, 0);
          await new Promise((r) => setTimeout(r, 100));
        } catch {
          return;
        }
      }
    },
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
  url: (port) => `redis://127.0.0.1:${port}`,
  dataDir: (options) => path.join(options.dataRoot ?? dataDir, 'redis'),
  probe,
  findBinaries,
  startLocal,
};
