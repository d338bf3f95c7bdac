// Redis URL handling, the start-up check's verdicts and the private server's configuration, without
// a server (the unreachable REDIS_URL cases only need a refused connection).
import { describe, expect, it } from 'vitest';
import {
  describeRedisServer,
  redactRedisUrl,
  redisCliArgs,
  redisConnectionOptions,
  redisUnixSocketUrl,
} from '../lib/redis-connection.mjs';
import { parseInfo, queueVerdicts } from '../lib/redis-check.mjs';
import { privateServerConfig } from '../lib/redis.mjs';
import { ProvisionError, ensureRedis } from '../lib/services.mjs';

describe('Redis URLs', () => {
  it('reads redis://, rediss:// and redis+unix:// into connection options', () => {
    expect(redisConnectionOptions('redis://127.0.0.1:6379')).toEqual({
      host: '127.0.0.1',
      port: 6379,
    });
    expect(redisConnectionOptions('redis://u:p%40ss@cache.internal/2')).toEqual({
      host: 'cache.internal',
      port: 6379,
      username: 'u',
      password: 'p@ss',
      db: 2,
    });
    expect(redisConnectionOptions('rediss://:pw@[::1]:6380')).toEqual({
      host: '::1',
      port: 6380,
      password: 'pw',
      tls: {},
    });
    expect(redisConnectionOptions('redis+unix:///srv/shop/.data/redis/redis.sock?db=3')).toEqual({
      path: '/srv/shop/.data/redis/redis.sock',
      db: 3,
    });
    expect(redisConnectionOptions('redis+unix://:pw@localhost/run/redis.sock')).toEqual({
      path: '/run/redis.sock',
      password: 'pw',
    });
  });

  it('rejects what is not a Redis URL with a reason', () => {
    expect(() => redisConnectionOptions('http://127.0.0.1:6379')).toThrow(
      'it is not a redis://, rediss:// or redis+unix:// URL',
    );
    expect(() => redisConnectionOptions('redis://127.0.0.1/shop')).toThrow(
      'the database "shop" is not a number',
    );
    expect(() => redisConnectionOptions('redis+unix://cache.internal/run/redis.sock')).toThrow(
      'names a socket on this machine',
    );
    expect(() => redisConnectionOptions('redis+unix:///')).toThrow('absolute path');
  });

  it('spells a socket path as a redis+unix:// URL that reads back to the same path', () => {
    const socket = '/home/a user/shop/.data/redis/redis.sock';
    const url = redisUnixSocketUrl(socket);
    expect(url).toBe('redis+unix:///home/a%20user/shop/.data/redis/redis.sock');
    expect(redisConnectionOptions(url)).toEqual({ path: socket });
    expect(describeRedisServer(url)).toBe(socket);
  });

  it('never prints the password', () => {
    expect(redactRedisUrl('redis://u:s3cret@h:6379/0')).toBe('redis://u:***@h:6379/0');
    expect(redactRedisUrl('redis+unix://:s3cret@localhost/run/r.sock')).toBe(
      'redis+unix://:***@localhost/run/r.sock',
    );
    expect(redactRedisUrl('redis://h:6379')).toBe('redis://h:6379');
    expect(redactRedisUrl('not a url')).toBe('<unparseable URL>');
    expect(describeRedisServer('redis://u:s3cret@h:7000')).toBe('h:7000');
    expect(redisCliArgs('rediss://u:s3cret@h:7000/1')).toEqual([
      '-h',
      'h',
      '-p',
      '7000',
      '--tls',
      '--user',
      'u',
      '--askpass',
      '-n',
      '1',
    ]);
    expect(redisCliArgs('redis+unix:///run/r.sock')).toEqual(['-s', '/run/r.sock']);
  });
});

