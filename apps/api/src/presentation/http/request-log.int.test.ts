import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../testing';
import { startHarness, type Harness } from '../../../test/harness';
import { captureLog } from '../../../test/observe';

let h: Harness;
let server: Server;
let base = '';
const log = captureLog();

beforeAll(async () => {
  h = await startHarness('request_log');
  server = createServer({
    db: h.prisma,
    allowedOrigins: ['http://localhost:3000'],
    logger: log.logger,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await h.close();
});

/** The request lines the log holds for one request id, once the response has been written. */
async function requestLines(requestId: string) {
  await expect.poll(() => log.lines.some((line) => line.requestId === requestId)).toBe(true);
  return log.lines.filter((line) => line.event === 'http.request' && line.requestId === requestId);
}

describe('the request log', () => {
  it('writes one line per request carrying the caller’s x-request-id, the route and the status', async () => {
    const response = await fetch(`${base}/trpc/catalog.categories?input=%7B%7D`, {
      headers: { 'x-request-id': 'web-trace-42' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('web-trace-42');

    expect(await requestLines('web-trace-42')).toEqual([
      expect.objectContaining({
        level: 30,
        method: 'GET',
        path: '/trpc/catalog.categories',
        status: 200,
        durationMs: expect.any(Number) as number,
      }),
    ]);
  });

  it('logs refusals too, under the id it minted when the caller’s was not plain', async () => {
    const response = await fetch(`${base}/nowhere`, { headers: { 'x-request-id': 'bad id!' } });
    expect(response.status).toBe(404);
    const minted = response.headers.get('x-request-id') ?? '';
    expect(minted).toMatch(/^[0-9a-f-]{36}$/);

    expect(await requestLines(minted)).toEqual([
      expect.objectContaining({ method: 'GET', path: '/nowhere', status: 404 }),
    ]);
    expect(JSON.stringify(log.lines)).not.toContain('bad id!');
  });
});
