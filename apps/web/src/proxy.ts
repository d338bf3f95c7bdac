/**
 * Runs before every page request. A per-request CSP nonce: Next reads it from the request's CSP
 * header and stamps its inline scripts; the response carries the same policy. And HSTS, decided
 * here from the running server's environment rather than frozen into the build by next.config.ts.
 *
 * `/api/trpc/*` does not pass through here: the Route Handler in `app/api/trpc/[...procedures]`
 * forwards it to the API with fetch (see `lib/api-forward.ts`), so no response names the API's address.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { env } from './env';
import { contentSecurityPolicy, createNonce } from './lib/csp';
import { strictTransportSecurity } from './lib/hsts';

export function proxy(request: NextRequest) {
  const settings = env();
  const { NODE_ENV } = settings;
  const nonce = createNonce();
  const csp = contentSecurityPolicy(nonce, NODE_ENV === 'development');
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  const hsts = strictTransportSecurity(settings);
  if (hsts) response.headers.set('Strict-Transport-Security', hsts);
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
