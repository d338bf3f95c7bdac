import type { Metadata } from 'next';
import Link from 'next/link';
import { api, orNotFound, requireAdmin } from '~/trpc/server';
import { formatDateTime, orderNumber } from '~/lib/order-status';
import { AdminOrderActions } from '~/app/_components/admin-order-actions';
import { EventJourney } from '~/app/_components/event-journey';
import { OrderDetails } from '~/app/_components/order-details';
import { OrderStatusBadge } from '~/app/_components/order-status-badge';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Back office: order ${orderNumber((await params).id)}` };
}

/** One order in the back office: who ordered, its actions, its body, and its event journey. */
export default async function AdminOrderPage({ params }: Props) {
  const { id } = await params;
  await requireAdmin(`/admin/orders/${id}`);
  const client = await api();
  const [order, journey] = await orNotFound(
    Promise.all([client.admin.orders.get.query({ id }), client.admin.orders.journey.query({ id })]),
  );
  return (
    <>
      <p className="breadcrumbs">
        <Link href="/admin/orders">Back office: orders</Link>
      </p>
      <h1>Order {orderNumber(order.id)}</h1>
      <p className="order-meta">
        {order.customer.name} ({order.customer.email}) · Placed{' '}
        <time dateTime={order.createdAt}>{formatDateTime(order.createdAt)}</time> · Status:{' '}
        <OrderStatusBadge status={order.status} />
      </p>
      {order.allowedActions.length > 0 && (
        <AdminOrderActions orderId={order.id} actions={order.allowedActions} />
      )}
      <EventJourney initial={journey} />
      <OrderDetails order={order} />
    </>
  );
}
