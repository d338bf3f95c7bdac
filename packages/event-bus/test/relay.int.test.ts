import { Queue } from 'bullmq';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createRelay, startRelay, type Relay } from '../src/relay';
import { producerConnection } from '../src/redis';
import {
  cancelled,
  createBusDatabase,
  placed,
  redisUrl,
  testPrefix,
  until,
  writeOutbox,
  dropPrefixes,
} from './fixtures';

let database: Awaited<ReturnType<typeof createBusDatabase>>;
const redis = producerConnection(redisUrl);
const open: Array<{ stop(): Promise<void> }> = [];

beforeAll(async () => {
  database = await createBusDatabase();
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((relay) => relay.stop()));
  await database.pool.query('TRUNCATE outbox, inbox');
});
afterAll(async () => {
  await dropPrefixes(redis);
  redis.disconnect();
  await database.drop();
});

function relay(prefix: string, options: Partial<Parameters<typeof createRelay>[0]> = {}) {
  const created = createRelay({ databaseUrl: database.url, redis, prefix, ...options });
  open.push(created);
  return created;
}

async function jobs(prefix: string, queueName: string) {
  const queue = new Queue(queueName, { connection: redis, prefix });
  try {
    return await queue.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed']);
  } finally {
    await queue.close();
  }
}

const unpublished = async () =>
  Number(
    (
      await database.pool.query<{ count: string }>(
        'SELECT count(*) FROM outbox WHERE published_at IS NULL',
      )
    ).rows[0]?.count,
  );

describe('the relay', () => {
  it('adds one job per subscribed consumer, with the event id as job id, and marks the rows published', async () => {
    const prefix = testPrefix();
    const order = placed('ord_a');
    const cancel = cancelled('ord_a');
    await writeOutbox(database.pool, order, cancel);

    expect(await relay(prefix).drain()).toBe(2);

    const payment = await jobs(prefix, 'payment');
    expect(payment.map((job) => job.id).sort()).toEqual([order.id, cancel.id].sort());
    expect((await jobs(prefix, 'notifications')).map((job) => job.id)).toEqual([cancel.id]);
    const [timeout] = await jobs(prefix, 'checkout-timeouts');
    expect(timeout?.id).toBe(order.id);
    // The checkout timeout waits in the broker until the reservation ends.
    expect(await timeout?.getState()).toBe('delayed');
    expect(await unpublished()).toBe(0);
  });

  it('publishes nothing of a transaction that rolled back', async () => {
    const prefix = testPrefix();
    const client = await database.pool.connect();
    await client.query('BEGIN');
    await client.query(
      'INSERT INTO outbox (id, name, version, producer, aggregate_id, correlation_id, payload) VALUES (gen_random_uuid(), $1, 1, $2, $3, $3, $4)',
      ['ordering.OrderPlaced', 'api', 'ord_b', '{}'],
    );
    await client.query('ROLLBACK');
    client.release();
    expect(await relay(prefix).drain()).toBe(0);
  });

  it('adds an event published twice only once (the job id dedupes)', async () => {
    const prefix = testPrefix();
    const order = placed('ord_c');
    await writeOutbox(database.pool, order);
    await relay(prefix).drain();
    // As if the commit's answer was lost after the jobs were added.
    await database.pool.query('UPDATE outbox SET published_at = NULL');
    await relay(prefix).drain();
    expect((await jobs(prefix, 'payment')).map((job) => job.id)).toEqual([order.id]);
  });

  it('lets several relays drain one outbox without publishing a row twice', async () => {
    const prefix = testPrefix();
    const orders = Array.from({ length: 300 }, (_, i) => placed(`ord_many_${i}`));
    await writeOutbox(database.pool, ...orders);
    const relays = [1, 2, 3].map(() => relay(prefix, { batchSize: 20 }));
    const counts = await Promise.all(relays.map((r) => r.drain()));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(300);
    expect(await unpublished()).toBe(0);
    expect(await jobs(prefix, 'payment')).toHaveLength(300);
  });

  it('is woken by the commit, without waiting for its poll', async () => {
    const prefix = testPrefix();
    const running: Relay = startRelay({
      databaseUrl: database.url,
      redis,
      prefix,
      pollMs: 60_000,
    });
    open.push(running);
    await new Promise((resolve) => setTimeout(resolve, 300)); // LISTEN is in place
    const started = Date.now();
    await writeOutbox(database.pool, placed('ord_d'));
    await until(unpublished, (count) => count === 0, 5_000);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('keeps the events in the outbox while Redis is away and publishes them once it answers', async () => {
    const prefix = testPrefix();
    const away = producerConnection('redis://127.0.0.1:1');
    const broken = createRelay({
      databaseUrl: database.url,
      redis: away,
      prefix,
      publishTimeoutMs: 1_000,
    });
    open.push({ stop: async () => (await broken.stop(), away.disconnect()) });
    await writeOutbox(database.pool, placed('ord_e'));
    await expect(broken.drain()).rejects.toThrow();
    expect(await unpublished()).toBe(1);

    expect(await relay(prefix).drain()).toBe(1);
    expect(await jobs(prefix, 'payment')).toHaveLength(1);
  });

  it('prunes published events older than the event log keeps', async () => {
    const prefix = testPrefix();
    await writeOutbox(database.pool, placed('ord_old'), placed('ord_new'), placed('ord_waiting'));
    await database.pool.query(
      "UPDATE outbox SET published_at = now() - interval '8 days' WHERE correlation_id = 'ord_old'",
    );
    await database.pool.query(
      "UPDATE outbox SET published_at = now() WHERE correlation_id = 'ord_new'",
    );
    expect(await relay(prefix, { eventLogDays: 7 }).prune()).toBe(1);
    const left = await database.pool.query('SELECT correlation_id FROM outbox ORDER BY 1');
    expect(left.rows.map((row: { correlation_id: string }) => row.correlation_id)).toEqual([
      'ord_new',
      'ord_waiting',
    ]);
  });
});
