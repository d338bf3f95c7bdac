import { describe, expect, it } from 'vitest';
import { loadEnv } from './env';

describe('loadEnv', () => {
  it('applies the documented defaults', () => {
    expect(loadEnv({})).toEqual({
      NODE_ENV: 'development',
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/shop',
      PORT: 4000,
      HOST: '127.0.0.1',
      RESERVATION_MINUTES: 15,
      ALLOWED_ORIGINS: ['http://localhost:3000', 'http://127.0.0.1:3000'],
    });
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

  it('names the bad variable', () => {
    expect(() => loadEnv({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });
});
