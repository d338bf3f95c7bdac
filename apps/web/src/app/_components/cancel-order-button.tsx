'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTRPC } from '~/trpc/client';
import { errorMessage } from '~/lib/trpc-error';
import { useToast } from './toast';
import { useHydrated } from './use-hydrated';

export function CancelOrderButton({ orderId }: { orderId: string }) {
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const router = useRouter();
  const toast = useToast();
  const cancel = useMutation(
    trpc.orders.cancel.mutationOptions({
      onSuccess: () => {
        toast('Your order is cancelled. Any payment is refunded.');
        router.refresh();
      },
      onError: (error) => {
        toast(errorMessage(error), 'error');
        router.refresh();
      },
    }),
  );
  return (
    <button
      type="button"
      className="button button-danger"
      disabled={!hydrated || cancel.isPending}
      onClick={() => cancel.mutate({ id: orderId })}
    >
      {cancel.isPending ? 'Cancelling…' : 'Cancel order'}
    </button>
  );
}
