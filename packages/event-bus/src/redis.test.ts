import { describe, expect, it } from 'vitest';
import { redisOptions } from './redis';

describe('REDIS_URL', () => {
  it('reads host, port, credentials and database', () => {
    expect(redisOptions('redis://user:p%40ss@cache.internal:6380/2')).toEqual({
      host: 'cache.internal',
      port: 6380,
      username: 'user',
      password: 'p@ss',
      db: 2,
    });
    expect(redisOptions('redis://127.0.0.1:6379')).toEqual({
      host: '127.0.0.1',
      port: 6379,
      db: 0,
    });
  });

  it('reads a unix socket and TLS', () => {
    expect(redisOptions('redis+unix:///work/shop/.data/redis/redis.sock')).toEqual({
      path: '/work/shop/.data/redis/redis.sock',
      db: 0,
    });
    expect(redisOptions('rediss://cache:6379')).toMatchObject({ tls: {} });
  });

  it('refuses another scheme with the ones it takes', () => {
    expect(() => redisOptions('http://cache:6379')).toThrow(
      /redis:\/\/, rediss:\/\/ or redis\+unix:\/\//,
    );
  });
});
