import { domainEvent, type DomainEvent } from '../shared/events';
import type { OrderStatus, StatusChangeReason } from './order-status';

interface MoneyFact {
  amount: number;
  currency: string;
}

export type OrderPlaced = DomainEvent<
  'OrderPlaced',
  {
    orderId: string;
    userId: string;
    total: MoneyFact;
    /** Unit prices in minor units of the order's currency. */
    lines: { productId: string; quantity: number; unitPrice: number }[];
    paymentMethodId: string | null;
  }
>;
export type OrderPaid = DomainEvent<
  'OrderPaid',
  { orderId: string; userId: string; amount: MoneyFact; cardLast4: string }
>;
export type OrderCancelled = DomainEvent<
  'OrderCancelled',
  {
    orderId: string;
    userId: string;
    from: OrderStatus;
    reason: StatusChangeReason | null;
    /** The cancellation is the card's decline: payment already knows, nobody else needs telling. */
    declined: boolean;
    refundDue: boolean;
    lines: { productId: string; quantity: number }[];
  }
>;
export type OrderShipped = DomainEvent<'OrderShipped', { orderId: string; userId: string }>;
export type OrderDelivered = DomainEvent<'OrderDelivered', { orderId: string; userId: string }>;
export type ReservationExpired = DomainEvent<
  'ReservationExpired',
  { orderId: string; userId: string; lines: { productId: string; quantity: number }[] }
>;

/** Everything the ordering context tells the rest of the shop. */
export type OrderEvent =
  OrderPlaced | OrderPaid | OrderCancelled | OrderShipped | OrderDelivered | ReservationExpired;

export const orderEvent = {
  placed: (data: OrderPlaced['data'], at: Date): OrderPlaced =>
    domainEvent('OrderPlaced', data, at),
  paid: (data: OrderPaid['data'], at: Date): OrderPaid => domainEvent('OrderPaid', data, at),
  cancelled: (data: OrderCancelled['data'], at: Date): OrderCancelled =>
    domainEvent('OrderCancelled', data, at),
  shipped: (data: OrderShipped['data'], at: Date): OrderShipped =>
    domainEvent('OrderShipped', data, at),
  delivered: (data: OrderDelivered['data'], at: Date): OrderDelivered =>
    domainEvent('OrderDelivered', data, at),
  reservationExpired: (data: ReservationExpired['data'], at: Date): ReservationExpired =>
    domainEvent('ReservationExpired', data, at),
};
