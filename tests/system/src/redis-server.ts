/**
 * A private Redis for one test, configured the way BullMQ needs it (append-only file fsynced every
 * second, no eviction), on a TCP port of its own and a data folder of its own — so the test can
 * stop it (SIGTERM: Redis writes its append-only file out and exits) and start it again on the same
 * port and folder, where it loads what it had.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { startService, type Service } from '../../../scripts/lib/processes.mjs';
import { freePort } from './free-port';

export const redisServerBinary = process.env.REDIS_SERVER_BIN ?? '/usr/bin/redis-server';

export interface PrivateRedis {
  url: string;
  port: number;
  dir: string;
  /** Starts the server (again) on the same port and folder; resolves once it answers PING. */
  start(): Promise<void>;
  /** SIGTERM; resolves once it has exited. The folder (its append-only file) stays. */
  stop(): Promise<void>;
  /** Stops it and deletes its folder. */
  remove(): Promise<void>;
  output(): string;
}

async function answersPing(port: number): Promise<boolean> {
  const client = new Redis({
    host: '127.0.0.1',
    port,
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 1_000,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

export async function createPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shop-system-redis-'));
  let service: Service | null = null;
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--appendonly',
    'yes',
    '--appendfsync',
    'everysec',
    '--maxmemory-policy',
    'noeviction',
    '--save',
    '',
    '--daemonize',
    'no',
  ];
  const redis: PrivateRedis = {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    async start() {
      if (service && !service.exitStatus) return;
      const started = startService({ name: 'redis', command: redisServerBinary, args, cwd: dir });
      service = started;
      const deadline = Date.now() + 30_000;
      while (!(await answersPing(port))) {
        if (started.exitStatus)
          throw new Error(`redis-server exited while starting:\n${started.tail()}`);
        if (Date.now() > deadline) {
          await started.stop();
          throw new Error(
            `redis-server did not answer on port ${port} within 30 s:\n${started.tail()}`,
          );
        }
        await sleep(100);
      }
    },
    async stop() {
      await service?.stop();
    },
    async remove() {
      await service?.stop();
      rmSync(dir, { recursive: true, force: true });
    },
    output: () => service?.output() ?? '',
  };
  await redis.start();
  return redis;
}
