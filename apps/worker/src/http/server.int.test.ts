import { createHmac, randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { producerConnection } from '@shop/event-bus/redis';
import { consumerNames } from '@shop/events/consumers';
import { createTestDatabase, type TestDatabase } from '../../test/database';
import { createPool } from '../db/pool';
import { createServer } from './server';

const secret = 'worker-http-test-secret-0123456789abcdef';
const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const prefix = `shop-test-worker-http-${randomBytes(4).toString('hex')}`;

let db: TestDatabase;
let redis: Redis;
let base: string;
let server: Server;

async function listen(deps: Parameters<typeof createServer>[0]) {
  const started = createServer(deps);
  await new Promise<void>((resolve) => started.listen(0, '127.0.0.1', resolve));
  return { server: started, base: `http://127.0.0.1:${(started.address() as AddressInfo).port}` };
}

const stop = (started: Server) =>
  new Promise((resolve) => {
    started.close(resolve);
    started.closeAllConnections();
  });

beforeAll(async () => {
  db = await createTestDatabase('http');
  redis = producerConnection(redisUrl);
  ({ server, base } = await listen({ pool: db.pool, redis, prefix, opsTicketSecret: secret }));
});
afterAll(async () => {
  await stop(server);
  for (const name of consumerNames) {
    const queue = new Queue(name, { connection: redis, prefix });
    await queue.obliterate({ force: true });
    await queue.close();
  }
  redis.disconnect();
  await db.drop();
});

/** A ticket as the API signs one (the format of `@shop/contract/ops-ticket`), built here by hand. */
function ticket({
  exp = Math.floor(Date.now() / 1000) + 60,
  nonce = randomBytes(16).toString('base64url'),
  key = secret,
} = {}): string {
  const text = Buffer.from(JSON.stringify({ sub: 'usr_admin', exp, nonce })).toString('base64url');
  return `${text}.${createHmac('sha256', key).update(text).digest('base64url')}`;
}

const login = (value: string) =>
  fetch(`${base}/admin/queues/login?ticket=${encodeURIComponent(value)}`);

/** The session cookie's `name=value`, from a login that must succeed. */
async function signedIn(): Promise<string> {
  const res = await login(ticket());
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

describe('the queue board', () => {
  it('takes a ticket once and answers with an HttpOnly, Strict session for /admin', async () => {
    const value = ticket();
    const first = await login(value);
    expect(first.status).toBe(200);
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^shop_ops_session=[\w-]+\.[\w-]+;/);
    expect(cookie).toContain('Max-Age=3600');
    expect(cookie).toContain('Path=/admin');
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(await first.text()).toContain('url=/admin/queues');

    const again = await login(value);
    expect(again.status).toBe(401);
    expect(again.headers.get('set-cookie')).toBeNull();
    expect(await again.text()).toMatch(/invalid, expired or already used/);
  });

  it('refuses expired, forged and missing tickets with 401', async () => {
    const refused = [
      ticket({ exp: Math.floor(Date.now() / 1000) - 1 }),
      ticket({ key: 'some-other-secret-0123456789abcdefgh' }),
      `${ticket().split('.')[0]}.${ticket().split('.')[1]?.slice(1)}`,
      'not-a-ticket',
    ];
    for (const value of refused) {
      const res = await login(value);
      expect([value, res.status]).toEqual([value, 401]);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    }
    expect((await fetch(`${base}/admin/queues/login`)).status).toBe(401);
  });

  it('shows the board with the session, and nothing under /admin without one', async () => {
    const cookie = await signedIn();
    const board = await fetch(`${base}/admin/queues`, { headers: { cookie } });
    expect(board.status).toBe(200);
    expect(board.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await board.text();
    expect(html).toContain('<title>Shop queues</title>');
    expect(html).toContain('<base href="/admin/queues');

    const api = await fetch(`${base}/admin/queues/api/queues`, { headers: { cookie } });
    expect(api.status).toBe(200);
    const { queues } = (await api.json()) as { queues: { name: string }[] };
    expect(queues.map((queue) => queue.name).sort()).toEqual([
      'checkout-timeouts',
      'notifications',
      'ordering',
      'payment',
    ]);

    for (const path of ['/admin/queues', '/admin/queues/api/queues', '/admin/anything']) {
      const bare = await fetch(`${base}${path}`);
      expect([path, bare.status]).toEqual([path, 401]);
      expect(await bare.text()).toMatch(/open Queues from the back office/);
    }
    const forged = await fetch(`${base}/admin/queues`, {
      headers: { cookie: `shop_ops_session=${ticket()}` },
    });
    expect(forged.status).toBe(401);
  });
});

describe('GET /health', () => {
  it('reports the outbox lag and the depths of the worker’s queues', async () => {
    const queue = new Queue('payment', { connection: redis, prefix });
    await queue.add('ordering.OrderPlaced', {}, { jobId: randomBytes(8).toString('hex') });
    await queue.close();

    const ok = await fetch(`${base}/health`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({
      status: 'ok',
      database: 'ok',
      redis: 'ok',
      outbox: { unpublished: 0, oldestAgeMs: 0 },
      queues: {
        payment: { waiting: 1, active: 0, delayed: 0, failed: 0, completed: 0 },
        notifications: { waiting: 0, active: 0, delayed: 0, failed: 0, completed: 0 },
      },
    });

    await db.pool.query(
      `INSERT INTO outbox (id, name, version, producer, aggregate_id, correlation_id, payload, occurred_at)
       VALUES (gen_random_uuid(), 'x', 1, 'worker', 'a', 'c', '{}', now() - interval '31 seconds')`,
    );
    const lagging = await fetch(`${base}/health`);
    expect(lagging.status).toBe(200);
    const body = (await lagging.json()) as { status: string; outbox: { oldestAgeMs: number } };
    expect(body).toMatchObject({ status: 'degraded', outbox: { unpublished: 1 } });
    expect(body.outbox.oldestAgeMs).toBeGreaterThanOrEqual(31_000);
    await db.pool.query('DELETE FROM outbox');
  });

  it('is degraded when Redis does not answer, 503 when the database does not', async () => {
    const deadRedis = producerConnection('redis://127.0.0.1:1');
    const closed = createPool(db.url);
    await closed.end();
    const broken = [
      await listen({ pool: db.pool, redis: deadRedis, prefix, opsTicketSecret: secret }),
      await listen({ pool: closed, redis, prefix, opsTicketSecret: secret }),
    ];
    try {
      const [noRedis, noDatabase] = await Promise.all(
        broken.map(async (started) => {
          const res = await fetch(`${started.base}/health`);
          return { status: res.status, body: await res.json() };
        }),
      );
      expect(noRedis).toMatchObject({
        status: 200,
        body: { status: 'degraded', database: 'ok', redis: 'unreachable', queues: null },
      });
      expect(noDatabase).toMatchObject({
        status: 503,
        body: { status: 'unavailable', database: 'unreachable', outbox: null, redis: 'ok' },
      });
    } finally {
      await Promise.all(broken.map((started) => stop(started.server)));
      deadRedis.disconnect();
    }
  });

  it('answers other paths with a JSON 404', async () => {
    const res = await fetch(`${base}/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});
