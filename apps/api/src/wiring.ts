/**
 * The one wiring: every context's ports over one database, built by `main.ts` once per process
 * and by `testing.ts` per test database, so what the suite runs is what production runs. The
 * process-wide parts (the settlement listener, the card processor's client) are made once by
 * `createRuntime`; `createPorts` hands them to each context, and `eventHandlers` gives the API's
 * consumers their use cases.
 */
import type { AppPorts } from './application/ports';
import { EventDispatcher } from './application/events';
import type { Log } from './application/log';
import { logCheckoutEvents } from './application/ordering/event-log';
import { integrationEvents } from './application/ordering/integration-events';
import {
  orderingConsumer,
  paymentAnswerHandlers,
  type SettleSeams,
} from './application/ordering/payment-answers';
import {
  reservationTimeoutHandlers,
  timeoutConsumer,
} from './application/ordering/reservation-timeout';
import type { PaymentMethods } from './application/ordering/deps';
import type { OpsLinks } from './application/operations/deps';
import { now } from './infrastructure/clock';
import { createAccountRepository } from './infrastructure/db/account.repository';
import { createCartRepository } from './infrastructure/db/cart.repository';
import { createCheckoutSagaRepository } from './infrastructure/db/checkout-saga.repository';
import { createEventJournal } from './infrastructure/db/event-journal';
import { createInbox } from './infrastructure/db/inbox.repository';
import { createOrderFacts } from './infrastructure/db/order-facts';
import { createOrderRepository } from './infrastructure/db/order.repository';
import { createOrderQueries } from './infrastructure/db/order-queries';
import { writeOutbox } from './infrastructure/db/outbox';
import { createPaymentRepository } from './infrastructure/db/payment.repository';
import { createProductRepository } from './infrastructure/db/product.repository';
import { createAttemptCounter } from './infrastructure/db/rate-limit.repository';
import { createSessionRepository } from './infrastructure/db/session.repository';
import {
  createSettlementWaiter,
  type SettlementWaiter,
} from './infrastructure/db/settlement-waiter';
import { createStockRepository } from './infrastructure/db/stock-item.repository';
import type { Db, Tx } from './infrastructure/db/transactions';
import { createUnitOfWork } from './infrastructure/db/unit-of-work';
import { currentMessageContext, withMessageContext } from './application/message-context';
import { childTraceparent } from '@shop/event-bus/trace';
import type { Envelope } from '@shop/events/envelope';
import { createDeliveries, type DeliveriesAdapter } from './infrastructure/events/deliveries';
import { createPaymentMethods } from './infrastructure/payment/card-processor';
import { createOpsLinks } from './infrastructure/security/ops-ticket';
import { argon2Hasher, argon2HasherFor } from './infrastructure/security/passwords';
import { hashToken, newToken, randomSessionTokens } from './infrastructure/security/tokens';

export interface RuntimeOptions {
  databaseUrl: string;
  cardProcessor: { url: string; publishableKey: string };
  /** RESERVATION_MINUTES in milliseconds. */
  reservationMs: number;
  /** OPS_TICKET_SECRET and WORKER_PUBLIC_URL: the back office's links to the queue board. */
  ops: { ticketSecret: string; workerPublicUrl: string };
  /** The broker and this process's queue prefix, which the event journey reads. */
  queues: { redisUrl: string; prefix: string };
}

/** What one process shares across requests: made once, closed at shutdown. */
export interface Runtime {
  settlements: SettlementWaiter;
  paymentMethods: PaymentMethods;
  reservationMs: number;
  opsLinks: OpsLinks;
  deliveries: DeliveriesAdapter;
}

export function createRuntime(db: Db, options: RuntimeOptions): Runtime {
  return {
    settlements: createSettlementWaiter(options.databaseUrl, createCheckoutSagaRepository(db)),
    paymentMethods: createPaymentMethods(options.cardProcessor),
    reservationMs: options.reservationMs,
    opsLinks: createOpsLinks({
      secret: options.ops.ticketSecret,
      workerPublicUrl: options.ops.workerPublicUrl,
    }),
    deliveries: createDeliveries(options.queues),
  };
}

/** The adapters for every port over `db`; `log` receives the domain events' log lines. */
export function createPorts(db: Db, log: Log, runtime: Runtime): AppPorts {
  const clock = { now };
  const events = logCheckoutEvents(new EventDispatcher(log), log);
  const toIntegrationEvents = integrationEvents({
    orderFacts: createOrderFacts(db),
    reservationMs: runtime.reservationMs,
    context: currentMessageContext,
  });
  const unitOfWork = createUnitOfWork(db, events, async (tx, domainEvents) =>
    writeOutbox(tx as unknown as Tx, await toIntegrationEvents(tx, domainEvents)),
  );
  const products = createProductRepository(db);
  const carts = createCartRepository(db);
  const attempts = createAttemptCounter(db);
  return {
    catalog: { products },
    identity: {
      accounts: createAccountRepository(db),
      sessions: createSessionRepository(db),
      attempts,
      hasher: argon2Hasher,
      hasherFor: argon2HasherFor,
      tokens: randomSessionTokens,
      unitOfWork,
      clock,
    },
    ordering: {
      orders: createOrderRepository(db),
      orderQueries: createOrderQueries(db),
      carts,
      stock: createStockRepository(db),
      products,
      payments: createPaymentRepository(db),
      sagas: createCheckoutSagaRepository(db),
      paymentMethods: runtime.paymentMethods,
      settlements: runtime.settlements,
      inbox: createInbox(db),
      journal: createEventJournal(db),
      deliveries: runtime.deliveries,
      unitOfWork,
      clock,
    },
    shopping: {
      carts,
      products,
      guestTokens: { issue: newToken, hash: hashToken },
      attempts,
      unitOfWork,
      clock,
    },
    operations: { opsLinks: runtime.opsLinks, clock },
  };
}

type Handler = (envelope: Envelope, delivery: { attempt: number }) => Promise<string>;

/**
 * Runs each handler in the message context of the event it handles: the same trace continues,
 * and the event is the cause of whatever the handler writes to the outbox.
 */
function inContext(handlers: Record<string, Handler>): Record<string, Handler> {
  return Object.fromEntries(
    Object.entries(handlers).map(([name, handler]) => [
      name,
      (envelope: Envelope, delivery: { attempt: number }) =>
        withMessageContext(
          { traceparent: childTraceparent(envelope.traceparent), causationId: envelope.id },
          () => handler(envelope, delivery),
        ),
    ]),
  );
}

/** The API's consumers and the use cases that handle each event they receive. */
export function eventHandlers(ports: AppPorts, log: Log, runtime: Runtime, seams?: SettleSeams) {
  const ordering = { ...ports.ordering, log };
  return {
    [orderingConsumer]: inContext(paymentAnswerHandlers({ ordering, seams })),
    [timeoutConsumer]: inContext(reservationTimeoutHandlers(ordering, runtime.reservationMs)),
  };
}
