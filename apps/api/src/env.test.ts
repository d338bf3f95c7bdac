import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { envVariables, loadEnv } from './env';

/**
 * The README's environment table as `{ variable: default cell }`: the rows of the first table
 * under "## Environment", one variable per row.
 */
function documentedEnvironment(): Record<string, string> {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const section = readme.split(/^## Environment$/m)[1] ?? '';
  const table = section.slice(section.indexOf('\n|')).split('\n\n')[0] ?? '';
  const rows = table
    .split('\n')
    .slice(3) // the line break before it, the header and the divider
    .map((row) => row.split('|').map((cell) => cell.trim()));
  return Object.fromEntries(
    rows.map(([, name = '', value = '']) => [name.replace(/`/g, ''), value]),
  );
}

/** A loaded default as the README writes it: in backticks, a list comma-joined; `none` if none. */
function asDocumented(value: string | number | string[] | undefined): string {
  if (value === undefined) return 'none';
  return `\`${Array.isArray(value) ? value.join(',') : value}\``;
}

describe('loadEnv', () => {
  it('applies the documented defaults', () => {
    expect(loadEnv({})).toEqual({
      NODE_ENV: 'development',
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/shop',
      PORT: 4000,
      HOST: '127.0.0.1',
      RESERVATION_MINUTES: 15,
      GUEST_CART_DAYS: 30,
      GUEST_CARTS_PER_ADDRESS: 100,
      GUEST_CARTS_WINDOW_MINUTES: 60,
      ALLOWED_ORIGINS: ['http://localhost:3000', 'http://127.0.0.1:3000'],
      TRUSTED_PROXIES: ['127.0.0.0/8', '::1'],
      LOGIN_MAX_ATTEMPTS: 5,
      LOGIN_WINDOW_MINUTES: 15,
      LOGIN_MAX_PER_EMAIL: 50,
      SIGNUP_MAX_PER_ADDRESS: 30,
      SIGNUP_WINDOW_MINUTES: 60,
      PASSWORD_HASH_CONCURRENCY: 2,
      PASSWORD_HASH_QUEUE: 32,
      PASSWORD_HASH_PER_CLIENT: 8,
      MAX_BATCH_SIZE: 10,
      SESSION_IDLE_DAYS: 7,
      REDIS_URL: 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: '{shop}',
      CARD_PROCESSOR_URL: 'http://127.0.0.1:4200',
      CARD_PROCESSOR_PUBLISHABLE_KEY: 'pk_test_shop',
      CHECKOUT_WAIT_MS: 3000,
      EVENT_LOG_DAYS: 7,
      OPS_TICKET_SECRET: 'dev-only-ops-ticket-secret-change-me',
      WORKER_PUBLIC_URL: 'http://127.0.0.1:4300',
    });
  });

  it('reads the security settings and refuses bad ones by name', () => {
    const env = loadEnv({
      PUBLIC_ORIGIN: 'https://shop.example',
      TRUSTED_PROXIES: ' 10.0.0.0/8 , ::1,',
      SIGNUP_MAX_PER_ADDRESS: '100',
      SESSION_IDLE_DAYS: '0.5',
    });
    expect(env.PUBLIC_ORIGIN).toBe('https://shop.example');
    expect(env.TRUSTED_PROXIES).toEqual(['10.0.0.0/8', '::1']);
    expect(env.SIGNUP_MAX_PER_ADDRESS).toBe(100);
    expect(env.SESSION_IDLE_DAYS).toBe(0.5);
    expect(loadEnv({ TRUSTED_PROXIES: '' }).TRUSTED_PROXIES).toEqual([]);
    expect(() => loadEnv({ TRUSTED_PROXIES: 'web.internal' })).toThrow(/TRUSTED_PROXIES/);
    expect(() => loadEnv({ PUBLIC_ORIGIN: 'shop.example' })).toThrow(/PUBLIC_ORIGIN/);
    expect(() => loadEnv({ LOGIN_MAX_ATTEMPTS: '0' })).toThrow(/LOGIN_MAX_ATTEMPTS/);
    expect(() => loadEnv({ MAX_BATCH_SIZE: 'lots' })).toThrow(/MAX_BATCH_SIZE/);
  });

  it('parses a comma list of origins and a numeric port', () => {
    const env = loadEnv({ PORT: '4100', ALLOWED_ORIGINS: ' http://a.test , http://b.test,' });
    expect(env.PORT).toBe(4100);
    expect(env.ALLOWED_ORIGINS).toEqual(['http://a.test', 'http://b.test']);
  });

  it('reads the reservation time limit in minutes', () => {
    expect(loadEnv({ RESERVATION_MINUTES: '30' }).RESERVATION_MINUTES).toBe(30);
    expect(loadEnv({ RESERVATION_MINUTES: '0.5' }).RESERVATION_MINUTES).toBe(0.5);
    expect(() => loadEnv({ RESERVATION_MINUTES: '0' })).toThrow(/RESERVATION_MINUTES/);
    expect(() => loadEnv({ RESERVATION_MINUTES: 'soon' })).toThrow(/RESERVATION_MINUTES/);
  });

  it('is documented: the README lists every variable it reads, each with its real default', () => {
    const documented = documentedEnvironment();
    expect(Object.keys(documented).sort()).toEqual([...envVariables].sort());
    const defaults: Partial<Record<string, string | number | string[]>> = loadEnv({});
    for (const name of envVariables) {
      expect(`${name}: ${documented[name]}`).toBe(`${name}: ${asDocumented(defaults[name])}`);
    }
  });

  it('refuses to start in production without its own OPS_TICKET_SECRET', () => {
    expect(() => loadEnv({ NODE_ENV: 'production' })).toThrow(
      /OPS_TICKET_SECRET must be set in production/,
    );
    expect(() => loadEnv({ OPS_TICKET_SECRET: 'short' })).toThrow(/at least 32 characters/);
    expect(() => loadEnv({ WORKER_PUBLIC_URL: 'ops' })).toThrow(/WORKER_PUBLIC_URL/);
    const secret = 'a-production-secret-of-32-chars-or-more';
    expect(loadEnv({ NODE_ENV: 'production', OPS_TICKET_SECRET: secret }).OPS_TICKET_SECRET).toBe(
      secret,
    );
  });

  it('names the bad variable', () => {
    expect(() => loadEnv({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });
});
