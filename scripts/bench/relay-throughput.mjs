// `relay.drain` against `ref:addBulk`: how close the outbox relay (packages/event-bus/src/relay.ts) comes to
// the broker's own speed. The same `ordering.OrderPlaced` events are (a) written as committed outbox rows
// into a throwaway database with the outbox table (`outboxInboxSql`) and published by the real relay's
// `drain()` — claim a batch FOR UPDATE SKIP LOCKED, addBulk per queue, mark published, commit — and (b)
// added straight to BullMQ with `Queue.addBulk`, the relay's jobs (same names, data, job ids and options,
// the `checkout-timeouts` job delayed) in batches of the relay's batch size, no database. Rounds
// alternate (b), (a); each run has a queue prefix of its own, whose keys are deleted right after it.
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { tsImport } from 'tsx/esm/api';
import { dropDatabase, ensureDatabase, withClient, withDatabase } from '../lib/db.mjs';
import { onCleanup } from '../lib/lifecycle.mjs';
import { deleteKeysWithPrefix } from '../lib/redis-connection.mjs';
import { median } from './stages.mjs';
import { benchQueuePrefix } from './payment-services.mjs';

export const relayDatabase = 'shop_bench_relay';
/** createRelay's default `batchSize` (what the API and the worker run with); both sides use it. */
export const relayBatchSize = 200;
const warmupEvents = 1_000;
const insertChunk = 2_000;

const eventBus = (name) => tsImport(`@shop/event-bus/${name}`, import.meta.url);
const events = (name) => tsImport(`@shop/events/${name}`, import.meta.url);

async function load() {
  const [relay, schema, redis, queues, catalogue, envelope, ordering] = await Promise.all([
    eventBus('relay'),
    eventBus('schema'),
    eventBus('redis'),
    eventBus('queues'),
    events('catalogue'),
    events('envelope'),
    events('ordering'),
  ]);
  // The BullMQ the relay itself imports (resolved from packages/event-bus, not from the scripts).
  const relayFile = new URL('../../packages/event-bus/src/relay.ts', import.meta.url).href;
  const { Queue } = await tsImport('bullmq', relayFile);
  return {
    createRelay: relay.createRelay,
    outboxInboxSql: schema.outboxInboxSql,
    producerConnection: redis.producerConnection,
    jobOptions: queues.jobOptions,
    consumers: catalogue.consumers,
    consumersOf: catalogue.consumersOf,
    envelopeFor: envelope.envelopeFor,
    OrderPlaced: ordering.OrderPlaced,
    Queue,
  };
}

/** `count` OrderPlaced envelopes like checkout writes them (2 lines, a payment method id, a trace). */
function makeEnvelopes(bus, count) {
  const reservedUntil = new Date(Date.now() + 15 * 60_000).toISOString();
  const hex = (bytes) => randomBytes(bytes).toString('hex');
  return Array.from({ length: count }, () => {
    const orderId = randomUUID();
    return bus.envelopeFor(
      bus.OrderPlaced,
      {
        orderId,
        customerId: randomUUID(),
        amount: 38_700,
        currency: 'KRW',
        lines: [
          { productId: randomUUID(), quantity: 1, unitPrice: 12_900 },
          { productId: randomUUID(), quantity: 2, unitPrice: 12_900 },
        ],
        paymentMethodId: `pm_${hex(12)}`,
        reservedUntil,
      },
      { aggregateId: orderId, correlationId: orderId, traceparent: `00-${hex(16)}-${hex(8)}-01` },
    );
  });
}

async function writeOutbox(db, envelopes) {
  for (let i = 0; i < envelopes.length; i += insertChunk) {
    const chunk = envelopes.slice(i, i + insertChunk);
    const column = (pick) => chunk.map(pick);
    await db.query(
      `INSERT INTO outbox (id, name, version, producer, aggregate_id, correlation_id, causation_id, traceparent, payload, occurred_at)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::text[], $9::jsonb[], $10::timestamptz[])`,
      [
        column((e) => e.id),
        column((e) => e.name),
        column((e) => e.version),
        column((e) => e.producer),
        column((e) => e.aggregateId),
        column((e) => e.correlationId),
        column((e) => e.causationId),
        column((e) => e.traceparent),
        column((e) => JSON.stringify(e.payload)),
        column((e) => e.occurredAt),
      ],
    );
  }
  // What autovacuum would have done by now to a table that grew by thousands of rows.
  await db.query('ANALYZE outbox');
}

/** Jobs per queue for a batch, as the relay's `publish` makes them. */
function jobsByQueue(bus, batch, at) {
  const byQueue = new Map();
  for (const envelope of batch)
    for (const consumer of bus.consumersOf(envelope.name)) {
      const deliverAt = bus.consumers[consumer].deliverAt?.(envelope.payload);
      const delay = deliverAt ? Math.max(0, Date.parse(deliverAt) - at) : 0;
      const jobs = byQueue.get(consumer) ?? [];
      jobs.push({
        name: envelope.name,
        data: envelope,
        opts: { ...bus.jobOptions, jobId: envelope.id, ...(delay > 0 ? { delay } : {}) },
      });
      byQueue.set(consumer, jobs);
    }
  return byQueue;
}

