import { Queue } from 'bullmq';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '@shop/events/envelope';
import { startConsumer, type Consumer, type Handler } from '../src/consumer';
import { listDeadLetters, replayDeadLetters } from '../src/dead-letters';
import { claimInboxSql, inboxValues, recordOutcomeSql } from '../src/inbox';
import { jobOptions } from '../src/queues';
import { producerConnection } from '../src/redis';
import {
  cancelled,
  createBusDatabase,
  placed,
  redisUrl,
  testPrefix,
  until,
  dropPrefixes,
} from './fixtures';

let database: Awaited<ReturnType<typeof createBusDatabase>>;
const redis = producerConnection(redisUrl);
const running: Consumer[] = [];

beforeAll(async () => {
  database = await createBusDatabase();
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((consumer) => consumer.close()));
});
afterAll(async () => {
  await dropPrefixes(redis);
  redis.disconnect();
  await database.drop();
});

async function publish(prefix: string, queueName: string, data: unknown, jobId: string) {
  const queue = new Queue(queueName, { connection: redis, prefix });
  await queue.add('event', data, { ...jobOptions, backoff: { type: 'fixed', delay: 10 }, jobId });
  await queue.close();
}

/** A handler with the inbox pattern: claim the event and record the effect in one transaction. */
function inboxHandler(consumer: string, effects: string[]): Handler {
  return async (envelope: Envelope) => {
    const client = await database.pool.connect();
    try {
      await client.query('BEGIN');
      const claimed = await client.query(claimInboxSql, inboxValues(consumer, envelope));
      if (claimed.rowCount === 0) {
        await client.query('COMMIT');
        return 'already handled';
      }
      effects.push(envelope.id);
      await client.query(recordOutcomeSql, [consumer, envelope.id, 'effect']);
      await client.query('COMMIT');
      return 'effect';
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  };
}

function consume(prefix: string, handlers: Record<string, Handler>) {
  const consumer = startConsumer({ consumer: 'payment', redisUrl, prefix, handlers });
  running.push(consumer);
  return consumer;
}

describe('a consumer', () => {
  it('handles an event delivered twice, and twice at once, with one effect', async () => {
    const effects: string[] = [];
    const handler = inboxHandler('payment', effects);
    const event = placed('ord_twice');
    // The same event id reaching the handler three times (a second publish after its job was
    // removed, a redelivery), two of them at the same moment.
    await Promise.all([
      handler(event, { attempt: 1, jobId: event.id }),
      handler(event, { attempt: 1, jobId: event.id }),
    ]);
    await handler(event, { attempt: 2, jobId: event.id });
    expect(effects).toEqual([event.id]);
  });

  it('sends a poison event straight to the dead letters and goes on with the next', async () => {
    const prefix = testPrefix();
    const effects: string[] = [];
    consume(prefix, { 'ordering.OrderPlaced': inboxHandler('payment', effects) });
    const good = placed('ord_after_poison');
    await publish(prefix, 'payment', { ...placed('ord_poison'), version: 9 }, 'poison');
    await publish(prefix, 'payment', good, good.id);

    await until(
      () => Promise.resolve(effects),
      (list) => list.length === 1,
    );
    const letters = await until(
      () => listDeadLetters(redis, prefix, ['payment']),
      (list) => list.length === 1,
    );
    expect(letters[0]).toMatchObject({
      jobId: 'poison',
      attempts: 1,
      reason: 'ordering.OrderPlaced version 9 is not known here (this build reads version 1)',
    });
  });

  it('retries a failing handler, keeps it as a dead letter after the last attempt, and replays it', async () => {
    const prefix = testPrefix();
    let failing = true;
    let calls = 0;
    const effects: string[] = [];
    const inbox = inboxHandler('payment', effects);
    consume(prefix, {
      'ordering.OrderCancelled': async (envelope, delivery) => {
        calls += 1;
        if (failing) throw new Error('the processor is down');
        return inbox(envelope, delivery);
      },
    });
    const event = cancelled('ord_retry');
    await publish(prefix, 'payment', event, event.id);
    const [letter] = await until(
      () => listDeadLetters(redis, prefix, ['payment']),
      (list) => list.length === 1,
    );
    expect(letter).toMatchObject({
      jobId: event.id,
      attempts: jobOptions.attempts,
      reason: 'the processor is down',
    });
    expect(calls).toBe(jobOptions.attempts);

    failing = false;
    expect(await replayDeadLetters(redis, prefix, { jobId: event.id })).toBe(1);
    await until(
      () => Promise.resolve(effects),
      (list) => list.length === 1,
    );
    expect(await listDeadLetters(redis, prefix, ['payment'])).toEqual([]);
  });
});
