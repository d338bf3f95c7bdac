/**
 * Reaching the worker's PostgreSQL server: URL handling (the same server, another database), the
 * maintenance client that CREATE/DROP DATABASE needs, and descriptions safe to print (never the
 * password). The worker keeps its own copy of these few helpers: it shares no code with the API's
 * database package.
 */
import pg from 'pg';

const CONNECT_TIMEOUT_MS = 5000;

export function parseDatabaseUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(
      'WORKER_DATABASE_URL is not a valid URL (expected postgresql://user[:password]@host:port/database).',
    );
  }
  if (parsed.protocol !== 'postgresql:' && parsed.protocol !== 'postgres:')
    throw new Error(`A database URL must start with postgresql:// (got ${parsed.protocol}//).`);
  return parsed;
}

export function databaseName(url: string): string {
  const name = decodeURIComponent(parseDatabaseUrl(url).pathname.replace(/^\//, ''));
  if (!name) throw new Error('The database URL names no database (expected …/<database>).');
  return name;
}

/** The same server and credentials, another database. */
export function withDatabase(url: string, name: string): string {
  const parsed = parseDatabaseUrl(url);
  parsed.pathname = `/${encodeURIComponent(name)}`;
  return parsed.toString();
}

/** `host:port/database` (or the socket directory), never the password: safe for messages and logs. */
export function describeTarget(url: string): string {
  const parsed = parseDatabaseUrl(url);
  const host = parsed.searchParams.get('host') ?? (parsed.hostname || 'localhost');
  const port = parsed.searchParams.get('port') ?? (parsed.port || '5432');
  return `${host}:${port}/${decodeURIComponent(parsed.pathname.replace(/^\//, ''))}`;
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Runs `work` with one client connected to `url`, always closing it. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new Error(`Cannot connect to ${describeTarget(url)}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * A client on the server's maintenance database (`postgres`, else `template1`), for CREATE and
 * DROP DATABASE: the database named in `url` may not exist yet.
 */
export async function withMaintenanceClient<T>(
  url: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  try {
    return await withClient(withDatabase(url, 'postgres'), work);
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code === '3D000')
      return withClient(withDatabase(url, 'template1'), work);
    throw error;
  }
}
