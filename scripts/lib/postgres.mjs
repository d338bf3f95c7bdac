// PostgreSQL for the provisioning in services.mjs: find the installed binaries and run a private
// server. Everything about URLs, reachability and databases comes from @shop/db (./db.mjs).
//
// The private server keeps its data in <repo>/.data/postgres and listens on no TCP port: only on
// a unix socket inside that folder (mode 0700), with peer authentication mapped to the `postgres`
// role for the OS user running the scripts and the one running the server. As root, the server runs
// as the `postgres` system user (PostgreSQL refuses root). When that user cannot traverse the
// checkout (a home folder closed to others), or the socket path would be too long, the data goes to
// a fresh mkdtemp folder instead, recorded in .data/postgres.location. Folders are checked with
// lstat and opened with O_NOFOLLOW: a symbolic link is refused, never followed.
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { dataDir } from './paths.mjs';
import { checkDataRoot, claimDirectory, writePrivateFile } from './private-folder.mjs';
import { capture } from './processes.mjs';
import { findExecutable, isRoot, userExists } from './system.mjs';
import { probeServer, unixSocketUrl } from './db.mjs';

/** Longest unix socket path the kernel takes (sun_path is 108 bytes with its NUL). */
const MAX_SOCKET_PATH = 107;
const LOCATION_FILE = 'postgres.location';
const TMP_PREFIX = 'shop-postgres-';

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

/** The OS account the server runs as: ourselves, or as root `postgres` (else `nobody`). */
async function serverAccount() {
  const me = currentUser();
  if (!isRoot()) return { name: me.username, uid: me.uid, gid: me.gid, isSelf: true };
  const name = (await userExists('postgres')) ? 'postgres' : 'nobody';
  const [uid, gid] = await Promise.all(
    ['-u', '-g'].map(async (flag) => Number((await capture('id', [flag, name])).stdout.trim())),
  );
  return { name, uid, gid, isSelf: false };
}

/** Peer authentication maps OS user names, so the account running the scripts needs one. */
function currentUser() {
  try {
    return os.userInfo();
  } catch {
    throw new Error(
      `uid ${process.getuid()} has no user name, which peer authentication needs; set DATABASE_URL`,
    );
  }
}

const socketFits = (dir, port) => `${dir}/.s.PGSQL.${port}`.length <= MAX_SOCKET_PATH;

/** Whether `account` can reach into `dir` (every parent searchable), asked as that user. */
async function canTraverse(account, dir) {
  if (account.isSelf) return true;
  return (await capture('runuser', ['-u', account.name, '--', 'test', '-x', dir])).code === 0;
}

/** A previous fallback folder from .data/postgres.location, if it is still ours and intact. */
function recordedFallback(root, account) {
  const file = path.join(root, LOCATION_FILE);
  try {
    const stat = lstatSync(file);
    if (!stat.isFile() || stat.uid !== process.getuid()) return null;
    const dir = readFileSync(file, 'utf8').trim();
    const expected = path.join(os.tmpdir(), TMP_PREFIX);
    if (!dir.startsWith(expected) || !/^[A-Za-z0-9]{6}$/.test(dir.slice(expected.length)))
      return null;
    const found = lstatSync(dir);
    if (!found.isDirectory() || found.uid !== account.uid || (found.mode & 0o077) !== 0)
      return null;
    return dir;
  } catch {
    return null;
  }
}

/**
 * Where the private server keeps its files: <dataRoot>/postgres, or a mkdtemp folder when the
 * server account cannot reach the checkout or the socket path would be too long.
 */
async function dataFolder(options, account) {
  const root = options.dataRoot ?? dataDir;
  const port = options.defaultPort;
  mkdirSync(root, { recursive: true, mode: 0o755 });
  checkDataRoot(root);
  const preferred = path.join(root, 'postgres');
  if (socketFits(preferred, port) && (await canTraverse(account, root))) {
    claimDirectory(preferred, account);
    return preferred;
  }
  const recorded = recordedFallback(root, account);
  if (recorded && socketFits(recorded, port)) return recorded;
  const fresh = mkdtempSync(path.join(os.tmpdir(), TMP_PREFIX));
  claimDirectory(fresh, account);
  writePrivateFile(path.join(root, LOCATION_FILE), `${fresh}\n`);
  return fresh;
}

