/**
 * The relay: moves committed outbox rows to BullMQ. Each pass claims up to `batchSize` unpublished
 * rows with `FOR UPDATE SKIP LOCKED` (so any number of relays, in any number of processes, never
 * take the same row), adds one job per subscribed consumer with the event id as the job id (a row
 * published twice — the commit's answer lost — is added once), marks the rows published and
 * commits. Redis away: the transaction rolls back, the rows stay unpublished, the relay backs off
 * and tries again; nothing is lost. `LISTEN outbox` (a trigger notifies on every insert) wakes it at
 * once; a slow poll covers a lost notification or a dropped listening connection.
 *
 * Published rows stay as the event log and are pruned after `eventLogDays`.
 */
import { Queue } from 'bullmq';
import pg from 'pg';
import type { Redis } from 'ioredis';
import { consumers, consumersOf } from '@shop/events/catalogue';
import type { ConsumerName } from '@shop/events/consumers';
import { silentBusLog, type BusLog } from './log';
import { envelopeOf, outboxColumns, type OutboxRow } from './outbox';
import { jobOptions } from './queues';
import { traceIdOf } from './trace';

export interface RelayOptions {
  /** The producer's database (the one holding its `outbox` table). */
  databaseUrl: string;
  /** A producer connection (`producerConnection`): fails fast when Redis is away. */
  redis: Redis;
  prefix: string;
  batchSize?: number;
  /** The fallback poll when no notification arrives. */
  pollMs?: number;
  /** Published rows older than this are pruned; 0 keeps them forever. */
  eventLogDays?: number;
  pruneEveryMs?: number;
  /** How long one publish to Redis may take before the pass rolls back. */
  publishTimeoutMs?: number;
  log?: BusLog;
  now?: () => number;
}

export interface Relay {
  /** Publishes everything unpublished now (one or more passes); resolves with how many rows. */
  drain(): Promise<number>;
  /** Deletes published rows older than the event log's retention; resolves with how many. */
  prune(): Promise<number>;
  stop(): Promise<void>;
}

export function startRelay(options: RelayOptions): Relay {
  const relay = createRelay(options);
  relay.start();
  return relay;
}