describe('ensureRedis with REDIS_URL set', () => {
  it('reports a clear one-line error for an unreachable REDIS_URL, without its password', async () => {
    const message = await ensureRedis({
      env: { REDIS_URL: 'redis://:s3cret@127.0.0.1:1/0' },
    }).catch((error) => {
      expect(error).toBeInstanceOf(ProvisionError);
      return error.message;
    });
    expect(message).toBe(
      'REDIS_URL (redis://:***@127.0.0.1:1/0) does not work: nothing is listening at ' +
        '127.0.0.1:1 (connection refused). Fix the URL or the server, or unset REDIS_URL to let ' +
        'the scripts provide one.',
    );
  });

  it('names a missing socket and a URL of the wrong kind', async () => {
    await expect(
      ensureRedis({ env: { REDIS_URL: 'redis+unix:///nonexistent/redis.sock' } }),
    ).rejects.toThrow('nothing is listening at /nonexistent/redis.sock (no such socket)');
    await expect(
      ensureRedis({ env: { REDIS_URL: 'postgresql://127.0.0.1/shop' } }),
    ).rejects.toThrow('it is not a redis://, rediss:// or redis+unix:// URL');
  });
});

describe('the start-up check for queues', () => {
  const url = 'redis://:s3cret@cache.internal:6380';
  const sound = { version: '7.2.4', maxmemoryPolicy: 'noeviction', appendonly: true, save: '' };

  it('passes a server that never evicts and keeps an append-only file', () => {
    expect(queueVerdicts(sound, url)).toEqual({ errors: [], warnings: [] });
    expect(queueVerdicts({ ...sound, appendonly: false, save: '3600 1' }, url).warnings).toEqual(
      [],
    );
  });

  it('fails a server that may evict keys, with the fix', () => {
    const { errors } = queueVerdicts({ ...sound, maxmemoryPolicy: 'allkeys-lru' }, url);
    expect(errors).toEqual([
      'Redis at cache.internal:6380 may evict keys when its memory is full (maxmemory-policy ' +
        'allkeys-lru), which would silently drop queued jobs. Fix: `redis-cli -h cache.internal ' +
        '-p 6380 --askpass CONFIG SET maxmemory-policy noeviction` and the line ' +
        '`maxmemory-policy noeviction` in its redis.conf.',
    ]);
    expect(errors.join()).not.toContain('s3cret');
  });

  it('only warns, in one line, about a server that keeps nothing on disk', () => {
    const { errors, warnings } = queueVerdicts({ ...sound, appendonly: false, save: '' }, url);
    expect(errors).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/keeps nothing on disk .* lost if it restarts — fine for tests/);
    expect(warnings[0]).toContain('CONFIG SET appendonly yes');
    expect(warnings[0]).not.toContain('\n');
  });

  it('does not judge persistence when CONFIG is refused (managed servers)', () => {
    expect(queueVerdicts({ ...sound, appendonly: false, save: null }, url).warnings).toEqual([]);
  });

  it('warns below Redis 6.2 and fails below 5', () => {
    expect(queueVerdicts({ ...sound, version: '6.0.16' }, url).warnings[0]).toContain(
      'is version 6.0.16; BullMQ recommends 6.2 or newer',
    );
    expect(queueVerdicts({ ...sound, version: '6.2.0' }, url).warnings).toEqual([]);
    expect(queueVerdicts({ ...sound, version: '10.0.1' }, url).warnings).toEqual([]);
    expect(queueVerdicts({ ...sound, version: '4.0.14' }, url).errors[0]).toContain(
      'is version 4.0.14; BullMQ needs Redis 5.0 or newer',
    );
  });

  it("reads INFO's key:value lines", () => {
    expect(
      parseInfo(
        '# Server\r\nredis_version:7.0.15\r\n\r\n# Memory\r\nmaxmemory_policy:noeviction\r\n',
      ),
    ).toEqual({ redis_version: '7.0.15', maxmemory_policy: 'noeviction' });
  });
});

describe("the private server's configuration", () => {
  it('listens on a unix socket only, appends every write and never evicts', () => {
    const config = privateServerConfig('/repo/.data/redis');
    for (const line of [
      'port 0',
      'unixsocket "/repo/.data/redis/redis.sock"',
      'unixsocketperm 700',
      'dir "/repo/.data/redis"',
      'appendonly yes',
      'appendfsync everysec',
      'maxmemory-policy noeviction',
    ])
      expect(config.split('\n')).toContain(line);
    expect(privateServerConfig('/a "b"\\c')).toContain('dir "/a \\"b\\"\\\\c"');
  });
});
