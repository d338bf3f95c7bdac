// Starts real PostgreSQL servers from the installed binaries in throw-away data folders, on ports
// that are not the defaults, as provisioning step (c) does when nothing else is available.
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { capture } from '../lib/processes.mjs';
import { isPortInUse } from '../lib/preflight.mjs';
import { dropDatabase, ensureDatabase, ensurePostgres } from '../lib/services.mjs';
import { isRoot } from '../lib/system.mjs';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'shop-services-'));
chmodSync(scratch, 0o755);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let nextPort = 45_000 + Math.floor(Math.random() * 5000);
const start = (dataRoot, extra = {}) =>
  ensurePostgres({
    env: {},
    defaultPort: nextPort++,
    dataRoot,
    database: 'shop_it',
    allowInstall: false,
    ...extra,
  });
const serverUid = async () =>
  isRoot() ? Number((await capture('id', ['-u', 'postgres'])).stdout.trim()) : process.getuid();

describe('a private PostgreSQL server', () => {
  it('is started from the installed binaries on a unix socket in .data, reused (and left alone) by a second script, and stopped', async () => {
    const dataRoot = path.join(scratch, 'checkout', '.data');
    const port = nextPort;
    const first = await start(dataRoot);
    try {
      const folder = path.join(dataRoot, 'postgres');
      expect(first.url).toBe(
        `postgresql://postgres@localhost:${port}/shop_it?host=${encodeURIComponent(folder)}`,
      );
      expect(first.source).toContain('started a private server');
      expect(first.source).toContain(`${folder}/.s.PGSQL.${port}`);
      const stat = lstatSync(folder);
      expect(stat.isDirectory()).toBe(true);
      expect(stat.mode & 0o777).toBe(0o700);
      expect(stat.uid).toBe(await serverUid());
      expect(await isPortInUse(port, '127.0.0.1')).toBe(false);
      expect(readFileSync(path.join(folder, 'pg_hba.conf'), 'utf8')).toContain(
        'local all all peer map=shop',
      );
      expect(await ensureDatabase(first.url)).toBe(true);
      expect(await ensureDatabase(first.url)).toBe(false);

      const second = await start(dataRoot);
      expect(second.url).toBe(first.url);
      expect(second.source).toContain('reused the server already running');
      await second.stop();
      expect(await ensureDatabase(first.url)).toBe(false);
      await dropDatabase(first.url);
    } finally {
      await first.stop();
    }
    await expect(ensurePostgres({ env: { DATABASE_URL: first.url } })).rejects.toThrow(
      'nothing is listening',
    );
  });

  it('refuses a symbolic link planted where its folder goes, and leaves the target alone', async () => {
    const dataRoot = path.join(scratch, 'planted', '.data');
    const target = path.join(scratch, 'planted', 'elsewhere');
    mkdirSync(dataRoot, { recursive: true });
    mkdirSync(target, { mode: 0o755 });
    symlinkSync(target, path.join(dataRoot, 'postgres'));
    await expect(start(dataRoot)).rejects.toThrow(
      /postgres is a symbolic link; refusing to use it/,
    );
    const stat = lstatSync(target);
    expect(stat.uid).toBe(process.getuid());
    expect(stat.mode & 0o777).toBe(0o755);
  });

  it.runIf(isRoot())(
    'as root, keeps its data in a fresh mkdtemp folder when the postgres user cannot reach the checkout',
    async () => {
      const closed = path.join(scratch, 'closed');
      mkdirSync(closed, { mode: 0o700 });
      const dataRoot = path.join(closed, '.data');
      const first = await start(dataRoot);
      let folder;
      try {
        folder = readFileSync(path.join(dataRoot, 'postgres.location'), 'utf8').trim();
        expect(folder).toMatch(new RegExp(`^${os.tmpdir()}/shop-postgres-[A-Za-z0-9]{6}$`));
        expect(first.url).toContain(`host=${encodeURIComponent(folder)}`);
        const stat = lstatSync(folder);
        expect(stat.mode & 0o777).toBe(0o700);
        expect(stat.uid).toBe(await serverUid());
        // Another OS user gets nowhere: the socket's folder is closed to it. The child uses only
        // node:net and starts in /, so it runs wherever the checkout lives (even where nobody
        // cannot read its node_modules) and fails for the reason under test alone.
        const socket = path.join(folder, `.s.PGSQL.${new URL(first.url).port}`);
        const other = await capture(
          'runuser',
          [
            ...['-u', 'nobody', '--', process.execPath, '-e'],
            `require('node:net').connect(${JSON.stringify(socket)})
               .on('connect', () => process.exit(0))
               .on('error', (e) => { console.error(e.code); process.exit(3); })`,
          ],
          { cwd: '/' },
        );
        expect(other.code).toBe(3);
        expect(other.stderr).toContain('EACCES');
      } finally {
        await first.stop();
      }
      const again = await start(dataRoot);
      try {
        expect(again.url).toContain(`host=${encodeURIComponent(folder)}`);
      } finally {
        await again.stop();
        rmSync(folder, { recursive: true, force: true });
      }
    },
  );
});
