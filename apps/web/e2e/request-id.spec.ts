import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { serverLogFile } from './support/servers';

/** The API's JSON log lines (production mode) that carry `requestId`. */
function apiLogLines(requestId: string): Record<string, unknown>[] {
  return readFileSync(serverLogFile('api'), 'utf8')
    .split('\n')
    .filter((line) => line.includes(requestId))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

test("a request's x-request-id, sent through the web, names the API's log line for it", async ({
  request,
}) => {
  const requestId = `e2e-trace-${Date.now().toString(36)}`;

  const response = await request.get('/api/trpc/catalog.categories', {
    headers: { 'x-request-id': requestId },
  });

  expect(response.status()).toBe(200);
  expect(response.headers()['x-request-id']).toBe(requestId);
  await expect
    .poll(() => apiLogLines(requestId))
    .toEqual([
      expect.objectContaining({
        event: 'http.request',
        requestId,
        method: 'GET',
        path: '/trpc/catalog.categories',
        status: 200,
      }),
    ]);
});
