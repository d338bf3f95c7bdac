import type { ProductRepository } from '@shop/domain/catalog/product-repository';
import type { StockRepository } from '@shop/domain/inventory/stock-repository';
import type { OrderQueries } from '@shop/domain/ordering/order-queries';
import type { OrderRepository } from '@shop/domain/ordering/order-repository';
import type { PaymentRepository } from '@shop/domain/payment/payment-repository';
import type { CartRepository } from '@shop/domain/shopping/cart-repository';
import type { Clock } from '@shop/domain/shared/clock';
import type { UnitOfWork } from '@shop/domain/shared/unit-of-work';
import type { Log } from '../log';
import type { CheckoutSettings } from './checkout-settings';

/** What ordering's use cases work through; the composition root hands in the adapters. */
export interface OrderingDeps {
  orders: OrderRepository;
  /** The read side: what lists and answers show. */
  orderQueries: OrderQueries;
  /** The shopper's cart: checkout reads its lines and a paid order empties it. */
  carts: CartRepository;
  stock: StockRepository;
  /** The catalog's prices and names, to price a checkout's lines (rule 2). */
  products: ProductRepository;
  payments: PaymentRepository;
  unitOfWork: UnitOfWork;
  clock: Clock;
  log: Log;
}

/** What the composition root hands in for ordering; the request adds its log. */
export type OrderingPorts = Omit<OrderingDeps, 'log'> & {
  /** The card processor checkout charges unless a request's settings name another. */
  charge: CheckoutSettings['charge'];
};
