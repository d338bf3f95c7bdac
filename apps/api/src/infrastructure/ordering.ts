/** Ordering's, inventory's and payment's adapters for the domain's ports, over one database: wired by the composition root. */
import type { Clock } from '@shop/domain/shared/clock';
import { now } from './clock';
import { createCartRepository } from './db/cart.repository';
import { createOrderRepository } from './db/order-aggregate.repository';
import { createOrderQueries } from './db/order.repository';
import { createProductRepository } from './db/product.repository';
import { createPaymentRepository } from './db/payment-ledger.repository';
import { createStockRepository } from './db/stock-item.repository';
import type { Db } from './db/transactions';
import { createUnitOfWork, type EventSink } from './db/unit-of-work';
import { simulateCharge } from './payment/card-gateway';

export function createOrderingAdapters(db: Db, events: EventSink) {
  const clock: Clock = { now };
  return {
    orders: createOrderRepository(db),
    orderQueries: createOrderQueries(db),
    carts: createCartRepository(db),
    stock: createStockRepository(db),
    products: createProductRepository(db),
    payments: createPaymentRepository(db),
    unitOfWork: createUnitOfWork(db, events),
    clock,
    /** The card processor: the simulator today. */
    charge: simulateCharge,
  };
}
