/**
 * The chaos run's figures, read from where each fact lives: the outboxes (events recorded and
 * published), the inboxes (events each consumer handled), the queues (deliveries, and which were
 * handed out more than once), the effects in each service's tables (ledger entries, PAID
 * transitions, cancellations, e-mails) and the card processor's own record of what it charged.
 *
 * An event counts as lost when it was never published, or was published to a consumer that runs in
 * this build and that consumer has no inbox row for it after everything settled.
 */
import type { CardProcessor } from '@shop/card-processor/server';
import { consumersOf } from '@shop/events/catalogue';
import { consumerNames, consumers } from '@shop/events/consumers';
import type { InboxRow, OutboxRow } from '../event-log';
import { queueJobs } from '../queues';
import type { ShopSystem } from '../shop-system';

export interface ConsumerFigures {
  consumer: string;
  service: string;
  running: boolean;
  /** Published events this consumer subscribes to. */
  events: number;
  jobs: number;
  /** Inbox rows: events it handled (each once). */
  handled: number;
  /** Jobs started more than once: handed out again after a failure or a stall. */
  deliveredAgain: number;
  /** Jobs moved back to waiting because their worker died holding them. */
  stalled: number;
  /** Deliveries whose handler found the event in its inbox already and did nothing. */
  caughtByInbox: number;
  deadLetters: number;
  /** Jobs still waiting (when the consumer does not run in this build). */
  waiting: number;
  /** Published events to this (running) consumer without an inbox row. */
  notHandled: number;
  effect?: { what: string; max: number; eventsWithMore: number };
}

export interface Figures {
  events: { published: number; unpublished: number; byName: Record<string, number> };
  consumers: ConsumerFigures[];
  orders: { placed: number; paid: number; pending: number; cancelled: number };
  processor: {
    charges: number;
    chargeRequests: number;
    /** How many orders were charged n times, by n. */
    chargesPerOrder: Record<string, number>;
    /** Charges whose order the shop does not know. */
    strayCharges: number;
  };
  lost: number;
}

interface Effect {
  /** The event whose effect this is. */
  cause: string;
  what: string;
  byOrder: Map<string, number>;
}

const count = <T>(items: T[], key: (item: T) => string) => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
};

async function effects(system: ShopSystem): Promise<Partial<Record<string, Effect>>> {
  const transitions = await system.apiLog.query<{ orderId: string; status: string; n: number }>(
    `SELECT "orderId", status::text AS status, count(*)::int AS n FROM "OrderStatusChange" GROUP BY 1, 2`,
  );
  const byStatus = (status: string) =>
    new Map(transitions.filter((row) => row.status === status).map((row) => [row.orderId, row.n]));
  const ledger = await system.workerLog.query<{ orderId: string; n: number }>(
    `SELECT order_id AS "orderId", count(*)::int AS n FROM ledger_entries WHERE kind = 'charge' GROUP BY 1`,
  );
  const mail = await system.workerLog
    .query<{ orderId: string; n: number }>(
      `SELECT order_id AS "orderId", count(*)::int AS n FROM notifications GROUP BY 1`,
    )
    .catch(() => []);
  return {
    payment: {
      cause: 'ordering.OrderPlaced',
      what: 'charge entries in its ledger',
      byOrder: new Map(ledger.map((row) => [row.orderId, row.n])),
    },
    ordering: {
      cause: 'payment.PaymentCaptured',
      what: 'PAID transitions',
      byOrder: byStatus('PAID'),
    },
    'checkout-timeouts': {
      cause: 'ordering.OrderPlaced',
      what: 'cancellations',
      byOrder: byStatus('CANCELLED'),
    },
    notifications: {
      cause: 'ordering.OrderPaid',
      what: 'e-mails recorded',
      byOrder: new Map(mail.map((row) => [row.orderId, row.n])),
    },
  };
}

function effectFigures(effect: Effect | undefined, inbox: InboxRow[]) {
  if (!effect) return undefined;
  const caused = inbox.filter((row) => row.eventName === effect.cause);
  const perEvent = caused.map((row) => effect.byOrder.get(row.correlationId) ?? 0);
  return {
    what: effect.what,
    max: Math.max(0, ...perEvent),
    eventsWithMore: perEvent.filter((n) => n > 1).length,
  };
}

export async function collectFigures(
  system: ShopSystem,
  runningConsumers: readonly string[],
): Promise<Figures> {
  const outbox: OutboxRow[] = [
    ...(await system.apiLog.outbox()),
    ...(await system.workerLog.outbox()),
  ];
  const inbox: InboxRow[] = [...(await system.apiLog.inbox()), ...(await system.workerLog.inbox())];
  const handled = new Set(inbox.map((row) => `${row.consumer}/${row.eventId}`));
  const published = outbox.filter((row) => row.publishedAt !== null);
  const effectOf = await effects(system);

  const consumerFigures: ConsumerFigures[] = [];
  for (const consumer of consumerNames) {
    const running = runningConsumers.includes(consumer);
    const subscribed = published.filter((row) => consumersOf(row.name).includes(consumer));
    const jobs = await queueJobs(system.redisUrl, system.queuePrefix, consumer);
    const rows = inbox.filter((row) => row.consumer === consumer);
    consumerFigures.push({
      consumer,
      service: consumers[consumer].service,
      running,
      events: subscribed.length,
      jobs: jobs.length,
      handled: rows.length,
      deliveredAgain: jobs.filter((job) => job.attemptsStarted > 1).length,
      stalled: jobs.filter((job) => job.stalledCounter > 0).length,
      caughtByInbox: jobs.filter((job) => /^duplicate|already handled/i.test(job.outcome ?? ''))
        .length,
      deadLetters: jobs.filter((job) => job.state === 'failed').length,
      waiting: jobs.filter((job) => job.state !== 'completed' && job.state !== 'failed').length,
      notHandled: running
        ? subscribed.filter((row) => !handled.has(`${consumer}/${row.id}`)).length
        : 0,
      effect: effectFigures(effectOf[consumer], rows),
    });
  }

  const orders = await system.apiLog.query<{ id: string; status: string }>(
    'SELECT id, status::text AS status FROM "Order"',
  );
  const charges = chargesByOrder(system.processor);
  const chargesPerOrder: Record<string, number> = {};
  for (const order of orders) {
    const n = String(charges.get(order.id) ?? 0);
    chargesPerOrder[n] = (chargesPerOrder[n] ?? 0) + 1;
  }
  const known = new Set(orders.map((order) => order.id));
  const statuses = count(orders, (order) => order.status);
  const unpublished = outbox.length - published.length;
  return {
    events: {
      published: published.length,
      unpublished,
      byName: Object.fromEntries(count(published, (row) => row.name)),
    },
    consumers: consumerFigures,
    orders: {
      placed: orders.length,
      paid: statuses.get('PAID') ?? 0,
      pending: statuses.get('PENDING_PAYMENT') ?? 0,
      cancelled: statuses.get('CANCELLED') ?? 0,
    },
    processor: {
      charges: system.processor.charges().length,
      chargeRequests: system.chargeRequests(),
      chargesPerOrder,
      strayCharges: [...charges.keys()].filter((orderId) => !known.has(orderId)).length,
    },
    lost: unpublished + consumerFigures.reduce((sum, figures) => sum + figures.notHandled, 0),
  };
}

function chargesByOrder(processor: CardProcessor): Map<string, number> {
  return count(processor.charges(), (charge) => charge.metadata.orderId ?? '(no order id)');
}
