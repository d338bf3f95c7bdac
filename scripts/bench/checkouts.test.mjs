import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkoutOnce, runCheckouts, smokeCheckout, tally } from './checkouts.mjs';

/**
 * A stand-in for the API's two procedures, over real HTTP: `orders.place` answers what the cookie
 * asks for (PAID at once, PENDING_PAYMENT that turns PAID after two polls, PENDING_PAYMENT that is
 * cancelled, or a 409), `orders.get` answers the order's state so far.
 */
const orders = new Map();
let server;
let url;

function answer(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const kind = /kind=(\w+)/.exec(req.headers.cookie ?? '')?.[1];
    if (req.method === 'POST') {
      if (kind === 'conflict') return answer(res, 409, { error: { message: 'taken' } });
      const id = `order-${orders.size + 1}`;
      const order = { id, status: kind === 'paid' ? 'PAID' : 'PENDING_PAYMENT', polls: 0, kind };
      orders.set(id, order);
      return answer(res, 200, { result: { data: { id, status: order.status, lines: [1, 2] } } });
    }
    const { id } = JSON.parse(new URL(req.url, 'http://x').searchParams.get('input'));
    const order = orders.get(id);
    order.polls += 1;
    if (order.polls >= 2) order.status = order.kind === 'pending' ? 'PAID' : 'CANCELLED';
    return answer(res, 200, { result: { data: { id, status: order.status, lines: [1, 2] } } });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${server.address().port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const scenario = (kinds, { follow = true } = {}) => {
  let n = 0;
  return {
    name: 'orders.place',
    url,
    check: (data) => data.status === 'PAID' && data.lines.length === 2,
    follow: follow
      ? (order, placed) => ({
          method: 'GET',
          path: `/get?input=${encodeURIComponent(JSON.stringify({ id: order.id }))}`,
          headers: { cookie: placed.headers.cookie },
        })
      : undefined,
    requests: [
      {
        method: 'POST',
        path: '/place',
        setupRequest: (req) => ({
          ...req,
          headers: { cookie: `kind=${kinds[n++ % kinds.length]}` },
          body: '{}',
        }),
      },
    ],
  };
};
const agent = () => new http.Agent({ keepAlive: true });

describe('checkoutOnce', () => {
  it('is done at once when the order is paid', async () => {
    const done = await checkoutOnce(scenario(['paid']), agent());
    expect(done).toMatchObject({ outcome: 'paid', pending: false });
  });

  it('follows a PENDING_PAYMENT answer until the order is paid, and times the whole of it', async () => {
    const done = await checkoutOnce(scenario(['pending']), agent());
    expect(done).toMatchObject({ outcome: 'paid', pending: true });
    // Two polls, 100 ms apart: the time is the time to PAID, not the first answer's.
    expect(done.ms).toBeGreaterThanOrEqual(200);
  });

  it('ends with the order’s status when it settles otherwise, or with the HTTP status', async () => {
    expect((await checkoutOnce(scenario(['cancel']), agent())).outcome).toBe('CANCELLED');
    expect((await checkoutOnce(scenario(['conflict']), agent())).outcome).toBe('409');
    // A scenario that cannot follow (the raw-pg reference) counts a pending answer as not paid.
    const unfollowed = await checkoutOnce(scenario(['pending'], { follow: false }), agent());
    expect(unfollowed.outcome).toBe('PENDING_PAYMENT');
  });
});

describe('smokeCheckout', () => {
  it('passes a checkout that ends PAID and refuses one that does not, quoting the answer', async () => {
    await expect(smokeCheckout(scenario(['pending']))).resolves.toMatchObject({ outcome: 'paid' });
    await expect(smokeCheckout(scenario(['conflict']))).rejects.toThrow(/ended 409: .*taken/);
  });
});

describe('runCheckouts', () => {
  it('runs exactly `amount` checkouts on closed loops, in autocannon’s result shape', async () => {
    const run = await runCheckouts(scenario(['paid', 'pending', 'conflict', 'cancel']), {
      connections: 2,
      amount: 8,
    });
    expect(run.result).toMatchObject({
      '2xx': 4,
      '4xx': 2,
      unpaid: 2,
      non2xx: 4,
      errors: 0,
      pendingAnswers: 4,
      statusCodeStats: { 200: { count: 4 }, 409: { count: 2 }, CANCELLED: { count: 2 } },
    });
    expect(run.latencies).toHaveLength(8);
  });

  it('stops starting checkouts when told to, and after `duration`', async () => {
    let instance;
    const stopped = await runCheckouts(scenario(['paid']), { connections: 1, duration: 5 }, (i) => {
      instance = i;
      setTimeout(() => instance.stop(), 100);
    });
    expect(stopped.result.duration).toBeLessThan(1);
    const timed = await runCheckouts(scenario(['paid']), { connections: 2, duration: 0.3 });
    expect(timed.result['2xx']).toBeGreaterThan(0);
    expect(timed.result.duration).toBeCloseTo(0.3, 1);
  });
});

describe('tally', () => {
  it('counts socket errors and timeouts as autocannon does, apart from answers', () => {
    const result = tally(
      [
        { outcome: 'paid', ms: 1 },
        { outcome: 'error', timeout: true },
        { outcome: 'error' },
        { outcome: '500', ms: 2 },
        { outcome: 'PENDING_PAYMENT after 30 s', ms: 30_000, pending: true },
      ],
      2,
    );
    expect(result).toMatchObject({
      '2xx': 1,
      '5xx': 1,
      unpaid: 1,
      non2xx: 2,
      errors: 2,
      timeouts: 1,
      pendingAnswers: 1,
      duration: 2,
    });
  });
});
