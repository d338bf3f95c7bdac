import { describe, expect, it } from 'vitest';
import { withDatabase } from './connection';
import { DEFAULT_SERVER_URL, readEnv } from './env';
import { DatabaseUnreachableError } from './errors';
import { dropDatabase, ensureDatabase } from './server';

const serverUrl = readEnv().databaseUrl ?? DEFAULT_SERVER_URL;

describe('ensureDatabase', () => {
  it('creates a missing database once, even when called concurrently', async () => {
    const url = withDatabase(
      serverUrl,
      `shop_test_ensure_${Math.random().toString(36).slice(2, 10)}`,
    );
    try {
      const results = await Promise.all([
        ensureDatabase(url),
        ensureDatabase(url),
        ensureDatabase(url),
      ]);
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(await ensureDatabase(url)).toEqual({ created: false });
    } finally {
      expect(await dropDatabase(url)).toEqual({ dropped: true });
    }
  });

  it('gives a clear error for an unreachable DATABASE_URL', async () => {
    await expect(ensureDatabase('postgresql://postgres@127.0.0.1:1/shop')).rejects.toThrow(
      DatabaseUnreachableError,
    );
    await expect(ensureDatabase('postgresql://postgres@127.0.0.1:1/shop')).rejects.toThrow(
      /^Cannot reach PostgreSQL at 127\.0\.0\.1:1 \(connection refused\)/,
    );
  });
});
