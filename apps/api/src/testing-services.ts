/**
 * What a test database's API needs around it since stage 4, started on its first checkout: the
 * card processor (the outside world, in this process so a test can script its answers), the
 * payment service — the real worker, as its own process with its own database — and this API's
 * relay and consumers, all on queues of their own (a prefix per test database). Everything stops
 * when the test database is dropped or the test process ends.
 *
 * The suite's seams from stages 1–3 keep working by following the payment method: a context's
 * `charge` becomes the processor's answer for the cards that context tokenizes, and its
 * `beforeSettle` and log reach the consumer that settles those orders.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCardProcessor, type CardProcessor, type Decider } from '@shop/card-processor/server';
import type { Log } from './application/log';
import type { PaymentMethods } from './application/ordering/deps';
import type { SettleSeams } from './application/ordering/payment-answers';
import { createCheckoutSagaRepository } from './infrastructure/db/checkout-saga.repository';
import { databaseUrlOf } from './infrastructure/db/client';
import { watchDatabase } from './infrastructure/db/database-watch';
import {
  createSettlementWaiter,
  type SettlementWaiter,
} from './infrastructure/db/settlement-waiter';
import type { Db } from './infrastructure/db/transactions';
import { createDeliveries } from './infrastructure/events/deliveries';
import { startEventServices, type EventServices } from './infrastructure/events/event-services';
import { silentLogger } from './infrastructure/log';
import { createPaymentMethods } from './infrastructure/payment/card-processor';
import {
  createOpsLinks,
  defaultWorkerPublicUrl,
  devOpsTicketSecret,
} from './infrastructure/security/ops-ticket';
import { createPorts, eventHandlers, type Runtime } from './wiring';

export interface Seams {
  charge?: Decider | undefined;
  beforeSettle?: ((attempt: number) => void | Promise<void>) | undefined;
  log?: Log | undefined;
}

interface Started {
  processor: CardProcessor;
  paymentMethods: PaymentMethods;
  events: EventServices;
  worker: ChildProcess;
  workerLog: string[];
  stop(): Promise<void>;
}

interface ServicesForDb {
  runtime: Runtime;
  /** This database's queues: its relay, consumers, worker and event journey use no others. */
  queues: { tag: string; prefix: string };
  seams: Map<string, Seams>;
  /** Starts everything on first call. */
  started(): Promise<Started>;
}

export const testReservationMs = 15 * 60_000;
const workerDir = fileURLToPath(new URL('../../worker/', import.meta.url));
const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const running = new Set<Started>();
const byDb = new WeakMap<Db, ServicesForDb>();

process.once('exit', () => {
  for (const services of running) services.worker.kill('SIGTERM');
});

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** The payment service, spawned like a deployment would: its own process, database and env. */
async function spawnWorker(env: Record<string, string>, log: string[]): Promise<ChildProcess> {
  const worker = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: workerDir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => log.push(...chunk.toString().split('\n').filter(Boolean));
  worker.stdout.on('data', collect);
  worker.stderr.on('data', collect);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the worker did not start within 30 s:\n${log.join('\n')}`)),
      30_000,
    );
    const ready = () => {
      if (log.some((line) => line.includes('worker ready'))) {
        clearTimeout(timer);
        resolve();
      }
    };
    worker.stdout.on('data', ready);
    worker.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the worker exited (${code}) while starting:\n${log.join('\n')}`));
    });
  });
  return worker;
}

