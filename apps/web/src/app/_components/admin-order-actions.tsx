'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import type { OrderStatus } from '@shop/contract/orders';
import { useTRPC } from '~/trpc/client';
import { errorMessage } from '~/lib/trpc-error';
import { orderNumber } from '~/lib/order-status';
import { useToast } from './toast';
import { useHydrated } from './use-hydrated';

export function AdminOrderActions({ orderId, status }: { orderId: string; status: OrderStatus }) {
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const router = useRouter();
  const toast = useToast();
  const options = (done: string) => ({
    onSuccess: () => {
      toast(`Order ${orderNumber(orderId)} ${done}.`);
      router.refresh();
    },
    onError: (error: unknown) => {
      toast(errorMessage(error), 'error');
      router.refresh();
    },
  });
  const ship = useMutation(trpc.admin.orders.ship.mutationOptions(options('marked shipped')));
  const deliver = useMutation(
    trpc.admin.orders.deliver.mutationOptions(options('marked delivered')),
  );
  const busy = !hydrated || ship.isPending || deliver.isPending;

  if (status === 'PAID') {
    return (
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={() => ship.mutate({ id: orderId })}
      >
        Mark shipped
      </button>
    );
  }
  if (status === 'SHIPPED') {
    return (
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={() => deliver.mutate({ id: orderId })}
      >
        Mark delivered
      </button>
    );
  }
  return <span className="muted">—</span>;
}
