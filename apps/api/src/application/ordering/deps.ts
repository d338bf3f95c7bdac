import type { ProductRepository } from '@shop/domain/catalog/product-repository';
import type { StockRepository } from '@shop/domain/inventory/stock-repository';
import type { OrderRepository } from '@shop/domain/ordering/order-repository';
import type { PaymentRepository } from '@shop/domain/payment/payment-repository';
import type { Clock } from '@shop/domain/shared/clock';
import type { UnitOfWork } from '@shop/domain/shared/unit-of-work';
import type { EventDispatcher } from '../events';
import type { Log } from '../log';

/** What ordering's use cases work through; the composition root hands in the adapters. */
export interface OrderingDeps {
  orders: OrderRepository;
  stock: StockRepository;
  /** The catalog's prices and names, to price a checkout's lines (rule 2). */
  products: ProductRepository;
  payments: PaymentRepository;
  unitOfWork: UnitOfWork;
  clock: Clock;
  events: EventDispatcher;
  log: Log;
}

/** What the composition root hands in for ordering; the request adds its log. */
export type OrderingPorts = Omit<OrderingDeps, 'log'>;
