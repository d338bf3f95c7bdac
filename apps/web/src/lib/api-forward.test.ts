import { describe, expect, it, vi } from 'vitest';
import { apiUnreachableMessage, forwardToApi, forwardedFor } from './api-forward';

const apiUrl = 'http://127.0.0.1:4000';

function fakeApi(answer: () => Response) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchImpl = vi.fn((url: string, init?: RequestInit) => {
    calls.push({ url, init: init ?? {} });
    return Promise.resolve(answer());
  });
  return { calls, fetchImpl: fetchImpl as unknown as typeof fetch };
}

const ok = () => Response.json({ result: { data: 1 } });

describe('forwardToApi', () => {
  it.each([
    '/api/trpc/',
    '/api/trpc/a/b',
    '/api/trpc/..%2Fhealth',
    '/api/trpc/cart.add%00',
    '/api/trpc/cart%2Eadd',
  ])('answers 404 without asking the API for %s', async (path) => {
    const api = fakeApi(ok);
    const response = await forwardToApi(
      new Request(`http://shop.test${path}`),
      apiUrl,
      api.fetchImpl,
    );
    expect(response.status).toBe(404);
    expect(api.calls).toEqual([]);
  });

  it('forwards a query to the procedure with its search and only the headers the API reads', async () => {
    const api = fakeApi(ok);
    const request = new Request('http://shop.test/api/trpc/catalog.list?input=%7B%7D', {
      headers: {
        cookie: 'shop_session=s',
        origin: 'http://shop.test',
        'sec-fetch-site': 'same-origin',
        'x-forwarded-for': '203.0.113.9, 198.51.100.7',
        'x-forwarded-proto': 'https',
        'x-forwarded-host': 'shop.test',
        authorization: 'Bearer nope',
        'user-agent': 'Browser/1.0',
        'x-middleware-subrequest': 'middleware',
        'accept-encoding': 'gzip',
      },
    });

    const response = await forwardToApi(request, apiUrl, api.fetchImpl);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ result: { data: 1 } });
    expect(api.calls).toHaveLength(1);
    const [{ url, init }] = api.calls as [{ url: string; init: RequestInit }];
    expect(url).toBe('http://127.0.0.1:4000/trpc/catalog.list?input=%7B%7D');
    expect(init.method).toBe('GET');
    expect(init.body).toBeUndefined();
    expect(Object.fromEntries(new Headers(init.headers).entries())).toEqual({
      cookie: 'shop_session=s',
      origin: 'http://shop.test',
      'sec-fetch-site': 'same-origin',
      'x-forwarded-for': '203.0.113.9, 198.51.100.7',
    });
  });

  it("passes the caller's x-request-id up, so the API logs the request under it", async () => {
    const api = fakeApi(ok);
    const request = new Request('http://shop.test/api/trpc/cart.get', {
      headers: { 'x-request-id': 'browser-trace-7' },
    });

    await forwardToApi(request, apiUrl, api.fetchImpl);

    const [{ init }] = api.calls as [{ url: string; init: RequestInit }];
    expect(new Headers(init.headers).get('x-request-id')).toBe('browser-trace-7');
  });

  it('forwards a mutation with its body', async () => {
    const api = fakeApi(ok);
    const body = JSON.stringify({ productId: 'p', quantity: 1 });
    const request = new Request('http://shop.test/api/trpc/cart.add', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });

    await forwardToApi(request, apiUrl, api.fetchImpl);

    const [{ url, init }] = api.calls as [{ url: string; init: RequestInit }];
    expect(url).toBe('http://127.0.0.1:4000/trpc/cart.add');
    expect(init.method).toBe('POST');
    expect(new Headers(init.headers).get('content-type')).toBe('application/json');
    expect(await new Response(init.body).text()).toBe(body);
  });

  it('passes the status, every Set-Cookie and the listed headers back, and nothing else', async () => {
    const api = fakeApi(() => {
      const headers = new Headers({
        'content-type': 'application/json',
        'cache-control': 'no-store',
        'retry-after': '30',
        'x-content-type-options': 'nosniff',
        'x-request-id': 'req-42',
        'x-middleware-rewrite': 'http://127.0.0.1:4000/trpc/auth.logIn',
        location: 'http://127.0.0.1:4000/elsewhere',
        server: 'node',
        'x-powered-by': 'tRPC',
      });
      headers.append('set-cookie', 'shop_session=abc; Path=/; HttpOnly; SameSite=Lax');
      headers.append('set-cookie', 'shop_cart=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0');
      return new Response('{"error":{}}', { status: 429, headers });
    });

    const response = await forwardToApi(
      new Request('http://shop.test/api/trpc/auth.logIn', { method: 'POST', body: '{}' }),
      apiUrl,
      api.fetchImpl,
    );

    expect(response.status).toBe(429);
    expect(await response.text()).toBe('{"error":{}}');
    expect(response.headers.getSetCookie()).toEqual([
      'shop_session=abc; Path=/; HttpOnly; SameSite=Lax',
      'shop_cart=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0',
    ]);
    const { 'set-cookie': _cookies, ...others } = Object.fromEntries(response.headers.entries());
    expect(others).toEqual({
      'content-type': 'application/json',
      'cache-control': 'no-store',
      'retry-after': '30',
      'x-content-type-options': 'nosniff',
      'x-request-id': 'req-42',
    });
  });

  it('answers 502 with a tRPC-shaped error, no stack and no address, when the API is unreachable', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4000'), {
      code: 'ECONNREFUSED',
    });
    const fetchImpl = vi.fn(() =>
      Promise.reject(new TypeError('fetch failed', { cause: refused })),
    ) as unknown as typeof fetch;

    const response = await forwardToApi(
      new Request('http://shop.test/api/trpc/cart.get'),
      apiUrl,
      fetchImpl,
    );

    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toContain('application/json');
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: { message: apiUnreachableMessage, code: -32603 } });
    expect(text).not.toMatch(/127\.0\.0\.1|4000|ECONNREFUSED|stack|at /);
  });
});

describe('forwardedFor', () => {
  it.each([
    ['198.51.100.7', '198.51.100.7'],
    ['203.0.113.9,198.51.100.7', '203.0.113.9, 198.51.100.7'],
    ['::ffff:127.0.0.1', '::ffff:127.0.0.1'],
    ['2001:db8::1, 10.0.0.2', '2001:db8::1, 10.0.0.2'],
    ['<script>, 1.2.3.4', '1.2.3.4'],
    ['1.2.3.4, not an address', undefined],
    ['', undefined],
    [null, undefined],
  ])('passes %j on as %j', (header, expected) => {
    expect(forwardedFor(header)).toBe(expected);
  });

  it('keeps at most 16 hops, the rightmost', () => {
    const hops = Array.from({ length: 20 }, (_, i) => `10.0.0.${i}`);
    expect(forwardedFor(hops.join(', '))).toBe(hops.slice(4).join(', '));
  });
});
