import type { OrderStatus } from '@shop/contract/orders';

const labels: Record<OrderStatus, string> = {
  PENDING_PAYMENT: 'Pending payment',
  PAID: 'Paid',
  SHIPPED: 'Shipped',
  DELIVERED: 'Delivered',
  CANCELLED: 'Cancelled',
};

export function orderStatusLabel(status: OrderStatus): string {
  return labels[status];
}

/** Why the shop (not the shopper) ended an order, as the API reports it in the history. */
const reasons: Record<string, string> = {
  EXPIRED: 'reservation expired before payment',
  PAYMENT_FAILED: 'payment could not be completed; nothing was charged',
};

export function orderReasonLabel(reason: string | undefined): string | null {
  return reason ? (reasons[reason] ?? null) : null;
}

/** Short, human-quotable order reference shown in lists and headings. */
export function orderNumber(id: string): string {
  return id.slice(0, 8).toUpperCase();
}

const dateTime = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});

export function formatDateTime(iso: string): string {
  return `${dateTime.format(new Date(iso))} UTC`;
}
