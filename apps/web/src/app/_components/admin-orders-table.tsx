import Link from 'next/link';
import { formatMoney } from '@shop/contract/money';
import { formatDateTime, orderNumber } from '~/lib/order-status';
import type { AdminOrder } from '~/trpc/types';
import { AdminOrderActions } from './admin-order-actions';
import { OrderStatusBadge } from './order-status-badge';

/** Every order with its customer; each row offers the steps the API allows it next. */
export function AdminOrdersTable({ orders }: { orders: AdminOrder[] }) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">All orders, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Order</th>
            <th scope="col">Customer</th>
            <th scope="col">Placed</th>
            <th scope="col">Total</th>
            <th scope="col">Status</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <tr key={order.id} data-order-id={order.id}>
              <th scope="row">
                <Link href={`/admin/orders/${order.id}`}>Order {orderNumber(order.id)}</Link>
              </th>
              <td>
                {order.customer ? (
                  <>
                    {order.customer.name}
                    <br />
                    <span className="muted">{order.customer.email}</span>
                  </>
                ) : (
                  '—'
                )}
              </td>
              <td>
                <time dateTime={order.createdAt}>{formatDateTime(order.createdAt)}</time>
              </td>
              <td className="price">{formatMoney(order.total)}</td>
              <td>
                <OrderStatusBadge status={order.status} />
              </td>
              <td>
                <AdminOrderActions orderId={order.id} actions={order.allowedActions} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
