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
  quantity: number;
  /**
   * Highest quantity offered: the line's `maxQuantity` from the API, or the current quantity when
   * the stock has since fallen below it (so the select can still show what is in the cart).
   */
  max: number;
}

export function CartLineControls({ productId, productName, quantity, max }: Props) {
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const router = useRouter();
  const toast = useToast();
  const onError = (error: unknown) => toast(errorMessage(error), 'error');
  const update = useMutation(
    trpc.cart.update.mutationOptions({
      onSuccess: (cart) => {
        toast(`Updated ${productName}. Cart: ${cart.itemCount} items.`);
        router.refresh();
      },
      onError,
    }),
  );
  const remove = useMutation(
    trpc.cart.remove.mutationOptions({
      onSuccess: () => {
        toast(`Removed ${productName} from your cart.`);
        router.refresh();
      },
      onError,
    }),
  );
  const busy = !hydrated || update.isPending || remove.isPending;
  const selectId = `qty-${productId}`;

  return (
    <div className="cart-line-controls">
      <label htmlFor={selectId} className="visually-hidden">
        Quantity of {productName}
      </label>
      <select
        id={selectId}
        key={quantity}
        defaultValue={quantity}
        disabled={busy}
        onChange={(event) => update.mutate({ productId, quantity: Number(event.target.value) })}
      >
        {Array.from({ length: max }, (_, i) => i + 1).map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="link-button"
        disabled={busy}
        aria-label={`Remove ${productName}`}
        onClick={() => remove.mutate({ productId })}
      >
        Remove
      </button>
    </div>
  );
}
