'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTRPC } from '~/trpc/client';
import { errorMessage } from '~/lib/trpc-error';
import { orderNumber } from '~/lib/order-status';
import type { AdminOrder } from '~/trpc/types';
import { useToast } from './toast';
import { useHydrated } from './use-hydrated';

/** One button per action the API allows on the order (`allowedActions`), or a dash when none. */
export function AdminOrderActions({
  orderId,
  actions,
}: {
  orderId: string;
  actions: AdminOrder['allowedActions'];
}) {
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

  if (actions.length === 0) return <span className="muted">—</span>;
  return (
    <>
      {actions.includes('ship') && (
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => ship.mutate({ id: orderId })}
        >
          Mark shipped
        </button>
      )}
      {actions.includes('deliver') && (
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => deliver.mutate({ id: orderId })}
        >
          Mark delivered
        </button>
      )}
    </>
  );
}
