import { describe, expect, it } from 'vitest';
import {
  connectionError,
  databaseName,
  describeConnectionFailure,
  describeServer,
  describeTarget,
  isLocalHost,
  parseDatabaseUrl,
  probeServer,
  redactUrl,
  socketDirectory,
  unixSocketUrl,
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

describe('unix-socket URLs', () => {
  const socket = unixSocketUrl({ socketDir: '/repo/.data/postgres', port: 5432, database: 'shop' });

  it('spell the socket directory the way pg and libpq read it', () => {
    expect(socket).toBe(
      'postgresql://postgres@localhost:5432/shop?host=%2Frepo%2F.data%2Fpostgres',
    );
    expect(socketDirectory(socket)).toBe('/repo/.data/postgres');
    expect(socketDirectory(url)).toBeUndefined();
  });

  it('keep the socket when the database changes, and name the socket file in messages', () => {
    const other = withDatabase(socket, 'shop_test_x');
    expect(socketDirectory(other)).toBe('/repo/.data/postgres');
    expect(databaseName(other)).toBe('shop_test_x');
    expect(describeServer(other)).toBe('/repo/.data/postgres/.s.PGSQL.5432');
    expect(describeTarget(other)).toBe('/repo/.data/postgres/.s.PGSQL.5432/shop_test_x');
  });

  it('count as local', () => {
    expect(isLocalHost(socket)).toBe(true);
  });
});

describe('redactUrl', () => {
  it('masks only the password', () => {
    expect(redactUrl('postgresql://u:p@h:5/db')).toBe('postgresql://u:***@h:5/db');
    expect(redactUrl('postgresql://u@h:5/db')).toBe('postgresql://u@h:5/db');
    expect(redactUrl('not a url')).toBe('<unparseable URL>');
  });
});

describe('describeConnectionFailure', () => {
  const target = 'postgresql://shop:pw@db.example:5433/shop';

  it('names a refused connection, a wrong password and a timeout without echoing the password', () => {
    expect(
      describeConnectionFailure(Object.assign(new Error('x'), { code: 'ECONNREFUSED' }), target),
    ).toBe('nothing is listening at db.example:5433 (connection refused)');
    expect(
      describeConnectionFailure(
        Object.assign(new Error('password authentication failed'), { code: '28P01' }),
        target,
      ),
    ).toBe('password authentication failed for shop at db.example:5433');
    expect(
      describeConnectionFailure(
        new Error('Connection terminated due to connection timeout'),
        target,
      ),
    ).toBe('no answer from db.example:5433 within 3s');
    expect(
      describeConnectionFailure(
        new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string'),
        target,
      ),
    ).toBe('the server at db.example:5433 asks for a password and the URL has none');
  });

  it('names a missing or closed unix socket', () => {
    const socket = unixSocketUrl({ socketDir: '/nowhere', port: 5432, database: 'shop' });
    expect(
      describeConnectionFailure(Object.assign(new Error('x'), { code: 'ENOENT' }), socket),
    ).toBe('nothing is listening at /nowhere/.s.PGSQL.5432 (no such socket)');
    expect(
      describeConnectionFailure(Object.assign(new Error('x'), { code: 'EACCES' }), socket),
    ).toBe('/nowhere/.s.PGSQL.5432 is not open to this user (permission denied)');
  });
});

describe('probeServer', () => {
  it('says why a server cannot be reached, in one line, and never throws', async () => {
    expect(await probeServer('mysql://127.0.0.1/shop')).toEqual({
      ok: false,
      reason: 'it is not a postgresql:// URL',
    });
    expect(await probeServer('postgresql://postgres@127.0.0.1:1/shop')).toEqual({
      ok: false,
      reason: 'nothing is listening at 127.0.0.1:1 (connection refused)',
    });
    const socket = unixSocketUrl({ socketDir: '/nonexistent-dir', port: 5432, database: 'shop' });
    expect(await probeServer(socket)).toEqual({
      ok: false,
      reason: 'nothing is listening at /nonexistent-dir/.s.PGSQL.5432 (no such socket)',
    });
  });
});
