/**
 * Runs before every page request. One job: a per-request CSP nonce. Next reads it from the request's
 * CSP header and stamps its inline scripts; the response carries the same policy.
 *
 * `/api/trpc/*` does not pass through here: the Route Handler in `app/api/trpc/[...procedures]`
 * forwards it to the API with fetch (see `lib/api-forward.ts`), so no response names the API's address.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { env } from './env';
import { contentSecurityPolicy, createNonce } from './lib/csp';

export function proxy(request: NextRequest) {
  const { NODE_ENV } = env();
  const nonce = createNonce();
  const csp = contentSecurityPolicy(nonce, NODE_ENV === 'development');
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  matcher: [
    {
      // Everything but build assets and the tRPC forwarder (JSON, no scripts); product SVGs get the
      // CSP too (an SVG opened directly can run script).
      source: '/((?!_next/static|_next/image|favicon.ico|api/trpc/).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
