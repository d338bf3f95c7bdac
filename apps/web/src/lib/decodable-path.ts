/**
 * Whether every percent escape in a URL path decodes (`/products/%` and `/products/%E0%A4%A` do
 * not). Next.js answers such a path with a bare 500 when it decodes a dynamic segment, so
 * `proxy.ts` refuses it first with a 400: the client's mistake, not the server's.
 */
export function isDecodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}
