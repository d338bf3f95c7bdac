import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import {
  cookiePolicy,
  createHttpCookieJar,
  parseCookieHeader,
  plainCookies,
  serializeCookie,
} from './cookies';

function exchange(cookieHeader: string) {
  const setCookies: string[] = [];
  const req = { headers: { cookie: cookieHeader } } as unknown as IncomingMessage;
  const res = {
    appendHeader: (_name: string, value: string) => setCookies.push(value),
  } as unknown as ServerResponse;
  return { req, res, setCookies };
}

describe('cookies', () => {
  it('parses a Cookie header, keeping every value of a duplicated name and tolerating bad escapes', () => {
    const cookies = parseCookieHeader('a=1; b=x%20y; a=2; broken; c=%E0%A4%A');
    expect(Object.fromEntries(cookies)).toEqual({ a: ['1', '2'], b: ['x y'], c: ['%E0%A4%A'] });
    expect(parseCookieHeader(undefined).size).toBe(0);
  });

  it('serializes with HttpOnly, SameSite=Lax, Path=/ and optional Secure, never a Domain', () => {
    const plain = serializeCookie('shop_session', 'abc', { secure: false });
    expect(plain.split('; ').sort()).toEqual(
      ['shop_session=abc', 'Path=/', 'HttpOnly', 'SameSite=Lax'].sort(),
    );
    const cleared = serializeCookie('shop_cart', '', { maxAge: 0, secure: true });
    expect(cleared).toMatch(/^shop_cart=; /);
    expect(cleared).toContain('; Max-Age=0');
    expect(cleared).toMatch(/; Expires=[^;]+GMT/);
    expect(cleared).toContain('; Secure');
    expect(cleared).not.toMatch(/Domain=/i);
  });

  it.each([
    [false, undefined, false],
    [false, 'https://shop.example', false],
    [true, undefined, false],
    [true, 'http://localhost:3000', false],
    [true, 'http://127.0.0.1:3100', false],
    [true, 'http://shop.example', false],
    [true, 'not a url', false],
    [true, 'https://shop.example', true],
  ])('production=%s, public origin %s → Secure and __Host- %s', (production, origin, secure) => {
    expect(cookiePolicy({ production, publicOrigin: origin })).toEqual({
      secure,
      hostPrefix: secure,
    });
  });

  it('over https in production every name carries __Host-, and only prefixed cookies are read', () => {
    const { req, res, setCookies } = exchange('shop_session=planted; __Host-shop_session=real');
    const jar = createHttpCookieJar(req, res, { secure: true, hostPrefix: true });
    expect(jar.get('shop_session')).toBe('real');
    expect(jar.getAll('shop_session')).toEqual(['real']);

    jar.set('shop_session', 'fresh', { maxAge: 60 });
    jar.clear('shop_cart');
    expect(setCookies[0]).toMatch(/^__Host-shop_session=fresh; /);
    expect(setCookies[0]).toContain('; Secure');
    expect(setCookies[0]).toContain('; Path=/');
    expect(setCookies[0]).not.toMatch(/Domain=/i);
    expect(setCookies[1]).toMatch(/^__Host-shop_cart=; Max-Age=0; /);
  });

  it('without https every duplicate is visible, so a planted cookie cannot hide the real one', () => {
    const { req, res } = exchange('shop_session=planted; shop_session=real');
    const jar = createHttpCookieJar(req, res, plainCookies);
    expect(jar.getAll('shop_session')).toEqual(['planted', 'real']);
  });
});
