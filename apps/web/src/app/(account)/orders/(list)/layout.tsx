import type { ReactNode } from 'react';
import { requireUser } from '~/trpc/server';

/** Guests are redirected here, above the loading boundary, so they get a real 307 rather than a streamed one. */
export default async function Layout({ children }: { children: ReactNode }) {
  await requireUser('/orders');
  return children;
}
