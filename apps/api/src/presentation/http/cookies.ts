/**
 * Cookies on the wire, parsed and written with the `cookie` package. Every cookie the API sets is
 * HttpOnly, SameSite=Lax, Path=/ and host-only (no Domain). Over HTTPS in production (decided from
 * configuration, never from a request header) each is also Secure and named with the `__Host-`
 * prefix, which a sibling subdomain or a plain-http page cannot set.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseCookie, stringifySetCookie } from 'cookie';

export interface CookieOptions {
  /** Seconds; omitted means a browser-session cookie. */
  maxAge?: number;
}

/** What the API needs from cookies: the HTTP server backs it with headers, tests with a map. */
export interface CookieJar {
  /** The first value the request carries for `name`. */
  get(name: string): string | undefined;
  /** Every value the request carries for `name`, in header order (duplicates are possible). */
  getAll(name: string): string[];
  set(name: string, value: string, options?: CookieOptions): void;
  clear(name: string): void;
}

export interface CookiePolicy {
  /** Add `Secure` to every cookie. */
  secure: boolean;
  /** Name every cookie `__Host-<name>` (needs `secure`). */
  hostPrefix: boolean;
}

export const plainCookies: CookiePolicy = { secure: false, hostPrefix: false };

/**
 * Secure, `__Host-` cookies when the API runs in production for an https site. The site's origin
 * comes from configuration (PUBLIC_ORIGIN, else the first of ALLOWED_ORIGINS), so `npm start` and
 * the end-to-end tests on http://localhost keep their session in production mode, and a forged
 * `X-Forwarded-Proto` changes nothing.
 */
export function cookiePolicy(options: {
  production: boolean;
  publicOrigin?: string | undefined;
}): CookiePolicy {
  const https = options.production && isHttpsOrigin(options.publicOrigin);
  return { secure: https, hostPrefix: https };
}

export function isHttpsOrigin(origin: string | undefined): boolean {
  if (!origin) return false;
  try {
    return new URL(origin).protocol === 'https:';
  } catch {
    return false;
  }
}

/** The cookie's name on the wire under `policy`. */
export function wireName(name: string, policy: CookiePolicy): string {
  return policy.hostPrefix ? `__Host-${name}` : name;
}

/** Every cookie in a Cookie header, each name with all its values in order. */
export function parseCookieHeader(header: string | undefined): Map<string, string[]> {
  const cookies = new Map<string, string[]>();
  // `parseCookie` keeps only the first of duplicate names; parse pair by pair to keep them all.
  for (const pair of (header ?? '').split(';')) {
    for (const [name, value] of Object.entries(parseCookie(pair))) {
      if (value === undefined) continue;
      const values = cookies.get(name);
      if (values) values.push(value);
      else cookies.set(name, [value]);
    }
  }
  return cookies;
}

export function serializeCookie(
  name: string,
  value: string,
  options: CookieOptions & { secure: boolean },
): string {
  return stringifySetCookie(name, value, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: options.secure,
    ...(options.maxAge !== undefined
      ? { maxAge: options.maxAge, expires: new Date(Date.now() + options.maxAge * 1000) }
      : {}),
  });
}

export function createHttpCookieJar(
  req: IncomingMessage,
  res: ServerResponse,
  policy: CookiePolicy = plainCookies,
): CookieJar {
  const cookies = parseCookieHeader(req.headers.cookie);
  const write = (name: string, value: string, options: CookieOptions) =>
    res.appendHeader(
      'set-cookie',
      serializeCookie(wireName(name, policy), value, { ...options, secure: policy.secure }),
    );
  return {
    get: (name) => cookies.get(wireName(name, policy))?.[0],
    getAll: (name) => [...(cookies.get(wireName(name, policy)) ?? [])],
    set(name, value, options = {}) {
      cookies.set(wireName(name, policy), [value]);
      write(name, value, options);
    },
    clear(name) {
      cookies.delete(wireName(name, policy));
      write(name, '', { maxAge: 0 });
    },
  };
}

/** An in-memory jar for `createCaller` tests: it behaves like one browser. */
export function createMemoryCookieJar(initial: Record<string, string> = {}): CookieJar & {
  all(): Record<string, string>;
} {
  const cookies = new Map(Object.entries(initial));
  const get = (name: string) => cookies.get(name);
  return {
    get,
    getAll: (name) => {
      const value = get(name);
      return value === undefined ? [] : [value];
    },
    set: (name, value, options = {}) => {
      if (options.maxAge === 0) cookies.delete(name);
      else cookies.set(name, value);
    },
    clear: (name) => cookies.delete(name),
    all: () => Object.fromEntries(cookies),
  };
}
