/**
 * One shop, as separate processes on one machine: the card processor (the outside world, in this
 * process so a test can read what it charged and script its answers), the API process(es) and the
 * worker process(es), meeting on the queues under a prefix of their own in the given Redis, each
 * service with its own database. `close()` stops every process, deletes the queues' keys and
 * drops both databases.
 */
import { randomBytes } from 'node:crypto';
import {
  startCardProcessor,
  type CardProcessor,
  type CardProcessorOptions,
} from '@shop/card-processor/server';
import { dropDatabase } from '@shop/db/server';
import { withDatabase } from '@shop/db/connection';
import { startApi, type ApiProcess } from './api-process';
import { openEventLog, type EventLog } from './event-log';
import { deleteQueueKeys } from './queues';
import { ShopClient } from './shop-client';
import { startWorker, type WorkerProcess } from './worker-process';

export interface ShopSystemOptions {
  /** Names the worker's database and the queue prefix. */
  label: string;
  redisUrl: string;
  /** The API's database, migrated; dropped by `close()`. */
  database: { url: string; drop(): Promise<void> };
  /** Default `<QUEUE_PREFIX or shop-test>-<label>-<random>`. */
  queuePrefix?: string;
  processor?: Omit<CardProcessorOptions, 'log'>;
  checkoutWaitMs?: number;
  stalledIntervalMs?: number;
  apiEnv?: Record<string, string>;
}

export interface ShopSystem {
  processor: CardProcessor;
  /** `POST /v1/charges` requests the processor answered so far (replays under a key included). */
  chargeRequests(): number;
  redisUrl: string;
  queuePrefix: string;
  apiDatabaseUrl: string;
  workerDatabaseUrl: string;
  apiLog: EventLog;
  workerLog: EventLog;
  apis: ApiProcess[];
  /** The workers running now (one killed or stopped is taken out). */
  workers: WorkerProcess[];
  startApi(): Promise<ApiProcess>;
  startWorker(): Promise<WorkerProcess>;
  /** Stops a worker gracefully (SIGTERM) and forgets it. */
  stopWorker(worker: WorkerProcess): Promise<void>;
  /** `kill -9` a worker and forget it. */
  killWorker(worker: WorkerProcess): Promise<void>;
  /** A shopper signed up through API number `api` (default the first). */
  shopper(api?: number): Promise<ShopClient>;
  close(): Promise<void>;
}

export async function startShopSystem(options: ShopSystemOptions): Promise<ShopSystem> {
  const tag = randomBytes(4).toString('hex');
  const slug = options.label.toLowerCase().replace(/[^a-z0-9]+/g, '_');
  const queuePrefix =
    options.queuePrefix ?? `${process.env.QUEUE_PREFIX || 'shop-test'}-${slug}-${tag}`;
  const workerDatabaseUrl = withDatabase(
    options.database.url,
    `shop_worker_${slug}_${tag}`.slice(0, 63),
  );
  let chargeRequests = 0;
  const processor = await startCardProcessor({
    ...options.processor,
    log: (line) => {
      if (line.startsWith('POST /v1/charges ')) chargeRequests++;
    },
  });
  const apiLog = openEventLog(options.database.url);
  const workerLog = openEventLog(workerDatabaseUrl);
  const apis: ApiProcess[] = [];
  const workers: WorkerProcess[] = [];
  const everyWorker: WorkerProcess[] = [];
  let users = 0;
  const forget = (worker: WorkerProcess) => {
    const at = workers.indexOf(worker);
    if (at >= 0) workers.splice(at, 1);
  };

  const system: ShopSystem = {
    processor,
    chargeRequests: () => chargeRequests,
    redisUrl: options.redisUrl,
    queuePrefix,
    apiDatabaseUrl: options.database.url,
    workerDatabaseUrl,
    apiLog,
    workerLog,
    apis,
    workers,
    async startApi() {
      const api = await startApi({
        name: `api-${apis.length + 1}`,
        databaseUrl: options.database.url,
        redisUrl: options.redisUrl,
        queuePrefix,
        cardProcessorUrl: processor.url,
        publishableKey: processor.keys.publishable,
        checkoutWaitMs: options.checkoutWaitMs ?? 1_000,
        ...(options.apiEnv ? { env: options.apiEnv } : {}),
      });
      apis.push(api);
      return api;
    },
    async startWorker() {
      const worker = await startWorker({
        name: `worker-${everyWorker.length + 1}`,
        databaseUrl: workerDatabaseUrl,
        redisUrl: options.redisUrl,
        queuePrefix,
        cardProcessorUrl: processor.url,
        secretKey: processor.keys.secret,
        stalledIntervalMs: options.stalledIntervalMs ?? 1_000,
      });
      everyWorker.push(worker);
      workers.push(worker);
      return worker;
    },
    async stopWorker(worker) {
      forget(worker);
      await worker.stop();
    },
    async killWorker(worker) {
      forget(worker);
      await worker.kill9();
    },
    async shopper(api = 0) {
      const target = apis[api];
      if (!target) throw new Error(`there is no API number ${api} (${apis.length} started)`);
      const client = new ShopClient(target.url);
      users += 1;
      await client.signUp(`Shopper ${users}`, `shopper-${tag}-${users}@shop.test`);
      return client;
    },
    async close() {
      await Promise.all([...apis, ...everyWorker].map((service) => service.stop()));
      await processor.close().catch(() => undefined);
      await Promise.all([apiLog.close(), workerLog.close()]).catch(() => undefined);
      await deleteQueueKeys(options.redisUrl, queuePrefix).catch(() => undefined);
      await dropDatabase(workerDatabaseUrl).catch(() => undefined);
      await options.database.drop();
    },
  };
  return system;
}
