import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { parseCookieHeader, serializeCookie, shouldUseSecureCookies } from './cookies';

const request = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe('cookies', () => {
  it('parses a Cookie header, keeping the first of duplicates and tolerating bad escapes', () => {
    const cookies = parseCookieHeader('a=1; b=x%20y; a=2; broken; c=%E0%A4%A');
    expect(Object.fromEntries(cookies)).toEqual({ a: '1', b: 'x y', c: '%E0%A4%A' });
    expect(parseCookieHeader(undefined).size).toBe(0);
  });

  it('serializes with HttpOnly, SameSite=Lax, Path=/ and optional Secure', () => {
    expect(serializeCookie('shop_session', 'abc', { secure: false })).toBe(
      'shop_session=abc; Path=/; HttpOnly; SameSite=Lax',
    );
    expect(serializeCookie('shop_cart', '', { maxAge: 0, secure: true })).toMatch(
      /Max-Age=0; Expires=.*; Secure$/,
    );
  });

  it.each([
    [false, { host: 'shop.example' }, false],
    [true, { host: 'localhost:4000' }, false],
    [true, { host: '127.0.0.1:4000' }, false],
    [true, { host: 'shop.example' }, true],
    [
      true,
      { host: '127.0.0.1:4000', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'shop.example' },
      true,
    ],
    [true, { host: 'localhost', 'x-forwarded-proto': 'https' }, true],
  ])('production=%s %j → Secure %s', (production, headers, secure) => {
    expect(shouldUseSecureCookies(request(headers), production)).toBe(secure);
  });
});
