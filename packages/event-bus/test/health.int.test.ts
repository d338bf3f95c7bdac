import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueDepths, serviceHealth } from '../src/health';
import { producerConnection } from '../src/redis';
import { createBusDatabase, placed, redisUrl, testPrefix, writeOutbox } from './fixtures';

let database: Awaited<ReturnType<typeof createBusDatabase>>;
const redis = producerConnection(redisUrl);

beforeAll(async () => {
  database = await createBusDatabase();
});
afterAll(async () => {
  redis.disconnect();
  await database.drop();
});

describe('queueDepths', () => {
  it('counts what BullMQ counts, in one pipeline', async () => {
    const prefix = testPrefix();
    const queue = new Queue('payment', { connection: redis, prefix });
    await queue.add('a', {}, { jobId: 'waiting-1' });
    await queue.add('b', {}, { jobId: 'waiting-2', priority: 3 });
    await queue.add('c', {}, { jobId: 'delayed-1', delay: 60_000 });
    const bull = await queue.getJobCounts('waiting', 'prioritized', 'delayed', 'failed');

    const depths = await queueDepths(redis, prefix, ['payment', 'notifications']);
    await queue.obliterate({ force: true });
    await queue.close();
    expect(depths).toEqual({
      payment: {
        waiting: (bull.waiting ?? 0) + (bull.prioritized ?? 0),
        active: 0,
        delayed: bull.delayed,
        failed: 0,
        completed: 0,
      },
      notifications: { waiting: 0, active: 0, delayed: 0, failed: 0, completed: 0 },
    });
    expect(depths.payment).toMatchObject({ waiting: 2, delayed: 1 });
  });
});

describe('serviceHealth', () => {
  it('is ok with an empty outbox, degraded once the oldest event waits over 30 s', async () => {
    const prefix = testPrefix();
    const ok = await serviceHealth({ db: database.pool, redis, prefix, consumers: ['ordering'] });
    expect(ok).toEqual({
      httpStatus: 200,
      body: {
        status: 'ok',
        database: 'ok',
        redis: 'ok',
        outbox: { unpublished: 0, oldestAgeMs: 0 },
        queues: { ordering: { waiting: 0, active: 0, delayed: 0, failed: 0, completed: 0 } },
      },
    });

    await writeOutbox(database.pool, placed('ord_health'));
    await database.pool.query(`UPDATE outbox SET occurred_at = now() - interval '31 seconds'`);
    const stuck = await serviceHealth({ db: database.pool, redis, prefix, consumers: [] });
    expect(stuck.httpStatus).toBe(200);
    expect(stuck.body).toMatchObject({ status: 'degraded', outbox: { unpublished: 1 } });
    expect(stuck.body.outbox?.oldestAgeMs).toBeGreaterThanOrEqual(31_000);
    await database.pool.query('TRUNCATE outbox');
  });

  it('is degraded when Redis does not answer, unavailable (503) when the database does not', async () => {
    const deadRedis = producerConnection('redis://127.0.0.1:1');
    try {
      const noRedis = await serviceHealth({
        db: database.pool,
        redis: deadRedis,
        prefix: testPrefix(),
        consumers: ['payment'],
      });
      expect(noRedis).toMatchObject({
        httpStatus: 200,
        body: { status: 'degraded', redis: 'unreachable', queues: null, database: 'ok' },
      });
    } finally {
      deadRedis.disconnect();
    }

    const hanging = { query: () => new Promise<never>(() => undefined) };
    const started = Date.now();
    const noDatabase = await serviceHealth({
      db: hanging,
      redis,
      prefix: testPrefix(),
      consumers: ['payment'],
      timeoutMs: 200,
    });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(noDatabase).toMatchObject({
      httpStatus: 503,
      body: { status: 'unavailable', database: 'unreachable', outbox: null, redis: 'ok' },
    });
  });
});
