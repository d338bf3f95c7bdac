/**
 * A fixed, never-served origin to resolve candidates against: whatever a browser would make of the
 * string (it drops tabs and newlines, reads `\` as `/`, lower-cases schemes), the WHATWG URL parser
 * makes of it too, so "same origin as this" means "stays on our site".
 */
const siteOrigin = 'https://site.invalid';

/**
 * Only same-site paths may be a post-login destination (no open redirect): the value must start
 * with `/`, resolve to our own origin, and is returned as the parsed URL's path, query and hash,
 * so that what we redirect to is exactly what we checked.
 */
export function safeNextPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || !value.startsWith('/')) return fallback;
  let url: URL;
  try {
    url = new URL(value, siteOrigin);
  } catch {
    return fallback;
  }
  if (url.origin !== siteOrigin) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.test" parses to the path "//evil.test", which on its own would name another host.
  if (path.startsWith('//')) return fallback;
  return path;
}
