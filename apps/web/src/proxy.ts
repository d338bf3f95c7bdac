/**
 * Runs before every request. Two jobs:
 * 1. `/api/trpc/*` → `${API_URL}/trpc/*`, resolved per request so one build can talk to an API on any port.
 *    The external rewrite streams the API's response back unchanged (Set-Cookie included, so the session
 *    cookie stays first-party) and forwards the browser's headers (Origin, Sec-Fetch-Site) for its CSRF check.
 * 2. A per-request CSP nonce: Next reads it from the request's CSP header and stamps its inline scripts.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { env } from './env';
import { contentSecurityPolicy, createNonce } from './lib/csp';

const apiPrefix = '/api/trpc/';

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const { API_URL, NODE_ENV } = env();
  if (pathname.startsWith(apiPrefix)) {
    const procedures = pathname.slice(apiPrefix.length);
    // Procedure paths only ("cart.add", or a comma-separated batch): nothing else of the API is reachable.
    if (!/^[\w.,]+$/.test(procedures)) return new NextResponse(null, { status: 404 });
    return NextResponse.rewrite(new URL(`${API_URL}/trpc/${procedures}${search}`));
  }

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
      // Everything but build assets; product SVGs get the CSP too (an SVG opened directly can run script).
      source: '/((?!_next/static|_next/image|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