/**
 * Unix socket only, peer authentication: the OS user running the scripts (and the server's own
 * account) may connect as the `postgres` role; nobody else, and nothing over TCP. Rewritten on
 * every start, so a folder made by an older version (trust on TCP) is brought in line too.
 */
function writeAccessRules(dir, account) {
  const users = [...new Set([currentUser().username, account.name])];
  const owner = account.isSelf ? undefined : account;
  writePrivateFile(
    path.join(dir, 'pg_hba.conf'),
    '# Written by scripts/lib/postgres.mjs on every start: unix socket only, peer authentication.\n' +
      'local all all peer map=shop\n',
    owner,
  );
  writePrivateFile(
    path.join(dir, 'pg_ident.conf'),
    `# Written by scripts/lib/postgres.mjs: OS users that may connect as the postgres role.\n${users
      .map((user) => `shop ${user} postgres\n`)
      .join('')}`,
    owner,
  );
}

/** The URL of a server already running from `dir` and answering on its socket, or null. */
async function runningServer(dir, database) {
  const pidFile = path.join(dir, 'postmaster.pid');
  let lines;
  try {
    if (!lstatSync(pidFile).isFile()) return null;
    lines = readFileSync(pidFile, 'utf8').split('\n');
  } catch {
    return null;
  }
  const [port, socketDir] = [Number(lines[3]), lines[4]?.trim()];
  if (!port || !socketDir?.startsWith('/')) return null;
  const url = unixSocketUrl({ socketDir, port, database });
  return (await probeServer(url)).ok ? url : null;
}

const reused = (dir, url) => ({
  url,
  description: `reused the server already running from ${dir} (left running)`,
  stop: async () => {},
});

function lastLine(text) {
  return text.trim().split('\n').filter(Boolean).at(-1) ?? 'failed';
}

/**
 * Starts (or reuses) the private server. PostgreSQL refuses to run as root, so as root it runs as
 * the `postgres` system user (or `nobody`).
 */
async function startLocal({ pgCtl, initdb }, options) {
  const database = options.database ?? 'shop';
  const port = options.defaultPort;
  const account = await serverAccount();
  const dir = await dataFolder(options, account);
  if (dir.includes("'")) throw new Error(`${dir} contains a quote, which pg_ctl cannot pass on`);
  const as = (command, args) =>
    account.isSelf
      ? capture(command, args)
      : capture('runuser', ['-u', account.name, '--', command, ...args]);

  const already = await runningServer(dir, database);
  if (already) return reused(dir, already);
  if (!existsSync(path.join(dir, 'PG_VERSION'))) {
    const init = await as(initdb, [
      ...['-D', dir, '-U', 'postgres', '-E', 'UTF8', '--no-instructions'],
      ...['--auth-local=peer', '--auth-host=reject'],
    ]);
    if (init.code !== 0) throw new Error(`initdb: ${lastLine(init.stderr || init.stdout)}`);
  }
  writeAccessRules(dir, account);
  const log = path.join(dir, 'server.log');
  const serverOptions = `-p ${port} -c listen_addresses='' -c unix_socket_directories='${dir}'`;
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
    const raced = await runningServer(dir, database);
    if (raced) return reused(dir, raced);
    throw new Error(`pg_ctl start: ${lastLine(start.stderr || start.stdout)} (log: ${log})`);
  }
  let stopped = false;
  return {
    url: unixSocketUrl({ socketDir: dir, port, database }),
    description:
      `started a private server from ${path.dirname(pgCtl)} on the unix socket ` +
      `${dir}/.s.PGSQL.${port} (peer authentication, no TCP; stopped on exit)`,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await as(pgCtl, ['stop', '-D', dir, '-m', 'fast', '-w']);
    },
  };
}

export const postgres = {
  label: 'PostgreSQL',
  envVar: 'DATABASE_URL',
  defaultPort: 5432,
  aptPackage: 'postgresql',
  brewPackage: 'postgresql@15',
  binaryHint: 'PostgreSQL binaries (pg_ctl/initdb)',
  exampleUrl: 'postgresql://USER:PASSWORD@HOST:5432/shop',
  /** The server on the default local port (provisioning step b). */
  url: (port, options) => `postgresql://postgres@127.0.0.1:${port}/${options.database ?? 'shop'}`,
  dataDir: (options) => path.join(options.dataRoot ?? dataDir, 'postgres'),
  probe: (url) => probeServer(url),
  findBinaries,
  startLocal,
};
