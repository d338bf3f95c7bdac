import type { Metadata } from 'next';
import Link from 'next/link';
import { api, orNotFound, requireUser } from '~/trpc/server';
import { formatDateTime, orderNumber } from '~/lib/order-status';
import { OrderDetails } from '~/app/_components/order-details';
import { OrderStatusBadge } from '~/app/_components/order-status-badge';
import { CancelOrderButton } from '~/app/_components/cancel-order-button';
import { PaymentProgress } from '~/app/_components/payment-progress';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Order ${orderNumber((await params).id)}` };
}

export default async function OrderPage({ params }: Props) {
  const { id } = await params;
  await requireUser(`/orders/${id}`);
  const order = await orNotFound((await api()).orders.get.query({ id }));
  return (
    <>
      <p className="breadcrumbs">
        <Link href="/orders">Your orders</Link>
      </p>
      <h1>Order {orderNumber(order.id)}</h1>
      <p className="order-meta">
        Placed <time dateTime={order.createdAt}>{formatDateTime(order.createdAt)}</time> · Status:{' '}
        <OrderStatusBadge status={order.status} />
      </p>
      <PaymentProgress orderId={order.id} status={order.status} createdAt={order.createdAt} />
      {order.allowedActions.includes('cancel') && <CancelOrderButton orderId={order.id} />}
      <OrderDetails order={order} />
    </>
  );
}
