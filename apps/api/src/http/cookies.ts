import type { IncomingMessage, ServerResponse } from 'node:http';

export interface CookieOptions {
  /** Seconds; omitted means a browser-session cookie. */
  maxAge?: number;
}

/** What the API needs from cookies: the HTTP server backs it with headers, tests with a map. */
export interface CookieJar {
  get(name: string): string | undefined;
  set(name: string, value: string, options?: CookieOptions): void;
  clear(name: string): void;
}

export function parseCookieHeader(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    if (!cookies.has(name)) cookies.set(name, safeDecode(raw));
  }
  return cookies;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export function serializeCookie(
  name: string,
  value: string,
  options: CookieOptions & { secure: boolean },
): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/', 'HttpOnly', 'SameSite=Lax'];
  if (options.maxAge !== undefined) {
    parts.push(`Max-Age=${options.maxAge}`);
    parts.push(`Expires=${new Date(Date.now() + options.maxAge * 1000).toUTCString()}`);
  }
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}

const localHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Secure in production, except over plain http to a loopback host, so that `npm start` and the
 * end-to-end tests on http://localhost keep their session.
 */
export function shouldUseSecureCookies(req: IncomingMessage, production: boolean): boolean {
  if (!production) return false;
  const proto = firstHeader(req.headers['x-forwarded-proto']) ?? 'http';
  const host = firstHeader(req.headers['x-forwarded-host']) ?? req.headers.host ?? '';
  const hostname = host.replace(/:\d+$/, '').toLowerCase();
  return !(proto.split(',')[0]?.trim() === 'http' && localHosts.has(hostname));
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function createHttpCookieJar(
  req: IncomingMessage,
  res: ServerResponse,
  secure: boolean,
): CookieJar {
  const cookies = parseCookieHeader(req.headers.cookie);
  return {
    get: (name) => cookies.get(name),
    set(name, value, options = {}) {
      cookies.set(name, value);
      res.appendHeader('set-cookie', serializeCookie(name, value, { ...options, secure }));
    },
    clear(name) {
      cookies.delete(name);
      res.appendHeader('set-cookie', serializeCookie(name, '', { maxAge: 0, secure }));
    },
  };
}

/** An in-memory jar for `createCaller` tests: it behaves like one browser. */
export function createMemoryCookieJar(initial: Record<string, string> = {}): CookieJar & {
  all(): Record<string, string>;
} {
  const cookies = new Map(Object.entries(initial));
  return {
    get: (name) => cookies.get(name),
    set: (name, value, options = {}) => {
      if (options.maxAge === 0) cookies.delete(name);
      else cookies.set(name, value);
    },
    clear: (name) => cookies.delete(name),
    all: () => Object.fromEntries(cookies),
  };
}
