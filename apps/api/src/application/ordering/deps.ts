import type { ProductRepository } from '@shop/domain/catalog/product-repository';
import type { StockRepository } from '@shop/domain/inventory/stock-repository';
import type { SagaState } from '@shop/domain/ordering/checkout-saga';
import type { CheckoutSagaRepository } from '@shop/domain/ordering/checkout-saga-repository';
import type { OrderQueries } from '@shop/domain/ordering/order-queries';
import type { OrderRepository } from '@shop/domain/ordering/order-repository';
import type { PaymentRepository } from '@shop/domain/payment/payment-repository';
import type { CartRepository } from '@shop/domain/shopping/cart-repository';
import type { Clock } from '@shop/domain/shared/clock';
import type { UnitOfWork } from '@shop/domain/shared/unit-of-work';
import type { Inbox } from '../inbox';
import type { Log } from '../log';
import type { Deliveries, EventJournal } from './event-journal';

/** The card as the shopper typed it: it goes to the card processor and nowhere else. */
export interface CardDetails {
  cardNumber: string;
  expiry: string;
  cvc: string;
}

/**
 * The card processor's vault (stage 4): the card becomes a payment method id, which the payment
 * service charges. Refuses a card the processor will not take (a DomainError the shopper sees);
 * an outage is any other error.
 */
export interface PaymentMethods {
  register(card: CardDetails): Promise<{ id: string; last4: string }>;
}

/** Hears when a checkout saga comes to rest (any API process may move it). */
export interface SettlementWaiter {
  waitUntilAtRest(orderId: string, ms: number): Promise<SagaState | null>;
}

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
  /** Payment's answers as ordering learned them from the payment service's events. */
  payments: PaymentRepository;
  sagas: CheckoutSagaRepository;
  paymentMethods: PaymentMethods;
  settlements: SettlementWaiter;
  inbox: Inbox;
  /** The order's events as the API recorded and received them (the event journey). */
  journal: EventJournal;
  /** Each event's job in each consumer's queue (the event journey). */
  deliveries: Deliveries;
  unitOfWork: UnitOfWork;
  clock: Clock;
  log: Log;
}

/** What the composition root hands in for ordering; the request adds its log. */
export type OrderingPorts = Omit<OrderingDeps, 'log'>;
