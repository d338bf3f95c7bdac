'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useTRPC } from '~/trpc/client';
import { useToast } from './toast';
import { errorMessage } from '~/lib/trpc-error';
import { useHydrated } from './use-hydrated';

export function LogOutButton() {
  const trpc = useTRPC();
  const hydrated = useHydrated();
  const router = useRouter();
  const toast = useToast();
  const logOut = useMutation(
    trpc.auth.logOut.mutationOptions({
      onSuccess: () => {
        toast('You are logged out.');
        router.push('/');
        router.refresh();
      },
      onError: (error) => toast(errorMessage(error), 'error'),
    }),
  );
  return (
    <button
      type="button"
      className="link-button"
      onClick={() => logOut.mutate()}
      disabled={!hydrated || logOut.isPending}
    >
      Log out
    </button>
  );
}
