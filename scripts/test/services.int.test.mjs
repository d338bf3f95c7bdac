// Starts real servers from the installed binaries in a throw-away data folder, on ports that are
// not the defaults, as provisioning step (c) does when nothing else is available.
import { mkdtempSync, rmSync, chmodSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dropDatabase, ensureDatabase, ensurePostgres } from '../lib/services.mjs';

const dataRoot = mkdtempSync(path.join(os.tmpdir(), 'shop-services-'));
chmodSync(dataRoot, 0o755);
afterAll(() => rmSync(dataRoot, { recursive: true, force: true }));

const freePort = () =>
  new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

describe('a private PostgreSQL server', () => {
  it('is started from the installed binaries, reused (and left alone) by a second script, and stopped', async () => {
    const port = await freePort();
    const first = await ensurePostgres({
      env: {},
      defaultPort: port,
      dataRoot,
      database: 'shop_it',
      allowInstall: false,
    });
    try {
      expect(first.url).toBe(`postgresql://postgres@127.0.0.1:${port}/shop_it`);
      expect(first.source).toContain('started a private server');
      expect(await ensureDatabase(first.url)).toBe(true);
      expect(await ensureDatabase(first.url)).toBe(false);

      const otherPort = await freePort();
      const second = await ensurePostgres({
        env: {},
        defaultPort: otherPort,
        dataRoot,
        database: 'shop_it',
        allowInstall: false,
      });
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
});