/** Jobs waiting or delayed under `prefix` in each queue the events go to: all must be there. */
async function assertJobs(bus, redis, prefix, envelopes, label) {
  const expected = envelopes.length;
  for (const name of bus.consumersOf(envelopes[0].name)) {
    const queue = new bus.Queue(name, { connection: redis, prefix });
    const found = await queue.count();
    await queue.close();
    if (found !== expected)
      throw new Error(`${label}: queue ${name} holds ${found} jobs, expected ${expected}`);
  }
}

/** One plain-BullMQ run: seconds to add every event's jobs, batch by batch. */
async function addBulkRun(bus, redisUrl, envelopes) {
  const prefix = benchQueuePrefix('addbulk');
  const redis = bus.producerConnection(redisUrl);
  const queues = new Map();
  const queueFor = (name) => {
    if (!queues.has(name))
      queues.set(
        name,
        new bus.Queue(name, { connection: redis, prefix, defaultJobOptions: bus.jobOptions }),
      );
    return queues.get(name);
  };
  try {
    const started = performance.now();
    for (let i = 0; i < envelopes.length; i += relayBatchSize) {
      const byQueue = jobsByQueue(bus, envelopes.slice(i, i + relayBatchSize), Date.now());
      await Promise.all([...byQueue].map(([name, jobs]) => queueFor(name).addBulk(jobs)));
    }
    const seconds = (performance.now() - started) / 1000;
    await assertJobs(bus, redis, prefix, envelopes, 'addBulk');
    return seconds;
  } finally {
    await Promise.all([...queues.values()].map((q) => q.close()));
    redis.disconnect();
    await deleteKeysWithPrefix(redisUrl, prefix);
  }
}

/** One relay run: the rows written first (not timed), then seconds for `drain()` to publish them all. */
async function relayRun(bus, redisUrl, databaseUrl, envelopes) {
  await withClient(databaseUrl, async (db) => {
    await db.query('TRUNCATE outbox');
    await writeOutbox(db, envelopes);
  });
  const prefix = benchQueuePrefix('relay');
  const redis = bus.producerConnection(redisUrl);
  const relay = bus.createRelay({ databaseUrl, redis, prefix, batchSize: relayBatchSize });
  try {
    const started = performance.now();
    const published = await relay.drain();
    const seconds = (performance.now() - started) / 1000;
    if (published !== envelopes.length)
      throw new Error(`relay published ${published} of ${envelopes.length} rows`);
    await assertJobs(bus, redis, prefix, envelopes, 'relay');
    return seconds;
  } finally {
    await relay.stop();
    redis.disconnect();
    await deleteKeysWithPrefix(redisUrl, prefix);
  }
}

/**
 * Measures both: a warm-up of each (1,000 events, not counted), then `rounds` × (addBulk, relay) with
 * `count` events each. Returns the two rows (events/s = median over the rounds).
 */
export async function measureRelayThroughput({ server, redisUrl, count, rounds, keep, log }) {
  const bus = await load();
  const databaseUrl = withDatabase(server.url, relayDatabase);
  await dropDatabase(databaseUrl);
  await ensureDatabase(databaseUrl);
  if (!keep) onCleanup(() => dropDatabase(databaseUrl));
  await withClient(databaseUrl, (db) => db.query(bus.outboxInboxSql));

  const warm = makeEnvelopes(bus, warmupEvents);
  await addBulkRun(bus, redisUrl, warm);
  await relayRun(bus, redisUrl, databaseUrl, warm);
  const runs = { addBulk: [], relay: [] };
  for (let round = 1; round <= rounds; round++) {
    const envelopes = makeEnvelopes(bus, count);
    runs.addBulk.push(count / (await addBulkRun(bus, redisUrl, envelopes)));
    runs.relay.push(count / (await relayRun(bus, redisUrl, databaseUrl, envelopes)));
    log(
      `  round ${round}: addBulk ${Math.round(runs.addBulk.at(-1))} events/s, ` +
        `relay ${Math.round(runs.relay.at(-1))} events/s`,
    );
  }
  const jobs = bus.consumersOf(bus.OrderPlaced.name).length;
  const what = `${count.toLocaleString('en')} ordering.OrderPlaced events (${jobs} jobs each: ${bus.consumersOf(bus.OrderPlaced.name).join(', ')} — delayed), batches of ${relayBatchSize}; events/s, median of ${rounds} rounds`;
  const row = (scenario, kind, perRound, means) => ({
    scenario,
    kind,
    means,
    requestsPerSecond: median(perRound),
    eventsPerSecondByRound: perRound,
    p50Ms: null,
    p99Ms: null,
    responses: count * rounds,
    ok: count * rounds,
    non2xx: 0,
    errors: 0,
    errorRate: 0,
    statusCodes: {},
    warmup: `${warmupEvents} events`,
  });
  return [
    row(
      'ref:addBulk',
      'addBulk',
      runs.addBulk,
      `BullMQ Queue.addBulk of the relay's jobs, one call per queue per batch, no database: ${what}`,
    ),
    row(
      'relay.drain',
      'relay',
      runs.relay,
      `createRelay().drain() on committed outbox rows (claim FOR UPDATE SKIP LOCKED, addBulk per queue, mark published, commit): ${what}`,
    ),
  ];
}
