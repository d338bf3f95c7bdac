/**
 * Server-side tRPC: Server Components call the API over HTTP at `API_URL`, forwarding the shopper's
 * cookies so the API sees the same session and guest cart as the browser. One client per request.
 */
import 'server-only';
import { cache } from 'react';
import { cookies } from 'next/headers';
import { createTRPCClient, httpLink } from '@trpc/client';
import type { AppRouter } from '@shop/api/root';
import { forbidden, notFound, redirect } from 'next/navigation';
import { env } from '~/env';
import { trpcErrorCode } from '~/lib/trpc-error';

export const api = cache(async () => {
  const cookieHeader = (await cookies()).toString();
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${env().API_URL}/trpc`,
        headers: () => (cookieHeader ? { cookie: cookieHeader } : {}),
        fetch: (url, init) => fetch(url, { ...init, cache: 'no-store' }),
      }),
    ],
  });
});

/** Per-request memo: the header and the page both ask who is signed in and what is in the cart. */
export const getMe = cache(async () => (await api()).auth.me.query());
export const getCart = cache(async () => (await api()).cart.get.query());

/** For pages behind a login: guests go to the login page and come back to `returnTo` afterwards. */
export async function requireUser(returnTo: string) {
  const me = await getMe();
  if (!me) redirect(`/login?next=${encodeURIComponent(returnTo)}`);
  return me;
}

/** For the back office: guests as in `requireUser`; signed-in non-admins get 403 (`forbidden.tsx`). */
export async function requireAdmin(returnTo: string) {
  const me = await requireUser(returnTo);
  if (me.role !== 'ADMIN') forbidden();
  return me;
}

/** Turns the API's NOT_FOUND into the 404 page; everything else reaches the nearest error boundary. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (trpcErrorCode(error) === 'NOT_FOUND' || trpcErrorCode(error) === 'BAD_REQUEST') notFound();
    throw error;
  }
}
