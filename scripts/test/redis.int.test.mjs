// Real Redis servers: the private one provisioning starts from the installed redis-server (in a
// throw-away .data folder, on a port that is not the default), a few started by hand with the
// settings the start-up check must judge, and the Redis the tests run against (REDIS_URL, else
// 127.0.0.1:6379).
import { existsSync, lstatSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { startService } from '../lib/processes.mjs';
import {
  deleteKeysWithPrefix,
  probeRedis,
  redisUnixSocketUrl,
  withRedis,
} from '../lib/redis-connection.mjs';
import { RedisCheckError, queueVerdicts, readQueueFacts } from '../lib/redis-check.mjs';
import { checkRedisForQueues, ensureRedis } from '../lib/services.mjs';
import { findExecutable } from '../lib/system.mjs';

const redisServer = findExecutable('redis-server', ['/usr/bin', '/usr/sbin']);
const scratch = mkdtempSync(path.join(os.tmpdir(), 'shop-redis-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const unusedPort = 46_000 + Math.floor(Math.random() * 4000);
const provisionIn = (dataRoot) =>
  ensureRedis({ env: {}, defaultPort: unusedPort, dataRoot, allowInstall: false });
const config = (url, name) =>
  withRedis(url, async (client) => (await client.config('GET', name))[1]);

/** A redis-server on a unix socket in its own folder, with `settings` on its command line. */
async function startServer(name, settings) {
  const dir = path.join(scratch, name);
  mkdirSync(dir, { mode: 0o700 });
  const socket = path.join(dir, 'redis.sock');
  const service = startService({
    name,
    command: redisServer,
    args: ['--port', '0', '--unixsocket', socket, '--dir', dir, '--logfile', '', ...settings],
  });
  const url = redisUnixSocketUrl(socket);
  while (!(await probeRedis(url, { timeoutMs: 500 })).ok) {
    if (service.exitStatus) throw new Error(`${name} exited: ${service.tail(5)}`);
    await sleep(50);
  }
  return { url, stop: () => service.stop() };
}

describe('the start-up check for queues', () => {
  it('fails a server whose maxmemory-policy may evict keys, naming the fix', async () => {
    const server = await startServer('evicting', ['--maxmemory-policy', 'allkeys-lru']);
    try {
      const attempt = checkRedisForQueues(server.url, { warn: () => {} });
      await expect(attempt).rejects.toBeInstanceOf(RedisCheckError);
      await expect(attempt).rejects.toThrow(
        /may evict keys when its memory is full \(maxmemory-policy allkeys-lru\).*CONFIG SET maxmemory-policy noeviction/,
      );
    } finally {
      await server.stop();
    }
  });

  it('only warns about a server that keeps nothing on disk', async () => {
    const server = await startServer('forgetful', ['--appendonly', 'no', '--save', '']);
    const warnings = [];
    try {
      const verdicts = await checkRedisForQueues(server.url, { warn: (m) => warnings.push(m) });
      expect(verdicts.errors).toEqual([]);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('keeps nothing on disk');
    } finally {
      await server.stop();
    }
  });

  it('passes the Redis the tests run against, warning only when it keeps nothing on disk', async () => {
    const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    const facts = await readQueueFacts(url);
    const warnings = [];
    const verdicts = await checkRedisForQueues(url, { warn: (m) => warnings.push(m) });
    expect(verdicts).toEqual(queueVerdicts(facts, url));
    expect(warnings).toEqual(verdicts.warnings);
    const keepsNothing = !facts.appendonly && facts.save === '';
    expect(warnings.some((m) => m.includes('keeps nothing on disk'))).toBe(keepsNothing);
  });
});

describe("a test run's queues", () => {
  it('are deleted by their prefix, and nothing else is', async () => {
    const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
    const run = `shop-test-it${Math.random().toString(16).slice(2, 10)}`;
    const keys = [`${run}:payment:1`, `${run}:payment:meta`, `${run}-other:x`];
    const bystander = `${run.replace('shop-test', 'shop-kept')}:x`;
    await withRedis(url, (client) => client.mset(...[...keys, bystander].flatMap((k) => [k, '1'])));
    try {
      expect(await deleteKeysWithPrefix(url, run)).toBe(3);
      expect(await withRedis(url, (client) => client.exists(...keys, bystander))).toBe(1);
      await expect(deleteKeysWithPrefix(url, '*')).rejects.toThrow('refusing to delete keys');
    } finally {
      await withRedis(url, (client) => client.del(...keys, bystander));
    }
  });
});

describe('a private Redis server', () => {
  it('is started on a unix socket in .data with an append-only file and no eviction, reused by a second script, stopped, and keeps its data', async () => {
    const dataRoot = path.join(scratch, 'checkout', '.data');
    const folder = path.join(dataRoot, 'redis');
    const socket = path.join(folder, 'redis.sock');
    const first = await provisionIn(dataRoot);
    try {
      expect(first.url).toBe(`redis+unix://${socket}`);
      expect(first.source).toContain(`started a private server from ${redisServer}`);
      expect(lstatSync(folder).mode & 0o777).toBe(0o700);
      expect(lstatSync(folder).uid).toBe(process.getuid());
      expect(lstatSync(socket).isSocket()).toBe(true);
      expect(lstatSync(socket).mode & 0o777).toBe(0o700);
      expect(await config(first.url, 'port')).toBe('0');
      expect(await config(first.url, 'appendonly')).toBe('yes');
      expect(await config(first.url, 'appendfsync')).toBe('everysec');
      expect(await config(first.url, 'maxmemory-policy')).toBe('noeviction');
      expect(await config(first.url, 'dir')).toBe(folder);
      const warnings = [];
      await checkRedisForQueues(first.url, { warn: (m) => warnings.push(m) });
      expect(warnings).toEqual([]);
      await withRedis(first.url, (client) => client.set('shop-it:kept', 'yes'));

      const second = await provisionIn(dataRoot);
      expect(second.url).toBe(first.url);
      expect(second.source).toContain('reused the server already running');
      await second.stop();
      expect((await probeRedis(first.url)).ok).toBe(true);
    } finally {
      await first.stop();
    }
    expect(existsSync(socket)).toBe(false);
    await expect(ensureRedis({ env: { REDIS_URL: first.url } })).rejects.toThrow(
      'nothing is listening',
    );

    const again = await provisionIn(dataRoot);
    try {
      expect(await withRedis(again.url, (client) => client.get('shop-it:kept'))).toBe('yes');
    } finally {
      await again.stop();
    }
  });

  it('refuses a symbolic link planted where its folder goes', async () => {
    const dataRoot = path.join(scratch, 'planted', '.data');
    const target = path.join(scratch, 'planted', 'elsewhere');
    mkdirSync(dataRoot, { recursive: true });
    mkdirSync(target, { mode: 0o755 });
    symlinkSync(target, path.join(dataRoot, 'redis'));
    await expect(provisionIn(dataRoot)).rejects.toThrow(/redis is a symbolic link; refusing/);
    expect(lstatSync(target).mode & 0o777).toBe(0o755);
  });
});
