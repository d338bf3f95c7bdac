/**
 * Everything about reaching a PostgreSQL server, for this package and for the repository scripts
 * (`scripts/lib/db.mjs` loads it through tsx): URL handling, reachability checks, and short-lived `pg`
 * clients whose failures become the typed errors of `errors.ts`.
 *
 * A URL may name a TCP server (`postgresql://user@host:5432/db`) or a unix socket, the way libpq and
 * `pg` spell it: `postgresql://user@localhost:5432/db?host=%2Fpath%2Fto%2Fdir` (the socket file is
 * `<dir>/.s.PGSQL.<port>`). The scripts' private server is reached that way.
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

/** How long `connect` waits for a server by default; `probeServer` waits less. */
const CONNECT_TIMEOUT_MS = 5000;
const PROBE_TIMEOUT_MS = 3000;

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

/** The socket directory of a unix-socket URL (`?host=/dir`), or undefined for a TCP URL. */
export function socketDirectory(url: string): string | undefined {
  const host = parseDatabaseUrl(url).searchParams.get('host');
  return host?.startsWith('/') ? host : undefined;
}

/** A URL for the server listening on the unix socket `<socketDir>/.s.PGSQL.<port>`. */
export function unixSocketUrl(options: {
  socketDir: string;
  port: number;
  database: string;
  user?: string;
}): string {
  const user = encodeURIComponent(options.user ?? 'postgres');
  const database = encodeURIComponent(options.database);
  const host = encodeURIComponent(options.socketDir);
  return `postgresql://${user}@localhost:${options.port}/${database}?host=${host}`;
}

/** `host:port/database`, never the password: safe for messages and logs. */
export function describeTarget(url: string): string {
  const parsed = parseDatabaseUrl(url);
  const db = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  return `${describeServer(url)}${db ? `/${db}` : ''}`;
}

/** `host:port` (or the socket file): names the server in connection errors. */
export function describeServer(url: string): string {
  const parsed = parseDatabaseUrl(url);
  const port = parsed.searchParams.get('port') || parsed.port || '5432';
  const socketDir = socketDirectory(url);
  if (socketDir) return `${socketDir.replace(/\/$/, '')}/.s.PGSQL.${port}`;
  return `${parsed.hostname || 'localhost'}:${port}`;
}

/** The URL with its password replaced by ***, safe to print; never throws. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparseable URL>';
  }
}

export function isLocalHost(url: string): boolean {
  if (socketDirectory(url)) return true;
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

/** Opens one raw client; driver errors are thrown as they are. */
async function openClient(url: string, timeoutMs: number): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  return client;
}

export interface ConnectOptions {
  /** Give up on a server that does not answer after this long (default 5 s). */
  timeoutMs?: number;
}

/** Opens one client; the caller must `end()` it. Fails fast (5 s) on an unreachable server. */
export async function connect(url: string, options: ConnectOptions = {}): Promise<pg.Client> {
  try {
    return await openClient(url, options.timeoutMs ?? CONNECT_TIMEOUT_MS);
  } catch (error) {
    throw (
      connectionError(error, url) ??
      new DbError('QUERY_FAILED', `Cannot connect to ${describeTarget(url)}: ${String(error)}`, {
        cause: error,
      })
    );
  }
}

/** Runs `work` with a client connected to `url`, always closing it. */
export async function withClient<T>(
  url: string,
  work: (client: pg.Client) => Promise<T>,
  options: ConnectOptions = {},
): Promise<T> {
  const client = await connect(url, options);
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Why connecting failed, as a short clause for "… does not work: <reason>" (from node-postgres and
 * libuv error codes). Never contains the password.
 */
export function describeConnectionFailure(
  error: unknown,
  url: string,
  timeoutMs = PROBE_TIMEOUT_MS,
): string {
  const e = (error ?? {}) as PgLikeError;
  const message = e.message ?? String(error);
  let where: string;
  let user: string;
  try {
    where = describeServer(url);
    user = decodeURIComponent(parseDatabaseUrl(url).username) || 'the default user';
  } catch {
    return 'it is not a valid postgresql:// URL';
  }
  const code = e.code ?? e.errors?.[0]?.code;
  switch (code) {
    case 'ECONNREFUSED':
      return `nothing is listening at ${where} (connection refused)`;
    case 'ENOENT':
      return `nothing is listening at ${where} (no such socket)`;
    case 'EACCES':
      return `${where} is not open to this user (permission denied)`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `the host of ${where} cannot be resolved`;
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${where} is unreachable (${code})`;
    case '28P01':
      return `password authentication failed for ${user} at ${where}`;
    case '28000':
      return `the server at ${where} refused ${user}: ${message}`;
    case '57P03':
      return `the server at ${where} is starting up or shutting down`;
    default:
      break;
  }
  if (/timeout/i.test(message)) return `no answer from ${where} within ${timeoutMs / 1000}s`;
  if (/password must be a string|SASL/i.test(message))
    return `the server at ${where} asks for a password and the URL has none`;
  if (error instanceof TypeError || /invalid url/i.test(message))
    return 'it is not a valid postgresql:// URL';
  return `${message.split('\n')[0]} (${where})`;
}

export type ProbeResult = { ok: true; databaseMissing: boolean } | { ok: false; reason: string };

/**
 * Whether a server answers at `url` (a missing database still counts: `ensureDatabase` creates it).
 * Never throws; `reason` is one line without the password.
 */
export async function probeServer(url: string, options: ConnectOptions = {}): Promise<ProbeResult> {
  const timeoutMs = options.timeoutMs ?? PROBE_TIMEOUT_MS;
  if (!/^postgres(ql)?:\/\//.test(url))
    return { ok: false, reason: 'it is not a postgresql:// URL' };
  let client: pg.Client | undefined;
  try {
    client = await openClient(url, timeoutMs);
    await client.query('SELECT 1');
    return { ok: true, databaseMissing: false };
  } catch (error) {
    if ((error as PgLikeError).code === '3D000') return { ok: true, databaseMissing: true };
    return { ok: false, reason: describeConnectionFailure(error, url, timeoutMs) };
  } finally {
    await client?.end().catch(() => undefined);
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
