import type { NextConfig } from 'next';

/**
 * Security headers that do not depend on the request live here; the Content-Security-Policy needs a
 * fresh nonce per request, so `src/proxy.ts` sets it. `/api/trpc` is not a rewrite (`rewrites()`
 * would freeze `API_URL` at build time, and an external rewrite reveals the API's address in
 * `x-middleware-rewrite`): the Route Handler `src/app/api/trpc/[...procedures]` forwards it.
 */
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  ...hsts(),
];

/**
 * HSTS for a production build of a site served over https, decided from configuration: PUBLIC_ORIGIN
 * (the origin shoppers use, e.g. https://shop.example; the API reads the same variable for its
 * `__Host-` Secure cookies). Like every header here it is fixed when `next build` runs. Never on
 * http, so `npm start` and the end-to-end tests on http://localhost are not pinned to https.
 */
function hsts(): { key: string; value: string }[] {
  const production = process.env.NODE_ENV === 'production';
  const https = /^https:\/\//i.test(process.env.PUBLIC_ORIGIN ?? '');
  return production && https
    ? [{ key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' }]
    : [];
}

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  transpilePackages: ['@shop/contract'],
  // `npm run typecheck` runs tsc over the whole workspace; the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  headers: () => Promise.resolve([{ source: '/:path*', headers: securityHeaders }]),
};

export default nextConfig;