async function start(
  db: Db,
  seams: Map<string, Seams>,
  runtime: Runtime,
  { tag, prefix }: ServicesForDb['queues'],
): Promise<Started> {
  const databaseUrl = databaseUrlOf(db);
  const processor = await startCardProcessor({ port: 0 });
  const workerLog: string[] = [];
  const mailDir = path.join(tmpdir(), `shop-test-mail-${tag}`);
  const worker = await spawnWorker(
    {
      NODE_ENV: 'test',
      WORKER_DATABASE_URL: withDatabase(databaseUrl, `shop_worker_test_${tag}`),
      WORKER_MIGRATE_ON_START: '1',
      WORKER_DROP_DATABASE_ON_EXIT: '1',
      WORKER_PORT: '0',
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: prefix,
      CARD_PROCESSOR_URL: processor.url,
      CARD_PROCESSOR_SECRET_KEY: processor.keys.secret,
      STALLED_INTERVAL_MS: '2000',
      // The order e-mails of a test worker go to a throwaway folder, not the repository's .data/.
      MAIL_DIR: mailDir,
    },
    workerLog,
  );
  const ports = createPorts(db, silentLogger, runtime);
  const settleSeams: SettleSeams = { forPaymentMethod: (id) => (id ? seams.get(id) : undefined) };
  const events = startEventServices({
    databaseUrl,
    redisUrl,
    prefix,
    log: silentLogger,
    consumers: eventHandlers(ports, silentLogger, runtime, settleSeams),
  });
  await events.ready();
  let stopping: Promise<void> | null = null;
  const started: Started = {
    processor,
    paymentMethods: createPaymentMethods({
      url: processor.url,
      publishableKey: processor.keys.publishable,
    }),
    events,
    worker,
    workerLog,
    stop() {
      stopping ??= (async () => {
        running.delete(started);
        worker.kill('SIGTERM');
        await events.close().catch(() => undefined);
        await runtime.settlements.close().catch(() => undefined);
        await runtime.deliveries.close().catch(() => undefined);
        await processor.close().catch(() => undefined);
        await watchdog.stop();
        rmSync(mailDir, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
  // The suite drops the database when a file is done: that is when these stop too.
  const watchdog = await watchDatabase(databaseUrl, () => void started.stop());
  running.add(started);
  return started;
}

function servicesFor(db: Db): ServicesForDb {
  let services = byDb.get(db);
  if (services) return services;
  let starting: Promise<Started> | null = null;
  const seams = new Map<string, Seams>();
  const tag = randomBytes(4).toString('hex');
  const queues = { tag, prefix: `${process.env.QUEUE_PREFIX || 'shop-test'}-api-${tag}` };
  const settlements: SettlementWaiter = createSettlementWaiter(
    databaseUrlOf(db),
    createCheckoutSagaRepository(db),
  );
  const runtime: Runtime = {
    settlements,
    reservationMs: testReservationMs,
    opsLinks: createOpsLinks({
      secret: devOpsTicketSecret,
      workerPublicUrl: defaultWorkerPublicUrl,
    }),
    deliveries: createDeliveries({ redisUrl, prefix: queues.prefix }),
    paymentMethods: {
      register: async (card) => (await services!.started()).paymentMethods.register(card),
    },
  };
  services = {
    runtime,
    queues,
    seams,
    started: () => (starting ??= start(db, seams, runtime, queues)),
  };
  byDb.set(db, services);
  return services;
}

/**
 * The runtime a context over `db` uses; with seams, the cards it tokenizes are answered by
 * `charge` and settled with `beforeSettle` and `log`.
 */
export function runtimeFor(db: Db, contextSeams?: Seams): Runtime {
  const services = servicesFor(db);
  if (!contextSeams?.charge && !contextSeams?.beforeSettle && !contextSeams?.log)
    return services.runtime;
  return {
    ...services.runtime,
    paymentMethods: {
      async register(card) {
        const started = await services.started();
        const method = await started.paymentMethods.register(card);
        services.seams.set(method.id, contextSeams);
        const charge = contextSeams.charge;
        if (charge) started.processor.setDecider(method.id, (cardNumber) => charge(cardNumber));
        return method;
      },
    },
  };
}

/** The worker's log lines for `db`'s services (empty until the first checkout started them). */
export async function workerLogOf(db: Db): Promise<string[]> {
  return (await servicesFor(db).started()).workerLog;
}

/** The queue prefix of `db`'s services, so a test reads the queues its checkouts went through. */
export function queuePrefixOf(db: Db): string {
  return servicesFor(db).queues.prefix;
}
