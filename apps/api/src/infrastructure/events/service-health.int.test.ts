import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { producerConnection } from '@shop/event-bus/redis';
import { createServer } from '../../testing';
import { startHarness, type Harness } from '../../../test/harness';
import { databaseUrlOf } from '../db/client';
import { createServiceHealth } from './service-health';

const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const prefix = `shop-test-api-health-${randomBytes(4).toString('hex')}`;
let h: Harness;
let health: ReturnType<typeof createServiceHealth>;
const servers: Server[] = [];

beforeAll(async () => {
  h = await startHarness('health');
  health = createServiceHealth({ databaseUrl: databaseUrlOf(h.prisma), redisUrl, prefix });
});
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  await health.close();
  const redis = producerConnection(redisUrl);
  const queue = new Queue('ordering', { connection: redis, prefix });
  await queue.obliterate({ force: true });
  await queue.close();
  redis.disconnect();
  await h.close();
});

async function getHealth(check?: ReturnType<typeof createServiceHealth>['check']) {
  const server = createServer({
    db: h.prisma,
    allowedOrigins: [],
    ...(check ? { health: check } : {}),
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/health`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('GET /health', () => {
  it('reports the outbox lag and the depths of the API’s queues', async () => {
    const redis = producerConnection(redisUrl);
    const queue = new Queue('ordering', { connection: redis, prefix });
    await queue.add('payment.PaymentCaptured', {}, { jobId: 'health-1', delay: 60_000 });
    await queue.close();
    redis.disconnect();

    expect(await getHealth(health.check)).toEqual({
      status: 200,
      body: {
        status: 'ok',
        database: 'ok',
        redis: 'ok',
        outbox: { unpublished: 0, oldestAgeMs: 0 },
        queues: {
          ordering: { waiting: 0, active: 0, delayed: 1, failed: 0, completed: 0 },
          'checkout-timeouts': { waiting: 0, active: 0, delayed: 0, failed: 0, completed: 0 },
        },
      },
    });

    await h.prisma.$executeRaw`
      INSERT INTO outbox (id, name, version, producer, aggregate_id, correlation_id, payload, occurred_at)
      VALUES (gen_random_uuid(), 'x', 1, 'api', 'a', 'c', '{}', now() - interval '31 seconds')`;
    const lagging = await getHealth(health.check);
    expect(lagging).toMatchObject({
      status: 200,
      body: { status: 'degraded', outbox: { unpublished: 1 } },
    });
    expect((lagging.body.outbox as { oldestAgeMs: number }).oldestAgeMs).toBeGreaterThan(30_000);
    await h.prisma.$executeRaw`DELETE FROM outbox`;
  });

  it('is 503 only when the database does not answer, degraded when Redis does not', async () => {
    const noRedis = createServiceHealth({
      databaseUrl: databaseUrlOf(h.prisma),
      redisUrl: 'redis://127.0.0.1:1',
      prefix,
    });
    const noDatabase = createServiceHealth({
      databaseUrl: 'postgresql://postgres@127.0.0.1:1/shop',
      redisUrl,
      prefix,
    });
    try {
      expect(await getHealth(noRedis.check)).toMatchObject({
        status: 200,
        body: { status: 'degraded', database: 'ok', redis: 'unreachable', queues: null },
      });
      expect(await getHealth(noDatabase.check)).toMatchObject({
        status: 503,
        body: { status: 'unavailable', database: 'unreachable', outbox: null, redis: 'ok' },
      });
    } finally {
      await Promise.all([noRedis.close(), noDatabase.close()]);
    }
  });

  it('stays { status: "ok" } for a server made without the health port', async () => {
    expect(await getHealth()).toEqual({ status: 200, body: { status: 'ok' } });
  });
});
