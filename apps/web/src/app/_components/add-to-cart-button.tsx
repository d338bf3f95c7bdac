'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTRPC } from '~/trpc/client';
import { errorMessage } from '~/lib/trpc-error';
import { useToast } from './toast';
import { useHydrated } from './use-hydrated';

interface Props {
  productId: string;
  productName: string;
  soldOut: boolean;
}

export function AddToCartButton({ productId, productName, soldOut }: Props) {
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const router = useRouter();
  const toast = useToast();
  const add = useMutation(
    trpc.cart.add.mutationOptions({
      onSuccess: (cart) => {
        toast(
          `Added ${productName} to your cart. Cart: ${cart.itemCount} ${cart.itemCount === 1 ? 'item' : 'items'}.`,
        );
        router.refresh();
      },
      onError: (error) => toast(errorMessage(error), 'error'),
    }),
  );

  return (
    <div className="add-to-cart">
      <button
        type="button"
        className="button button-primary"
        disabled={!hydrated || soldOut || add.isPending}
        aria-describedby={soldOut ? 'sold-out-note' : undefined}
        onClick={() => add.mutate({ productId, quantity: 1 })}
      >
        {add.isPending ? 'Adding…' : 'Add to cart'}
      </button>
      {soldOut && (
        <p id="sold-out-note" className="note">
          This product is sold out, so it can&apos;t be added to your cart.
        </p>
      )}
      {add.isError && (
        <p className="field-error" role="alert">
          {errorMessage(add.error)}
        </p>
      )}
    </div>
  );
}
