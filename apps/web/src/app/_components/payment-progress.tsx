'use client';

import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { OrderStatus } from '@shop/contract/orders';
import { useTRPC } from '~/trpc/client';
import { paymentProgressMessage, paymentWatchMs, pollEveryMs } from '~/lib/payment-progress';

/**
 * The order page's word on a payment still in progress: a polite live region that says the payment
 * is being processed, asks for the order every second, and — when it settles — says how, and
 * refreshes the page so its status, history and actions follow. Rendered on every order page so
 * the region exists before its message changes (screen readers announce changes, not arrivals).
 */
export function PaymentProgress({
  orderId,
  status,
  createdAt,
}: {
  orderId: string;
  status: OrderStatus;
  createdAt: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [openedPending] = useState(status === 'PENDING_PAYMENT');
  const [gaveUp, setGaveUp] = useState(false);
  const pending = status === 'PENDING_PAYMENT';

  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(
      () => setGaveUp(true),
      Math.max(0, Date.parse(createdAt) + paymentWatchMs - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [pending, createdAt]);

  const { data } = useQuery(
    trpc.orders.get.queryOptions(
      { id: orderId },
      {
        enabled: pending && !gaveUp,
        staleTime: 0,
        refetchInterval: (query) =>
          query.state.data && query.state.data.status !== 'PENDING_PAYMENT' ? false : pollEveryMs,
      },
    ),
  );
  const latest = data?.status;

  useEffect(() => {
    if (pending && latest && latest !== 'PENDING_PAYMENT') router.refresh();
  }, [pending, latest, router]);

  const message = paymentProgressMessage(openedPending, status, gaveUp);
  return (
    <div
      role="status"
      aria-live="polite"
      className={message ? `payment-progress${pending ? ' is-pending' : ''}` : 'visually-hidden'}
    >
      {pending && !gaveUp && <span className="spinner" aria-hidden="true" />}
      {message}
    </div>
  );
}
