import { describe, expect, it } from 'vitest';
import {
  connectionError,
  databaseName,
  describeTarget,
  isLocalHost,
  parseDatabaseUrl,
  withDatabase,
} from './connection';
import { DatabaseAuthError, DatabaseMissingError, DatabaseUnreachableError } from './errors';

const url = 'postgresql://shop:s3cret@db.internal:6543/shop?sslmode=disable';

describe('connection URLs', () => {
  it('swaps the database but keeps server, credentials and options', () => {
    expect(withDatabase(url, 'shop_test_x')).toBe(
      'postgresql://shop:s3cret@db.internal:6543/shop_test_x?sslmode=disable',
    );
  });

  it('describes a target without leaking the password', () => {
    expect(describeTarget(url)).toBe('db.internal:6543/shop');
    expect(describeTarget('postgresql://postgres@localhost/app')).toBe('localhost:5432/app');
  });

  it('reads the database name', () => {
    expect(databaseName(url)).toBe('shop');
    expect(() => databaseName('postgresql://localhost:5432')).toThrow(/names no database/);
  });

  it('rejects URLs that are not postgresql://', () => {
    expect(() => parseDatabaseUrl('mysql://localhost/db')).toThrow(/must start with postgresql/);
    expect(() => parseDatabaseUrl('not a url')).toThrow(/not a valid URL/);
  });

  it('knows which hosts are local', () => {
    expect(isLocalHost('postgresql://postgres@127.0.0.1:5432/shop')).toBe(true);
    expect(isLocalHost('postgresql://postgres@localhost/shop')).toBe(true);
    expect(isLocalHost('postgresql://postgres@[::1]:5432/shop')).toBe(true);
    expect(isLocalHost(url)).toBe(false);
  });
});

describe('connectionError', () => {
  it('maps driver failures to typed errors with one-line messages', () => {
    const refused = connectionError(
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      url,
    );
    expect(refused).toBeInstanceOf(DatabaseUnreachableError);
    expect(refused?.message).toBe(
      'Cannot reach PostgreSQL at db.internal:6543 (connection refused). Is the server running, and is DATABASE_URL right?',
    );
    expect(
      connectionError(
        Object.assign(new Error('password authentication failed'), { code: '28P01' }),
        url,
      ),
    ).toBeInstanceOf(DatabaseAuthError);
    expect(
      connectionError(
        Object.assign(new Error('database "shop" does not exist'), { code: '3D000' }),
        url,
      ),
    ).toBeInstanceOf(DatabaseMissingError);
    expect(
      connectionError(Object.assign(new Error('syntax error'), { code: '42601' }), url),
    ).toBeUndefined();
  });

  it('never puts the password in a message', () => {
    const error = connectionError(Object.assign(new Error('x'), { code: '28P01' }), url);
    expect(error?.message).not.toContain('s3cret');
    expect(error?.message).toContain('"shop"');
  });
});
