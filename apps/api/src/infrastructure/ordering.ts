/** Ordering's, inventory's and payment's adapters for the domain's ports, over one database: wired by the composition root. */
import type { Clock } from '@shop/domain/shared/clock';
import { now } from './clock';
import { createOrderRepository } from './db/order-aggregate.repository';
import { createProductRepository } from './db/product.repository';
import { createPaymentRepository } from './db/payment-ledger.repository';
import { createStockRepository } from './db/stock-item.repository';
import type { Db } from './db/transactions';
import { createUnitOfWork } from './db/unit-of-work';

export function createOrderingAdapters(db: Db) {
  const clock: Clock = { now };
  return {
    orders: createOrderRepository(db),
    stock: createStockRepository(db),
    products: createProductRepository(db),
    payments: createPaymentRepository(db),
    unitOfWork: createUnitOfWork(db),
    clock,
  };
}
