import type { Metadata } from 'next';
import Link from 'next/link';
import { formatMoney } from '@shop/contract/money';
import { orderStatuses, type OrderStatus } from '@shop/contract/orders';
import { api, requireUser } from '~/trpc/server';
import { formatDateTime, orderNumber, orderStatusLabel } from '~/lib/order-status';
import { OrderStatusBadge } from '~/app/_components/order-status-badge';
import { AutoSubmitSelect } from '~/app/_components/auto-submit-select';
import { AdminOrderActions } from '~/app/_components/admin-order-actions';

export const metadata: Metadata = { title: 'Back office: orders' };

type Props = { searchParams: Promise<{ status?: string | string[] }> };

const isStatus = (value: unknown): value is OrderStatus => orderStatuses.includes(value as OrderStatus);

export default async function AdminOrdersPage({ searchParams }: Props) {
  const me = await requireUser('/admin/orders');
  if (me.role !== 'ADMIN') {
    return (
      <>
        <h1>Access denied</h1>
        <p role="alert" className="form-error">
          Forbidden: the back office is for shop administrators only. You are logged in as {me.email}.
        </p>
        <p>
          <Link href="/">Back to the shop</Link>
        </p>
      </>
    );
  }
  const { status: rawStatus } = await searchParams;
  const status = isStatus(rawStatus) ? rawStatus : undefined;
  const orders = await (await api()).admin.orders.list.query(status ? { status } : {});

  return (
    <>
      <h1>Back office: orders</h1>
      <form method="get" action="/admin/orders" className="catalog-filters">
        <div className="field">
          <label htmlFor="status">Status</label>
          <AutoSubmitSelect id="status" name="status" defaultValue={status ?? ''}>
            <option value="">All statuses</option>
            {orderStatuses.map((s) => (
              <option key={s} value={s}>
                {orderStatusLabel(s)}
              </option>
            ))}
          </AutoSubmitSelect>
        </div>
        <button type="submit" className="button">
          Filter
        </button>
      </form>
      {orders.length === 0 ? (
        <p className="empty">No orders{status ? ` with status ${orderStatusLabel(status)}` : ''}.</p>
      ) : (
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
                  <th scope="row">Order {orderNumber(order.id)}</th>
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
                    <AdminOrderActions orderId={order.id} status={order.status} />
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
