/**
 * The one wiring: every context's ports over one database, built once per process by `main.ts`
 * and per test database by `testing.ts`, so what the suite runs is what production runs. Each
 * adapter is made once and shared by the contexts that need it; the event handlers are registered
 * here too.
 */
import type { AppPorts } from './application/ports';
import { EventDispatcher } from './application/events';
import type { Log } from './application/log';
import { logCheckoutEvents } from './application/ordering/event-log';
import { now } from './infrastructure/clock';
import { createAccountRepository } from './infrastructure/db/account.repository';
import { createCartRepository } from './infrastructure/db/cart.repository';
import { createOrderRepository } from './infrastructure/db/order.repository';
import { createOrderQueries } from './infrastructure/db/order-queries';
import { createPaymentRepository } from './infrastructure/db/payment.repository';
import { createProductRepository } from './infrastructure/db/product.repository';
import { createAttemptCounter } from './infrastructure/db/rate-limit.repository';
import { createSessionRepository } from './infrastructure/db/session.repository';
import { createStockRepository } from './infrastructure/db/stock-item.repository';
import type { Db } from './infrastructure/db/transactions';
import { createUnitOfWork } from './infrastructure/db/unit-of-work';
import { simulateCharge } from './infrastructure/payment/card-gateway';
import { argon2Hasher, argon2HasherFor } from './infrastructure/security/passwords';
import { hashToken, newToken, randomSessionTokens } from './infrastructure/security/tokens';

/** The adapters for every port over `db`; `log` receives the domain events' log lines. */
export function createPorts(db: Db, log: Log): AppPorts {
  const clock = { now };
  const events = logCheckoutEvents(new EventDispatcher(log), log);
  const unitOfWork = createUnitOfWork(db, events);
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
      unitOfWork,
      clock,
      // The card processor: the simulator until payment becomes its own service.
      charge: simulateCharge,
    },
    shopping: {
      carts,
      products,
      guestTokens: { issue: newToken, hash: hashToken },
      attempts,
      unitOfWork,
      clock,
    },
  };
}
