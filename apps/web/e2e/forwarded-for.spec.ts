import http from 'node:http';
import { expect, test } from '@playwright/test';
import { newShopper } from './helpers';
import { e2eSettings, webUrl } from './support/settings';

/**
 * A shopper who is not on the web server's own address (Linux answers on all of 127.0.0.0/8; the
 * run's API trusts only 127.0.0.1, the web server, as its proxy) posts straight to the web's
 * /api/trpc, naming a different made-up client address in X-Forwarded-For each time.
 */
const shopperAddress = '127.0.0.2';

function signUpFrom(forgedFor: string): Promise<number> {
  const shopper = newShopper('forged-xff');
  const body = JSON.stringify(shopper);
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${webUrl}/api/trpc/auth.signUp`,
      {
        method: 'POST',
        localAddress: shopperAddress,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          origin: webUrl,
          'x-forwarded-for': forgedFor,
          'x-real-ip': forgedFor,
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

test('a browser cannot dodge the sign-up limit per address by forging X-Forwarded-For', async () => {
  test.setTimeout(120_000);
  const limit = e2eSettings.signUpsPerAddress;
  const statuses: number[] = [];
  for (let i = 0; i <= limit; i++) {
    statuses.push(await signUpFrom(`198.51.100.${i + 1}, 203.0.113.${i + 1}`));
  }

  expect(statuses.slice(0, limit)).toEqual(Array.from({ length: limit }, () => 200));
  expect(statuses[limit]).toBe(429);
});
