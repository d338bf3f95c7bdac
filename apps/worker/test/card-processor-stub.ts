/**
 * A small card processor for the payment tests, on a real HTTP port: `POST /v1/charges` and
 * `POST /v1/refunds` as the design describes them (secret key, `Idempotency-Key` — the same key
 * and body return the first answer, the same key with another body is a 409 —, one refund per
 * charge). It counts what it did, so a test can say "charged once". It stands in until
 * `@shop/card-processor` (the real simulator) is on main; the tests then start that instead.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const stubSecretKey = 'sk_test_stub';

/** How the stub answers a charge of one payment method. */
export type Behaviour = 'approve' | 'decline' | 'unknown' | 'unavailable';

interface Stored {
  body: string;
  status: number;
  answer: unknown;
}

export async function startProcessorStub(options: { delayMs?: number } = {}) {
  const behaviours = new Map<string, Behaviour>();
  const byKey = new Map<string, Stored>();
  const charges = new Map<string, { amount: number; approved: boolean; refunded: boolean }>();
  const counts = { chargeRequests: 0, charges: 0, refundRequests: 0, refunds: 0 };
  /** Requests under one key take turns, as a processor's idempotency lock makes them. */
  const inFlight = new Map<string, Promise<void>>();
  let sequence = 0;

  type Send = (status: number, answer: unknown) => { status: number; answer: unknown };
  type Fail = (status: number, code: string, message: string) => ReturnType<Send>;

  async function handle(req: IncomingMessage, res: ServerResponse, body: string) {
    const send = (status: number, answer: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer));
      return { status, answer };
    };
    const fail = (status: number, code: string, message: string) =>
      send(status, { error: { code, message } });
    if (req.headers.authorization !== `Bearer ${stubSecretKey}`)
      return fail(401, 'unauthorized', 'Wrong or missing key.');
    const key = req.headers['idempotency-key'];
    if (typeof key !== 'string')
      return fail(400, 'invalid_request', 'Idempotency-Key is required.');
    while (inFlight.has(key)) await inFlight.get(key);
    let done = () => {};
    inFlight.set(key, new Promise<void>((resolve) => (done = resolve)));
    try {
      await answer(req, key, body, send, fail);
    } finally {
      inFlight.delete(key);
      done();
    }
  }

  async function answer(req: IncomingMessage, key: string, body: string, send: Send, fail: Fail) {
    const seen = byKey.get(key);
    if (seen && seen.body !== body)
      return fail(409, 'idempotency_mismatch', 'This key was used with another request.');
    if (seen) return send(seen.status, seen.answer);
    if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    const input = JSON.parse(body) as Record<string, unknown>;
    const answered =
      req.url === '/v1/charges' ? charge(input, send, fail) : refund(input, send, fail);
    if (answered.status < 500) byKey.set(key, { body, ...answered });
  }

  function charge(input: Record<string, unknown>, send: Send, fail: Fail) {
    counts.chargeRequests += 1;
    const pm = String(input.paymentMethodId);
    const behaviour = behaviours.get(pm) ?? 'approve';
    if (behaviour === 'unavailable') return fail(503, 'unavailable', 'Try again later.');
    if (behaviour === 'unknown') return fail(404, 'not_found', `No payment method ${pm}.`);
    counts.charges += 1;
    const id = `ch_${++sequence}`;
    const amount = Number(input.amount);
    const approved = behaviour === 'approve';
    charges.set(id, { amount, approved, refunded: false });
    return send(200, {
      id,
      status: approved ? 'approved' : 'declined',
      amount,
      currency: input.currency,
      last4: approved ? '4242' : '0002',
      ...(approved
        ? {}
        : { declineCode: 'card_declined', declineMessage: 'Your card was declined.' }),
    });
  }

  function refund(input: Record<string, unknown>, send: Send, fail: Fail) {
    counts.refundRequests += 1;
    const chargeId = String(input.chargeId);
    const found = charges.get(chargeId);
    if (!found) return fail(404, 'not_found', `No charge ${chargeId}.`);
    if (!found.approved) return fail(409, 'charge_declined', 'A declined charge took nothing.');
    if (found.refunded) return fail(409, 'already_refunded', `Charge ${chargeId} was refunded.`);
    found.refunded = true;
    counts.refunds += 1;
    return send(200, {
      id: `re_${++sequence}`,
      chargeId,
      amount: found.amount,
      status: 'succeeded',
    });
  }

  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => void handle(req, res, body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    counts,
    /** How charges of `paymentMethodId` are answered from now on (default: approved). */
    behave(paymentMethodId: string, behaviour: Behaviour) {
      behaviours.set(paymentMethodId, behaviour);
    },
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
