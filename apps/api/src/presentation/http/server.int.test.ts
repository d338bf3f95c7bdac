import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from '../../testing';
import { password, startHarness, unique, type Harness } from '../../../test/harness';

let h: Harness;
let server: Server;
let productionServer: Server;
const allowedOrigin = 'http://localhost:3000';

async function listen(s: Server): Promise<string> {
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
}
let base = '';
let productionBase = '';

beforeAll(async () => {
  h = await startHarness('http');
  server = createServer({ db: h.prisma, allowedOrigins: [allowedOrigin] });
  productionServer = createServer({
    db: h.prisma,
    allowedOrigins: [allowedOrigin],
    production: true,
  });
  base = await listen(server);
  productionBase = await listen(productionServer);
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await new Promise((resolve) => productionServer.close(resolve));
  await h.close();
});

const json = { 'content-type': 'application/json' };
const post = (path: string, body: string, headers: Record<string, string> = json, url = base) =>
  fetch(`${url}/trpc/${path}`, { method: 'POST', headers, body });

interface ErrorBody {
  error: {
    message: string;
    data: {
      code: string;
      httpStatus: number;
      zodError: unknown;
      issues: { path: string[]; message: string }[] | null;
      stack?: string;
    };
  };
}

const signUpBody = () =>
  JSON.stringify({ name: 'Http', email: `${unique('http')}@shop.test`, password });

describe('http server', () => {
  it('answers /health and 404 elsewhere', async () => {
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    expect((await fetch(`${base}/nope`)).status).toBe(404);
  });

  it('sets an HttpOnly SameSite=Lax session cookie that authenticates later calls', async () => {
    const response = await post('auth.signUp', signUpBody());
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^shop_session=[A-Za-z0-9_-]{43}; /);
    expect(cookie.split('; ')).toEqual(
      expect.arrayContaining(['Path=/', 'HttpOnly', 'SameSite=Lax', 'Max-Age=2592000']),
    );
    expect(cookie).not.toContain('Secure');

    const me = await fetch(`${base}/trpc/auth.me`, {
      headers: { cookie: cookie.split(';')[0] ?? '' },
    });
    expect(await me.json()).toMatchObject({ result: { data: { role: 'CUSTOMER' } } });
  });

  // Secure comes from configuration (an https public origin), never from request headers; the
  // https case is in http/session-cookie-policy.int.test.ts.
  it('keeps cookies plain in production for an http site, whatever X-Forwarded-Proto says', async () => {
    const local = await post('auth.signUp', signUpBody(), json, productionBase);
    expect(local.headers.get('set-cookie')).not.toContain('Secure');
    const proxied = await post(
      'auth.signUp',
      signUpBody(),
      { ...json, 'x-forwarded-proto': 'https', 'x-forwarded-host': 'shop.example' },
      productionBase,
    );
    expect(proxied.headers.get('set-cookie')).not.toContain('Secure');
  });

  it('refuses cross-site mutations', async () => {
    const crossSite = await post('auth.logOut', '{}', { ...json, 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    const foreignOrigin = await post('auth.logOut', '{}', {
      ...json,
      origin: 'https://evil.example',
    });
    expect(foreignOrigin.status).toBe(403);
    expect(((await foreignOrigin.json()) as ErrorBody).error.data.code).toBe('FORBIDDEN');

    expect(
      (
        await post('auth.logOut', '{}', {
          ...json,
          origin: allowedOrigin,
          'sec-fetch-site': 'same-origin',
        })
      ).status,
    ).toBe(200);
    expect((await post('auth.logOut', '{}')).status).toBe(200);
  });

  it('accepts mutations only as JSON, and never through GET', async () => {
    for (const contentType of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      const body = contentType.startsWith('multipart')
        ? '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--\r\n'
        : 'a=b';
      const response = await post('auth.logOut', body, { 'content-type': contentType });
      expect(response.status, contentType).toBe(415);
    }
    expect((await fetch(`${base}/trpc/auth.logOut`)).status).toBe(405);
  });

  it('answers bad requests with a 4xx and a clear message, never a stack', async () => {
    const malformed = await post('auth.logIn', '{"email": ');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as ErrorBody).error.message).toBe(
      'The request body is not valid JSON',
    );

    const invalid = await post('auth.logIn', JSON.stringify({ email: 'nope', password: 5 }));
    expect(invalid.status).toBe(400);
    const body = (await invalid.json()) as ErrorBody;
    expect(body.error.message).toContain('email');
    expect(body.error.data.zodError).toMatchObject({
      fieldErrors: { email: expect.any(Array) as unknown[] },
    });
    expect(body.error.data.issues).toContainEqual({
      path: ['email'],
      message: 'Enter a valid email address',
    });
    expect(body.error.data.stack).toBeUndefined();

    expect((await fetch(`${base}/trpc/no.such.procedure`)).status).toBe(404);
    const badQueryInput = await fetch(`${base}/trpc/catalog.list?input=%7Bnot-json`);
    expect(badQueryInput.status).toBe(400);
    const huge = await post(
      'auth.logIn',
      JSON.stringify({ email: 'a@shop.test', password: 'x'.repeat(200_000) }),
    );
    expect(huge.status).toBe(413);
  });

  it('serves batched queries', async () => {
    const input = encodeURIComponent(JSON.stringify({ 0: { limit: 1 }, 1: {} }));
    const response = await fetch(`${base}/trpc/catalog.list,auth.me?batch=1&input=${input}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([
      { result: { data: { items: [], nextCursor: null } } },
      { result: { data: null } },
    ]);
  });
});
