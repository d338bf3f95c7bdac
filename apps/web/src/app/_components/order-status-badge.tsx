import type { OrderStatus } from '@shop/contract/orders';
import { orderStatusLabel } from '~/lib/order-status';

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return (
    <span className={`status-badge status-${status.toLowerCase()}`}>
      {orderStatusLabel(status)}
    </span>
  );
}
