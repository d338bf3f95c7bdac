/**
 * HSTS for a production server of a site served over https, decided from the running server's
 * configuration (`PUBLIC_ORIGIN`, the origin shoppers use, e.g. https://shop.example; the API reads
 * the same variable for its `__Host-` Secure cookies), not from the build. Never on http, so
 * `npm start` and the end-to-end tests on http://localhost are not pinned to https.
 */
export const hstsValue = 'max-age=31536000; includeSubDomains';

export function strictTransportSecurity(env: {
  NODE_ENV: string;
  PUBLIC_ORIGIN?: string | undefined;
}): string | undefined {
  const https = /^https:\/\//i.test(env.PUBLIC_ORIGIN ?? '');
  return env.NODE_ENV === 'production' && https ? hstsValue : undefined;
}
