/**
 * Runs before page requests, and before any request whose path holds a percent escape:
 *
 * - a path whose escapes do not decode gets a plain 400 here (Next.js would answer a bare 500);
 * - pages get a per-request CSP nonce (Next reads it from the request's CSP header and stamps its
 *   inline scripts; the response carries the same policy) and HSTS, decided from the running
 *   server's environment rather than frozen into the build by next.config.ts.
 *
 * Other `/api/trpc/*` requests do not pass through here: the Route Handler in
 * `app/api/trpc/[...procedures]` forwards them to the API with fetch (see `lib/api-forward.ts`), so
 * no response names the API's address.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { env } from './env';
import { contentSecurityPolicy, createNonce } from './lib/csp';
import { isDecodablePath } from './lib/decodable-path';
import { strictTransportSecurity } from './lib/hsts';

export const badPathMessage = 'Bad request: this address is not valid.';

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (!isDecodablePath(pathname)) {
    return new NextResponse(badPathMessage, {
      status: 400,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    });
  }
  // A decodable escape in a procedure path: the forwarder answers it (404), no page headers needed.
  if (pathname.startsWith('/api/trpc/')) return NextResponse.next();

  const settings = env();
  const nonce = createNonce();
  const csp = contentSecurityPolicy(nonce, settings.NODE_ENV === 'development');
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
      // Pages: everything but build assets and the tRPC forwarder (JSON, no scripts); product SVGs
      // get the CSP too (an SVG opened directly can run script).
      source: '/((?!_next/static|_next/image|favicon.ico|api/trpc/).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
    // Any path with a percent escape, prefetches and /api/trpc included, for the decoding check.
    { source: '/:path(.*%.*)' },
  ],
};
