import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { proxy } from './proxy';

/** A page request through the proxy with the server's environment as `env` at run time. */
function pageHeadersAtRunTime(env: Record<string, string>, path = '/') {
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  return proxy(new NextRequest(`http://shop.test${path}`)).headers;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('Strict-Transport-Security', () => {
  it('is sent when the running server is production for an https site, whatever the build saw', () => {
    const headers = pageHeadersAtRunTime({
      NODE_ENV: 'production',
      PUBLIC_ORIGIN: 'https://shop.example',
    });
    expect(headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('is never sent over http or outside production', () => {
    for (const env of [
      { NODE_ENV: 'production', PUBLIC_ORIGIN: 'http://localhost:3000' },
      { NODE_ENV: 'production', PUBLIC_ORIGIN: '' },
      { NODE_ENV: 'development', PUBLIC_ORIGIN: 'https://shop.example' },
    ]) {
      expect(pageHeadersAtRunTime(env).get('strict-transport-security')).toBeNull();
    }
  });

  it('is not frozen into the build: next.config.ts sends none, even built for an https site', async () => {
    vi.resetModules();
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('PUBLIC_ORIGIN', 'https://shop.example');
    const { default: config } = await import('../next.config');
    const rules = (await config.headers?.()) ?? [];
    const names = rules.flatMap((rule) => rule.headers.map((header) => header.key.toLowerCase()));
    expect(names).toContain('x-frame-options');
    expect(names).not.toContain('strict-transport-security');
  });
});