export function createRelay({
  databaseUrl,
  redis,
  prefix,
  batchSize = 200,
  pollMs = 1_000,
  eventLogDays = 7,
  pruneEveryMs = 3_600_000,
  publishTimeoutMs = 5_000,
  log = silentBusLog,
  now = Date.now,
}: RelayOptions): Relay & { start(): void } {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  pool.on('error', () => undefined);
  const queues = new Map<ConsumerName, Queue>();
  const queueFor = (name: ConsumerName) => {
    let queue = queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: redis, prefix, defaultJobOptions: jobOptions });
      queue.on('error', () => undefined);
      queues.set(name, queue);
    }
    return queue;
  };

  let stopped = false;
  let listener: pg.Client | null = null;
  let timer: NodeJS.Timeout | null = null;
  let pruneTimer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;
  let again = false;
  let failures = 0;

  /** One pass: claim, publish, mark, commit. Returns how many rows it published. */
  async function pass(): Promise<number> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<OutboxRow>(
        `SELECT ${outboxColumns} FROM outbox WHERE published_at IS NULL ORDER BY occurred_at, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [batchSize],
      );
      if (rows.length === 0) {
        await client.query('COMMIT');
        return 0;
      }
      await withTimeout(publish(rows), publishTimeoutMs);
      await client.query(
        'UPDATE outbox SET published_at = now(), publish_attempts = publish_attempts + 1, last_error = NULL WHERE id = ANY($1::uuid[])',
        [rows.map((row) => row.id)],
      );
      await client.query('COMMIT');
      for (const row of rows)
        log.info(
          {
            eventId: row.id,
            event: row.name,
            orderId: row.correlation_id,
            traceId: traceIdOf(row.traceparent),
            to: consumersOf(row.name),
          },
          'event published',
        );
      return rows.length;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async function publish(rows: OutboxRow[]): Promise<void> {
    const byQueue = new Map<ConsumerName, Parameters<Queue['addBulk']>[0]>();
    const at = now();
    for (const row of rows) {
      const envelope = envelopeOf(row);
      for (const consumer of consumersOf(row.name)) {
        const deliverAt = consumers[consumer].deliverAt?.(envelope.payload);
        const delay = deliverAt ? Math.max(0, Date.parse(deliverAt) - at) : 0;
        const jobs = byQueue.get(consumer) ?? [];
        jobs.push({
          name: row.name,
          data: envelope,
          opts: { ...jobOptions, jobId: row.id, ...(delay > 0 ? { delay } : {}) },
        });
        byQueue.set(consumer, jobs);
      }
    }
    await Promise.all([...byQueue].map(([consumer, jobs]) => queueFor(consumer).addBulk(jobs)));
  }

  /**
   * Publishes until a pass finds less than a full batch. Behind a backlog, two passes run at once
   * (the pool's two connections; SKIP LOCKED keeps their batches apart): one claims and marks its
   * rows in PostgreSQL while the other's jobs are being added to Redis, so the database's share
   * of the work hides behind the broker's instead of adding to it.
   */
  async function drainNow(): Promise<number> {
    const first = await pass();
    if (first < batchSize || stopped) return first;
    let total = first;
    const lane = async () => {
      for (;;) {
        const published = await pass();
        total += published;
        if (published < batchSize || stopped) return;
      }
    };
    const lanes = await Promise.allSettled([lane(), lane()]);
    const failed = lanes.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    return total;
  }

  /** Runs one drain at a time; a wake-up during a drain runs one more after it. */
  function drain(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let total = 0;
      try {
        do {
          again = false;
          total += await drainNow();
        } while (again && !stopped);
        if (failures > 0) log.info({ afterFailures: failures }, 'relay publishing again');
        failures = 0;
        return total;
      } finally {
        running = null;
      }
    })();
    return running;
  }

  function schedule(ms: number): void {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(tick, ms);
    timer.unref();
  }

  function tick(): void {
    drain().then(
      () => schedule(pollMs),
      (error: unknown) => {
        failures += 1;
        const backoff = Math.min(pollMs * 2 ** Math.min(failures, 5), 30_000);
        if (failures === 1 || failures % 10 === 0)
          log.warn(
            { error: message(error), failures, retryInMs: backoff },
            'relay cannot publish; the events wait in the outbox',
          );
        void recordFailure(error);
        schedule(backoff);
      },
    );
  }

  async function recordFailure(error: unknown): Promise<void> {
    await pool
      .query(
        'UPDATE outbox SET publish_attempts = publish_attempts + 1, last_error = $1 WHERE id = (SELECT id FROM outbox WHERE published_at IS NULL ORDER BY occurred_at, id LIMIT 1)',
        [message(error).slice(0, 500)],
      )
      .catch(() => undefined);
  }

  async function listen(): Promise<void> {
    if (stopped) return;
    const client = new pg.Client({ connectionString: databaseUrl });
    client.on('error', () => undefined);
    client.on('notification', () => {
      if (failures === 0) schedule(0);
    });
    client.on('end', () => {
      if (listener === client) listener = null;
      if (!stopped) setTimeout(() => void listen(), pollMs).unref();
    });
    try {
      await client.connect();
      await client.query('LISTEN outbox');
      if (stopped) await client.end();
      else listener = client;
    } catch {
      await client.end().catch(() => undefined);
    }
  }

  async function prune(): Promise<number> {
    if (eventLogDays <= 0) return 0;
    const result = await pool.query(
      'DELETE FROM outbox WHERE published_at IS NOT NULL AND published_at < now() - make_interval(days => $1)',
      [eventLogDays],
    );
    const deleted = result.rowCount ?? 0;
    if (deleted > 0) log.info({ deleted, eventLogDays }, 'event log pruned');
    return deleted;
  }

  return {
    start() {
      void listen();
      schedule(0);
      const prunePass = () => void prune().catch(() => undefined);
      prunePass();
      pruneTimer = setInterval(prunePass, pruneEveryMs);
      pruneTimer.unref();
    },
    drain,
    prune,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (pruneTimer) clearInterval(pruneTimer);
      await running?.catch(() => undefined);
      await listener?.end().catch(() => undefined);
      await Promise.all([...queues.values()].map((queue) => queue.close().catch(() => undefined)));
      await pool.end().catch(() => undefined);
    },
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timeout: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timeout = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timeout));
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
