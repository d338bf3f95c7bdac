import type { Metadata } from 'next';
import Link from 'next/link';
import { formatMoney } from '@shop/contract/money';
import { api, requireUser } from '~/trpc/server';
import { formatDateTime, orderNumber } from '~/lib/order-status';
import { OrderStatusBadge } from '~/app/_components/order-status-badge';

export const metadata: Metadata = { title: 'Your orders' };

export default async function OrdersPage() {
  await requireUser('/orders');
  const orders = await (await api()).orders.list.query();
  return (
    <>
      <h1>Your orders</h1>
      {orders.length === 0 ? (
        <p className="empty">
          No orders yet. <Link href="/">Start shopping</Link>
        </p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Your orders, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Order</th>
                <th scope="col">Placed</th>
                <th scope="col">Items</th>
                <th scope="col">Total</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {orders.map((order) => (
                <tr key={order.id}>
                  <th scope="row">
                    <Link href={`/orders/${order.id}`}>Order {orderNumber(order.id)}</Link>
                  </th>
                  <td>
                    <time dateTime={order.createdAt}>{formatDateTime(order.createdAt)}</time>
                  </td>
                  <td>{order.lines.reduce((sum, line) => sum + line.quantity, 0)}</td>
                  <td className="price">{formatMoney(order.total)}</td>
                  <td>
                    <OrderStatusBadge status={order.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
