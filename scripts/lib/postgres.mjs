// PostgreSQL for the provisioning in services.mjs: find the binaries, run a private server under
// .data/postgres. Everything about URLs, reachability and databases comes from @shop/db (./db.mjs).
import { chownSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { dataDir } from './paths.mjs';
import { capture } from './processes.mjs';
import { findExecutable, isRoot, userExists } from './system.mjs';
import { isPortInUse } from './preflight.mjs';
import { probeServer } from './db.mjs';

const probe = (url) => probeServer(url);

/** pg_ctl and initdb from PATH or Debian's /usr/lib/postgresql/<version>/bin (newest first). */
function findBinaries() {
  const root = '/usr/lib/postgresql';
  const versioned = existsSync(root)
    ? readdirSync(root)
        .filter((entry) => /^\d+$/.test(entry))
        .sort((a, b) => Number(b) - Number(a))
        .map((version) => path.join(root, version, 'bin'))
    : [];
  const pgCtl = findExecutable('pg_ctl', versioned);
  if (!pgCtl) return null;
  const initdb = path.join(path.dirname(pgCtl), 'initdb');
  return existsSync(initdb) ? { pgCtl, initdb } : null;
}

/** Where the private server keeps its files; a /tmp folder when the repo is closed to `user`. */
function dataDirFor(options, user) {
  const base = options.dataRoot ?? dataDir;
  if (!user || accessibleTo(base)) return path.join(base, 'postgres');
  const hash = createHash('sha1').update(base).digest('hex').slice(0, 8);
  return path.join(os.tmpdir(), `shop-postgres-${hash}`);
}

/** Whether other users can traverse every existing parent of `dir` (postgres refuses to run as root). */
function accessibleTo(dir) {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return false;
    if (current === path.dirname(current)) return true;
  }
}

/** The port of a server already running from `dir` and answering, or null. */
async function runningPort(dir) {
  const pidFile = path.join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const [, , , port] = readFileSync(pidFile, 'utf8').split('\n');
  const answering = await probe(`postgresql://postgres@127.0.0.1:${Number(port)}/postgres`);
  return answering.ok ? Number(port) : null;
}

async function freePort(preferred) {
  for (const port of [preferred, ...Array.from({ length: 20 }, (_, i) => 54320 + i)]) {
    if (!(await isPortInUse(port, '127.0.0.1')) && !(await isPortInUse(port))) return port;
  }
  throw new Error(`no free port among ${preferred} and 54320-54339`);
}

/** Creates and initialises the data folder once, owned by `user` when running as root. */
async function initDataDir(dir, user, initdb, as) {
  mkdirSync(path.dirname(dir), { recursive: true });
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (user) {
    const uid = await capture('id', ['-u', user]);
    const gid = await capture('id', ['-g', user]);
    chownSync(dir, Number(uid.stdout.trim()), Number(gid.stdout.trim()));
  }
  if (existsSync(path.join(dir, 'PG_VERSION'))) return;
  const init = await as(initdb, [
    '-D',
    dir,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--no-instructions',
  ]);
  if (init.code !== 0) throw new Error(`initdb: ${lastLine(init.stderr || init.stdout)}`);
}

const reused = (dir, port) => ({
  port,
  description: `reused the server already running from ${dir} on 127.0.0.1:${port} (left running)`,
  stop: async () => {},
});

/**
 * Starts (or reuses) the private server, listening on 127.0.0.1 only, trust auth for `postgres`.
 * Postgres refuses to run as root, so as root it runs as the `postgres` system user (or `nobody`).
 */
async function startLocal({ pgCtl, initdb }, options) {
  const user = isRoot() ? ((await userExists('postgres')) ? 'postgres' : 'nobody') : null;
  const dir = dataDirFor(options, user);
  const as = (command, args) =>
    user ? capture('runuser', ['-u', user, '--', command, ...args]) : capture(command, args);

  const already = await runningPort(dir);
  if (already) return reused(dir, already);
  await initDataDir(dir, user, initdb, as);
  const port = await freePort(options.defaultPort);
  const log = path.join(dir, 'server.log');
  const serverOptions = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`;
  const start = await as(pgCtl, [
    'start',
    '-D',
    dir,
    '-l',
    log,
    '-w',
    '-t',
    '60',
    '-o',
    serverOptions,
  ]);
  if (start.code !== 0) {
    const raced = await runningPort(dir);
    if (raced) return reused(dir, raced);
    throw new Error(`pg_ctl start: ${lastLine(start.stderr || start.stdout)} (log: ${log})`);
  }
  let stopped = false;
  return {
    port,
    description: `started a private server from ${path.dirname(pgCtl)} on 127.0.0.1:${port} (data: ${dir}; stopped on exit)`,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await as(pgCtl, ['stop', '-D', dir, '-m', 'fast', '-w']);
    },
  };
}

function lastLine(text) {
  return text.trim().split('\n').filter(Boolean).at(-1) ?? 'failed';
}

export const postgres = {
  label: 'PostgreSQL',
  envVar: 'DATABASE_URL',
  defaultPort: 5432,
  aptPackage: 'postgresql',
  brewPackage: 'postgresql@15',
  binaryHint: 'PostgreSQL binaries (pg_ctl/initdb)',
  exampleUrl: 'postgresql://USER:PASSWORD@HOST:5432/shop',
  url: (port, options) => `postgresql://postgres@127.0.0.1:${port}/${options.database ?? 'shop'}`,
  dataDir: (options) => path.join(options.dataRoot ?? dataDir, 'postgres'),
  probe,
  findBinaries,
  startLocal,
};
