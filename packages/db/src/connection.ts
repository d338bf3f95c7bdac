/**
 * Connection helpers shared by the migrator, the seed and the test-database factory: short-lived `pg`
 * clients whose failures become the typed errors of `errors.ts`.
 */
import pg from 'pg';
import {
  DatabaseAuthError,
  DatabaseMissingError,
  DatabaseUnreachableError,
  DbError,
} from './errors';

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ECONNRESET',
]);

export function parseDatabaseUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DbError(
      'INVALID_URL',
      'DATABASE_URL is not a valid URL (expected postgresql://user[:password]@host:port/database).',
    );
  }
  if (parsed.protocol !== 'postgresql:' && parsed.protocol !== 'postgres:') {
    throw new DbError(
      'INVALID_URL',
      `DATABASE_URL must start with postgresql:// (got ${parsed.protocol}//).`,
    );
  }
  return parsed;
}

export function databaseName(url: string): string {
  const name = decodeURIComponent(parseDatabaseUrl(url).pathname.replace(/^\//, ''));
  if (!name)
    throw new DbError(
      'INVALID_URL',
      'DATABASE_URL names no database (expected .../<database> at the end).',
    );
  return name;
}

/** The same server and credentials, another database. */
export function withDatabase(url: string, name: string): string {
  const parsed = parseDatabaseUrl(url);
  parsed.pathname = `/${encodeURIComponent(name)}`;
  return parsed.toString();
}

/** `host:port/database`, never the password: safe for messages and logs. */
export function describeTarget(url: string): string {
  const parsed = parseDatabaseUrl(url);
  const db = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  return `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}${db ? `/${db}` : ''}`;
}

/** `host:port`: names the server in connection errors. */
export function describeServer(url: string): string {
  const parsed = parseDatabaseUrl(url);
  return `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}`;
}

export function isLocalHost(url: string): boolean {
  const host = parseDatabaseUrl(url).hostname.replace(/^\[|\]$/g, '');
  return host === '' || host === 'localhost' || host === '127.0.0.1' || host === '::1';
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

interface PgLikeError {
  code?: string;
  message?: string;
  errors?: PgLikeError[];
}

/** Turns a driver error into one of the typed errors, or returns `undefined` when it is not a connection problem. */
export function connectionError(error: unknown, url: string): DbError | undefined {
  if (error instanceof DbError) return error;
  const e = (error ?? {}) as PgLikeError;
  const code = e.code ?? e.errors?.[0]?.code;
  const message = e.message ?? '';
  if ((code && NETWORK_CODES.has(code)) || /timeout/i.test(message)) {
    return new DatabaseUnreachableError(
      describeServer(url),
      code === 'ECONNREFUSED' ? 'connection refused' : (code ?? 'connection timed out'),
      { cause: error },
    );
  }
  if (code === '28P01' || code === '28000' || /SASL|client password/i.test(message)) {
    return new DatabaseAuthError(
      describeServer(url),
      decodeURIComponent(parseDatabaseUrl(url).username) || 'default',
      { cause: error },
    );
  }
  if (code === '3D000') return new DatabaseMissingError(describeTarget(url), { cause: error });
  return undefined;
}

/** Opens one client; the caller must `end()` it. Fails fast (5 s) on an unreachable server. */
export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw (
      connectionError(error, url) ??
      new DbError('QUERY_FAILED', `Cannot connect to ${describeTarget(url)}: ${String(error)}`, {
        cause: error,
      })
    );
  }
  return client;
}

/** Runs `work` with a client connected to `url`, always closing it. */
export async function withClient<T>(
  url: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = await connect(url);
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * A client on the server's maintenance database (`postgres`, else `template1`), for CREATE/DROP DATABASE.
 * The database named in `url` may not exist yet, so it is never used here.
 */
export async function withMaintenanceClient<T>(
  url: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  try {
    return await withClient(withDatabase(url, 'postgres'), work);
  } catch (error) {
    if (error instanceof DatabaseMissingError)
      return withClient(withDatabase(url, 'template1'), work);
    throw error;
  }
}
