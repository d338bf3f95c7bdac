// PostgreSQL for the provisioning in services.mjs: probe a URL, find the binaries, run a
// private server under .data/postgres, create/drop one database.
import { chownSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { dataDir } from './paths.mjs';
import { capture } from './processes.mjs';
import { findExecutable, isRoot, userExists } from './system.mjs';
import { isPortInUse } from './preflight.mjs';

const CONNECT_TIMEOUT_MS = 3000;

async function loadPg() {
  const { default: pg } = await import('pg');
  return pg;
}

function endpoint(url) {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname || 'localhost'}:${parsed.port || 5432}`;
  } catch {
    return url;
  }
}

/** One line for a failed connection attempt, from node-postgres/libuv error codes. */
export function describePgError(error, url) {
  const where = endpoint(url);
  const code = error.code ?? error.errors?.[0]?.code;
  const user = (() => {
    try {
      return decodeURIComponent(new URL(url).username) || 'the default user';
    } catch {
      return 'the user';
    }
  })();
  switch (code) {
    case 'ECONNREFUSED':
      return `nothing is listening at ${where} (connection refused)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `the host of ${where} cannot be resolved`;
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${where} is unreachable (${code})`;
    case '28P01':
      return `password authentication failed for ${user} at ${where}`;
    case '28000':
      return `the server at ${where} refused ${user}: ${error.message}`;
    case '57P03':
      return `the server at ${where} is starting up or shutting down`;
    default:
      break;
  }
  if (/timeout/i.test(error.message))
    return `no answer from ${where} within ${CONNECT_TIMEOUT_MS / 1000}s`;
  if (/password must be a string|SASL/i.test(error.message))
    return `the server at ${where} asks for a password and the URL has none`;
  if (error instanceof TypeError || /invalid url/i.test(error.message))
    return 'it is not a valid postgresql:// URL';
  return `${error.message.split('\n')[0]} (${where})`;
}

async function connect(url, fn) {
  const pg = await loadPg();
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** { ok: true } when the server answers (a missing database still counts: we create it). */
async function probe(url) {
  try {
    if (!/^postgres(ql)?:\/\//.test(url))
      return { ok: false, reason: 'it is not a postgresql:// URL' };
    await connect(url, (client) => client.query('SELECT 1'));
    return { ok: true };
  } catch (error) {
    if (error.code === '3D000') return { ok: true, databaseMissing: true };
    return { ok: false, reason: describePgError(error, url) };
  }
}

/** The same server's maintenance database, for CREATE/DROP DATABASE. */
function maintenanceUrl(url) {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.slice(1));
  parsed.pathname = '/postgres';
  return { admin: parsed.toString(), name };
}

const quoteIdent = (name) => `"${name.replaceAll('"', '""')}"`;

async function createDatabase(url) {
  const { admin, name } = maintenanceUrl(url);
  if (!name) throw new Error(`no database name in ${url}`);
  return connect(admin, async (client) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    try {
      await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
      return true;
    } catch (error) {
      if (error.code === '42P04') return false;
      throw error;
    }
  });
}

async function dropDatabase(url) {
  const { admin, name } = maintenanceUrl(url);
  await connect(admin, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
  );
}

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
  createDatabase,
  dropDatabase,
};
