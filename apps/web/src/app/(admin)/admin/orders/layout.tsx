import type { ReactNode } from 'react';
import { requireAdmin } from '~/trpc/server';

/**
 * Checked here, above the loading boundary, so guests get a real 307 to the login page and signed-in
 * shoppers a real 403 (`../forbidden.tsx`) rather than a streamed 200.
 */
export default async function Layout({ children }: { children: ReactNode }) {
  await requireAdmin('/admin/orders');
  return children;
}
