import type { OrderStatus } from '@shop/db/client';
import { ShopError } from './errors';

const allowed: Record<OrderStatus, readonly OrderStatus[]> = {
  PENDING_PAYMENT: ['PAID', 'CANCELLED'],
  PAID: ['SHIPPED', 'CANCELLED'],
  SHIPPED: ['DELIVERED'],
  DELIVERED: [],
  CANCELLED: [],
};

const label: Record<OrderStatus, string> = {
  PENDING_PAYMENT: 'awaiting payment',
  PAID: 'paid',
  SHIPPED: 'shipped',
  DELIVERED: 'delivered',
  CANCELLED: 'cancelled',
};

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return allowed[from].includes(to);
}

export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (!canTransition(from, to)) {
    throw new ShopError(
      'CONFLICT',
      `An order that is ${label[from]} cannot be marked ${label[to]}`,
    );
  }
}
