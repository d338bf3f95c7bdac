/**
 * The worker chaos run (issue 13 §6), what `npm run chaos:worker` runs after provisioning
 * PostgreSQL and Redis (scripts/chaos-worker.mjs): a shop of real processes — `apis` API processes
 * and `workers` workers on one database per service and one Redis, the card processor in this
 * process answering like a PSP does (200–800 ms per charge) — takes `orders` checkouts over HTTP at
 * `rate` per second while the worker is `kill -9`ed `kills` times at random moments and restarted
 * each time. Then it waits for everything to settle, prints the figures and checks the invariants.
 *
 * Each order carries three integration events (ordering.OrderPlaced, payment.PaymentCaptured,
 * ordering.OrderPaid) and four deliveries (payment, checkout-timeouts, ordering, notifications), so
 * the default 334 orders make 1,002 events.
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { testCardDecider } from '@shop/card-processor/server';
import { withDatabase } from '@shop/db/connection';
import { migrate } from '@shop/db/migrate';
import { dropDatabase, ensureDatabase } from '@shop/db/server';
import { consumerNames, consumers } from '@shop/events/consumers';
import { createProducts } from '../catalog-fixtures';
import type { ShopClient } from '../shop-client';
import { startShopSystem } from '../shop-system';
import { collectFigures } from './figures';
import { runKiller } from './killer';
import { runLoad } from './load';
import { seededRandom } from './random';
import { formatReport, invariants, type Invariant } from './report';
import { settle } from './settle';

export interface ChaosOptions {
  /** A PostgreSQL server URL (any database on it): the run creates and drops its own two. */
  postgresUrl: string;
  redisUrl: string;
  orders: number;
  /** Checkouts per second. */
  rate: number;
  shoppers: number;
  kills: number;
  apis: number;
  workers: number;
  seed: number;
  /** Keep the two databases and the queues for a look afterwards. */
  keep: boolean;
  /** How long to wait for everything to settle after the load. */
  settleTimeoutMs: number;
  log: (line: string) => void;
  /** Registers a clean-up that must run even when the run is interrupted (Ctrl-C). */
  onCleanup: (cleanup: () => Promise<void>) => void;
}

export interface ChaosResult {
  ok: boolean;
  report: string;
  invariants: Invariant[];
}

/** Consumers by the service that runs them: the API runs all of its own, the worker says which. */
function runningConsumers(workerConsumers: string[]): string[] {
  return consumerNames.filter((name) =>
    consumers[name].service === 'api' ? true : workerConsumers.includes(name),
  );
}

export async function runChaos(options: ChaosOptions): Promise<ChaosResult> {
  const started = Date.now();
  const { log } = options;
  const random = seededRandom(options.seed);
  const tag = randomBytes(4).toString('hex');
  const databaseName = `shop_chaos_${tag}`;
  const databaseUrl = withDatabase(options.postgresUrl, databaseName);
  log(`creating and migrating the API's database ${databaseName}`);
  await ensureDatabase(databaseUrl);
  if (!options.keep) options.onCleanup(() => dropDatabase(databaseUrl).then(() => undefined));
  await migrate(databaseUrl);
  const pspAnswer = testCardDecider();
  const system = await startShopSystem({
    label: 'chaos',
    redisUrl: options.redisUrl,
    queuePrefix: `shop-chaos-${tag}`,
    database: {
      url: databaseUrl,
      drop: async () => {
        await dropDatabase(databaseUrl);
      },
    },
    checkoutWaitMs: 3_000,
    stalledIntervalMs: 1_000,
    processor: {
      decide: async (cardNumber, paymentMethodId) => {
        await sleep(random.between(200, 800));
        return pspAnswer(cardNumber, paymentMethodId);
      },
    },
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    if (options.keep) {
      await Promise.all([...system.apis, ...system.workers].map((service) => service.stop()));
      await system.processor.close();
      log(
        `kept: API database ${databaseUrl}, worker database ${system.workerDatabaseUrl}, queues under ${system.queuePrefix}`,
      );
    } else await system.close();
  };
  options.onCleanup(close);

  try {
    const products = await createProducts(databaseUrl, 20);
    log(`starting ${options.apis} API process(es) and ${options.workers} worker(s)`);
    for (let i = 0; i < options.apis; i++) await system.startApi();
    const workerStarted = Date.now();
    const firstWorker = await system.startWorker();
    const startMs = Date.now() - workerStarted;
    for (let i = 1; i < options.workers; i++) await system.startWorker();
    const running = runningConsumers(firstWorker.consumers);
    log(`signing up ${options.shoppers} shoppers`);
    const shoppers: ShopClient[] = [];
    // A few at a time: the API lets one client address have a few password hashes in flight.
    for (let i = 0; i < options.shoppers; i += 4) {
      const batch = Array.from({ length: Math.min(4, options.shoppers - i) }, (_, j) =>
        system.shopper((i + j) % options.apis),
      );
      shoppers.push(...(await Promise.all(batch)));
    }
    const setupMs = Date.now() - started;

    log(
      `load: ${options.orders} checkouts at ${options.rate}/s; ${options.kills} kills of the worker on the way`,
    );
    const loadStartedAt = Date.now();
    const loadEndsAt = loadStartedAt + (options.orders / options.rate) * 1000;
    const [load, kills] = await Promise.all([
      runLoad({
        shoppers,
        products,
        orders: options.orders,
        rate: options.rate,
        random,
        progress: log,
      }),
      runKiller({
        system,
        kills: options.kills,
        random,
        loadStartedAt,
        loadEndsAt,
        startMs,
        progress: log,
      }),
    ]);
    const loadMs = Date.now() - loadStartedAt;

    log('waiting for everything to settle');
    const settled = await settle(system, running, {
      timeoutMs: options.settleTimeoutMs,
      progress: log,
    });
    const figures = await collectFigures(system, running);
    const run = {
      apis: options.apis,
      workers: options.workers,
      shoppers: options.shoppers,
      orders: options.orders,
      rate: options.rate,
      seed: options.seed,
      kills,
      killsWanted: options.kills,
      load,
      settled,
      timing: {
        setupMs,
        loadMs,
        settleMs: settled.durationMs,
        totalMs: Date.now() - started,
      },
    };
    const checks = invariants(figures, run);
    return {
      ok: checks.every((check) => check.ok),
      report: formatReport(figures, run, checks),
      invariants: checks,
    };
  } finally {
    await close();
  }
}
