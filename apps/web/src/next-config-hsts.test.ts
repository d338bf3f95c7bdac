import { afterEach, describe, expect, it, vi } from 'vitest';

/** The headers next.config.ts sends on every page, as configured by `env` at build time. */
async function headersBuiltWith(env: Record<string, string>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const { default: config } = await import('../next.config');
  const rules = (await config.headers?.()) ?? [];
  return Object.fromEntries(rules.flatMap((rule) => rule.headers).map((h) => [h.key, h.value]));
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('Strict-Transport-Security', () => {
  it('is sent by a production build of an https site', async () => {
    const headers = await headersBuiltWith({
      NODE_ENV: 'production',
      PUBLIC_ORIGIN: 'https://shop.example',
    });
    expect(headers['Strict-Transport-Security']).toBe('max-age=31536000; includeSubDomains');
    expect(headers['X-Frame-Options']).toBe('DENY');
  });

  it('is never sent over http or outside production', async () => {
    for (const env of [
      { NODE_ENV: 'production', PUBLIC_ORIGIN: 'http://localhost:3000' },
      { NODE_ENV: 'production', PUBLIC_ORIGIN: '' },
      { NODE_ENV: 'development', PUBLIC_ORIGIN: 'https://shop.example' },
    ]) {
      expect(await headersBuiltWith(env)).not.toHaveProperty('Strict-Transport-Security');
    }
  });
});
