import type { NextConfig } from 'next';

/**
 * Security headers that depend on neither the request nor the running server's environment live
 * here (they are fixed when `next build` runs); `src/proxy.ts` sets the Content-Security-Policy (a
 * fresh nonce per request) and Strict-Transport-Security (from `PUBLIC_ORIGIN` at run time).
 * `/api/trpc` is not a rewrite (`rewrites()` would freeze `API_URL` at build time, and an external
 * rewrite reveals the API's address in `x-middleware-rewrite`): the Route Handler
 * `src/app/api/trpc/[...procedures]` forwards it.
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
];

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  transpilePackages: ['@shop/contract'],
  // `npm run typecheck` runs tsc over the whole workspace; the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  headers: () => Promise.resolve([{ source: '/:path*', headers: securityHeaders }]),
  // `forbidden()` (403 with `forbidden.tsx`) for signed-in shoppers in the back office.
  experimental: { authInterrupts: true },
};

export default nextConfig;
