/**
 * How the client classifies what a processor may do that ours never does on purpose — a 429, a
 * 500, a garbled success, no answer at all, a closed port — against a scripted HTTP server on a
 * free port. The normal answers are tested against the real processor in
 * `card-processor-client.processor.test.ts`.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { CardProcessorError, createCardProcessorClient } from './card-processor-client';

interface Seen {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** A real HTTP server on a free port that answers every request with `reply`. */
async function processor(
  reply: (seen: Seen) => { status: number; body?: unknown; raw?: string } | 'hang',
) {
  const seen: Seen[] = [];
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => {
      const request = {
        method: req.method,
        url: req.url,
        headers: req.headers,
        body: JSON.parse(text) as unknown,
      };
      seen.push(request);
      const answer = reply(request);
      if (answer === 'hang') return;
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(answer.raw ?? JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    seen,
    client: (timeoutMs?: number) =>
      createCardProcessorClient({ url, secretKey: 'sk_test_x', timeoutMs }),
  };
}

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const charge = {
  orderId: 'ord-1',
  paymentMethodId: 'pm_0123456789abcdef',
  amount: 12_900,
  currency: 'KRW',
};
const approved = { id: 'ch_1', status: 'approved', amount: 12_900, currency: 'KRW', last4: '4242' };

async function failure(promise: Promise<unknown>): Promise<CardProcessorError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CardProcessorError);
  return error as CardProcessorError;
}

describe('the card processor client', () => {
  it('charges with the secret key and the order’s idempotency key', async () => {
    const p = await processor(() => ({ status: 200, body: approved }));
    expect(await p.client().charge(charge)).toEqual(approved);
    expect(p.seen).toEqual([
      expect.objectContaining({
        method: 'POST',
        url: '/v1/charges',
        headers: expect.objectContaining({
          authorization: 'Bearer sk_test_x',
          'idempotency-key': 'charge:ord-1',
          'content-type': 'application/json',
        }) as unknown,
        body: {
          paymentMethodId: 'pm_0123456789abcdef',
          amount: 12_900,
          currency: 'KRW',
          metadata: { orderId: 'ord-1' },
        },
      }),
    ]);
  });

  it('returns a decline as an answer, with its code and message', async () => {
    const declined = {
      ...approved,
      status: 'declined',
      last4: '0002',
      declineCode: 'card_declined',
      declineMessage: 'Your card was declined.',
    };
    const p = await processor(() => ({ status: 200, body: declined }));
    expect(await p.client().charge(charge)).toEqual(declined);
  });

  it('refunds a charge under refund:<orderId>', async () => {
    const refund = { id: 're_1', chargeId: 'ch_1', amount: 12_900, status: 'succeeded' };
    const p = await processor(() => ({ status: 200, body: refund }));
    expect(await p.client().refund({ orderId: 'ord-1', chargeId: 'ch_1' })).toEqual(refund);
    expect(p.seen[0]).toMatchObject({
      url: '/v1/refunds',
      headers: { 'idempotency-key': 'refund:ord-1' },
      body: { chargeId: 'ch_1' },
    });
  });

  it('throws a 4xx as permanent, with the processor’s code and message', async () => {
    const p = await processor(() => ({
      status: 409,
      body: { error: { code: 'already_refunded', message: 'Charge ch_1 was refunded already.' } },
    }));
    const error = await failure(p.client().refund({ orderId: 'ord-1', chargeId: 'ch_1' }));
    expect(error).toMatchObject({ retryable: false, code: 'already_refunded', status: 409 });
    expect(error.message).toMatch(
      /refused with 409 already_refunded: Charge ch_1 was refunded already\./,
    );
  });

  it.each([500, 503, 429])('throws a %i as retryable', async (status) => {
    const p = await processor(() => ({
      status,
      body: { error: { code: 'internal', message: 'oops' } },
    }));
    expect(await failure(p.client().charge(charge))).toMatchObject({ retryable: true, status });
  });

  it('throws a garbled success as retryable', async () => {
    const p = await processor(() => ({ status: 200, raw: '<html>proxy</html>' }));
    const error = await failure(p.client().charge(charge));
    expect(error).toMatchObject({ retryable: true, code: 'invalid_answer' });
    expect(error.message).toMatch(/not a charge: <html>proxy/);
  });

  it('gives up after its timeout, as retryable', async () => {
    const p = await processor(() => 'hang');
    const error = await failure(p.client(150).charge(charge));
    expect(error).toMatchObject({ retryable: true, code: 'timeout' });
    expect(error.message).toMatch(/did not answer within 150 ms/);
  });

  it('throws an unreachable processor as retryable, never showing the key', async () => {
    const p = await processor(() => ({ status: 200, body: approved }));
    const client = p.client();
    servers.pop()?.close();
    const error = await failure(client.charge(charge));
    expect(error).toMatchObject({ retryable: true, code: 'unreachable' });
    expect(error.message).toMatch(/cannot be reached: ECONNREFUSED/);
    expect(error.message).not.toContain('sk_test_x');
  });
});
