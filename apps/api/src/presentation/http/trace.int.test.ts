/**
 * One trace from the shopper's request to the payment service and back (stage 4): the API starts
 * or continues the request's W3C trace, the outbox row keeps it, the job carries it, and the
 * worker's log lines for that order carry the same trace id — as do the events it answers with.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, workerLogOf } from '../../testing';
import {
  address,
  approvedCard,
  createProduct,
  password,
  startHarness,
  unique,
  type Harness,
} from '../../../test/harness';
import { captureLog } from '../../../test/observe';

let h: Harness;
let server: Server;
let base = '';
const origin = 'http://localhost:3000';
const log = captureLog();

beforeAll(async () => {
  h = await startHarness('trace');
  server = createServer({ db: h.prisma, allowedOrigins: [origin], logger: log.logger });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await h.close();
});

/** A tRPC mutation over HTTP as the web sends it; answers the data and the session cookie. */
async function mutate(path: string, input: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}/trpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin, ...headers },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { result?: { data: unknown } };
  expect(response.status, JSON.stringify(body)).toBe(200);
  return {
    data: body.result?.data,
    cookie: response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; '),
  };
}

describe('one trace across both services', () => {
  it('shows the shopper’s trace id in the worker’s log lines for the order it charged', async () => {
    const product = await createProduct(h.prisma, { stock: 3 });
    const signUp = await mutate('auth.signUp', {
      name: 'Tracer',
      email: `${unique('trace')}@shop.test`,
      password,
    });
    const session = { cookie: signUp.cookie };
    await mutate('cart.add', { productId: product.id, quantity: 1 }, session);
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const { data } = await mutate(
      'orders.place',
      { idempotencyKey: crypto.randomUUID(), shippingAddress: address, payment: approvedCard },
      { ...session, traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    );
    const orderId = (data as { id: string; status: string }).id;

    // The API's request line, the outbox row, and the worker's line for the same order.
    expect(log.lines).toContainEqual(expect.objectContaining({ event: 'http.request', traceId }));
    const placed = await h.prisma.outboxEvent.findFirstOrThrow({
      where: { correlationId: orderId, name: 'ordering.OrderPlaced' },
    });
    expect(placed.traceparent).toMatch(new RegExp(`^00-${traceId}-`));
    const workerLines = async () =>
      (await workerLogOf(h.prisma))
        .map((line) => {
          try {
            return JSON.parse(line) as Record<string, unknown>;
          } catch {
            return {};
          }
        })
        .filter((line) => line.orderId === orderId);
    await expect
      .poll(workerLines, { timeout: 20_000 })
      .toContainEqual(
        expect.objectContaining({ msg: 'event handled', event: 'ordering.OrderPlaced', traceId }),
      );
    await expect
      .poll(
        async () =>
          (
            await h.prisma.inboxEntry.findFirst({
              where: { correlationId: orderId, eventName: 'payment.PaymentCaptured' },
            })
          )?.traceparent,
        { timeout: 20_000 },
      )
      .toMatch(new RegExp(`^00-${traceId}-`));
  });
});
