import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next';

/** Where a browser would really go if it followed `path` from a page of ours. */
const landsOn = (path: string) => new URL(path, 'https://shop.example/login').origin;

describe('safeNextPath', () => {
  it.each([
    ['/checkout', '/checkout'],
    ['/orders/1?x=1', '/orders/1?x=1'],
    ['/orders/1?x=1#lines', '/orders/1?x=1#lines'],
    ['/?q=tea&sort=newest', '/?q=tea&sort=newest'],
    ['/products/linen-apron', '/products/linen-apron'],
    ['/%2F/evil.test', '/%2F/evil.test'],
    ['/search%20term', '/search%20term'],
  ])('keeps the same-site path %j', (value, expected) => {
    expect(safeNextPath(value)).toBe(expected);
  });

  it.each([
    'https://evil.test',
    'HTTPS://evil.test',
    'http:evil.test',
    '//evil.test',
    '/\\evil.test',
    '\\/evil.test',
    '/\t/evil.test',
    '/\n/evil.test',
    '/\r/evil.test',
    '\t//evil.test',
    ' //evil.test',
    '/\\\\evil.test',
    '/.//evil.test',
    '/./\\evil.test',
    '//evil.test/%2F..',
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'checkout',
    '',
    undefined,
    null,
    42,
    ['/a'],
  ])('refuses %j', (value) => {
    expect(safeNextPath(value)).toBe('/');
  });

  it('uses the given fallback', () => {
    expect(safeNextPath('//evil.test', '/account')).toBe('/account');
  });

  it.each([
    '/\t/evil.test',
    '/\n\n/evil.test',
    '/\\\\evil.test',
    '/.//evil.test',
    '/%2F/evil.test',
    '/%2f%2fevil.test',
    '/%5C%5Cevil.test',
    '/%09/evil.test',
    '/a/../../evil.test',
  ])('whatever it returns for %j stays on our site', (value) => {
    const path = safeNextPath(value);
    expect(path.startsWith('/')).toBe(true);
    expect(path.startsWith('//')).toBe(false);
    expect(landsOn(path)).toBe('https://shop.example');
  });
});
