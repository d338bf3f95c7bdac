'use client';

import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '~/trpc/client';
import { errorMessage } from '~/lib/trpc-error';
import { useToast } from './toast';
import { useHydrated } from './use-hydrated';

/**
 * Opens the worker's queue board (Bull Board) in a new tab, through a one-minute link the API
 * signs for this admin (`admin.opsLink`). The tab is opened on the click itself and pointed at the
 * link once it arrives: a tab opened after waiting for the API would be blocked as a pop-up.
 */
export function QueuesLink() {
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const toast = useToast();
  const opsLink = useMutation(trpc.admin.opsLink.mutationOptions());

  const open = () => {
    const tab = window.open('', '_blank');
    if (tab) tab.opener = null;
    opsLink.mutate(undefined, {
      onSuccess: ({ url }) => {
        if (tab) tab.location.href = url;
        else window.open(url, '_blank', 'noopener');
      },
      onError: (error) => {
        tab?.close();
        toast(errorMessage(error), 'error');
      },
    });
  };

  return (
    <button
      type="button"
      className="button"
      disabled={!hydrated || opsLink.isPending}
      onClick={open}
    >
      Queues<span className="visually-hidden"> (opens in a new tab)</span>
    </button>
  );
}
