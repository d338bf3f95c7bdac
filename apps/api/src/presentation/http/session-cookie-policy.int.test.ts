/**
 * The session cookie on the wire: a planted duplicate cannot shadow the real one, Secure and the
 * `__Host-` name come from configuration (an https public origin in production) and never from
 * X-Forwarded-* headers, and HSTS goes with them.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ServerOptions } from '../../testing';
import { password, startHarness, unique, type Harness } from '../../../test/harness';

let h: Harness;
const servers: Server[] = [];
const httpOrigin = 'http://localhost:3000';
const httpsOrigin = 'https://shop.example';

async function start(options: Partial<ServerOptions>): Promise<string> {
  const server = createServer({ db: h.prisma, allowedOrigins: [httpOrigin], ...options });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let plain = '';
let productionHttp = '';
let productionHttps = '';
let developmentHttps = '';

beforeAll(async () => {
  h = await startHarness('cookiepolicy');
  plain = await start({});
  productionHttp = await start({ production: true });
  productionHttps = await start({ production: true, allowedOrigins: [httpsOrigin] });
  developmentHttps = await start({ production: false, publicOrigin: httpsOrigin });
});
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await h.close();
});

async function signUp(base: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}/trpc/auth.signUp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ name: 'Cookie', email: `${unique('cookie')}@shop.test`, password }),
  });
  expect(response.status).toBe(200);
  const setCookie = response.headers.get('set-cookie') ?? '';
  const [pair = ''] = setCookie.split(';');
  const eq = pair.indexOf('=');
  return {
    response,
    setCookie,
    name: pair.slice(0, eq),
    token: pair.slice(eq + 1),
    user: ((await response.json()) as { result: { data: { id: string } } }).result.data,
  };
}

async function me(base: string, cookie: string) {
  const response = await fetch(`${base}/trpc/auth.me`, { headers: { cookie } });
  const body = (await response.json()) as { result: { data: { id: string } | null } };
  return { id: body.result.data?.id ?? null, setCookie: response.headers.get('set-cookie') };
}

describe('duplicate session cookies', () => {
  it('a planted cookie of the same name does not shadow the real session, before or after it', async () => {
    const { token, user } = await signUp(plain);
    for (const cookie of [
      `shop_session=planted-by-a-sibling; shop_session=${token}`,
      `shop_session=${token}; shop_session=planted-by-a-sibling`,
    ]) {
      const seen = await me(plain, cookie);
      expect(seen.id).toBe(user.id);
      // Nothing is cleared: a clearing Set-Cookie would delete the real cookie, not the planted one.
      expect(seen.setCookie).toBeNull();
    }
  });

  it('a planted live session of another account is not swapped in; neither account is believed', async () => {
    const victim = await signUp(plain);
    const planter = await signUp(plain);
    const seen = await me(plain, `shop_session=${planter.token}; shop_session=${victim.token}`);
    expect(seen.id).toBeNull();
    expect(seen.setCookie).toBeNull();
    expect((await me(plain, `shop_session=${victim.token}`)).id).toBe(victim.user.id);
  });
});

describe('cookie and transport policy', () => {
  it('in production for an https site: __Host- name, Secure, Path=/, no Domain, and HSTS', async () => {
    const { setCookie, name, token, user, response } = await signUp(productionHttps);
    expect(name).toBe('__Host-shop_session');
    const attributes = setCookie.split('; ');
    expect(attributes).toEqual(
      expect.arrayContaining(['Path=/', 'Secure', 'HttpOnly', 'SameSite=Lax']),
    );
    expect(setCookie).not.toMatch(/domain=/i);
    expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}/);
    expect(
      (await fetch(`${productionHttps}/health`)).headers.get('strict-transport-security'),
    ).toBeTruthy();

    expect((await me(productionHttps, `__Host-shop_session=${token}`)).id).toBe(user.id);
    // The unprefixed name can be set by a sibling subdomain or over http: it is not read at all.
    expect((await me(productionHttps, `shop_session=${token}`)).id).toBeNull();
  });

  it('a forged X-Forwarded-Proto: https does not flip Secure, the name or HSTS', async () => {
    const forged = {
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'shop.example',
      'x-forwarded-ssl': 'on',
    };
    for (const base of [productionHttp, plain]) {
      const { setCookie, name, response } = await signUp(base, forged);
      expect(name).toBe('shop_session');
      expect(setCookie).not.toContain('Secure');
      expect(response.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('production over http on localhost keeps a plain cookie, so npm start and e2e keep their session', async () => {
    const { setCookie, name, token, user } = await signUp(productionHttp);
    expect(name).toBe('shop_session');
    expect(setCookie).not.toContain('Secure');
    expect((await me(productionHttp, `shop_session=${token}`)).id).toBe(user.id);
  });

  it('development never sets Secure, even for an https origin', async () => {
    const { setCookie, name } = await signUp(developmentHttps);
    expect(name).toBe('shop_session');
    expect(setCookie).not.toContain('Secure');
  });
});
