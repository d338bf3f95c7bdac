import type { Metadata } from 'next';
import { orderStatuses, type OrderStatus } from '@shop/contract/orders';
import { api, requireAdmin } from '~/trpc/server';
import { orderStatusLabel } from '~/lib/order-status';
import { AutoSubmitSelect } from '~/app/_components/auto-submit-select';
import { AdminOrdersTable } from '~/app/_components/admin-orders-table';
import { QueuesLink } from '~/app/_components/queues-link';

export const metadata: Metadata = { title: 'Back office: orders' };

type Props = { searchParams: Promise<{ status?: string | string[] }> };

const isStatus = (value: unknown): value is OrderStatus =>
  orderStatuses.includes(value as OrderStatus);

export default async function AdminOrdersPage({ searchParams }: Props) {
  await requireAdmin('/admin/orders');
  const { status: rawStatus } = await searchParams;
  const status = isStatus(rawStatus) ? rawStatus : undefined;
  const orders = await (await api()).admin.orders.list.query(status ? { status } : {});

  return (
    <>
      <div className="page-heading">
        <h1>Back office: orders</h1>
        <QueuesLink />
      </div>
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
        <p className="empty">
          No orders{status ? ` with status ${orderStatusLabel(status)}` : ''}.
        </p>
      ) : (
        <AdminOrdersTable orders={orders} />
      )}
    </>
  );
}
