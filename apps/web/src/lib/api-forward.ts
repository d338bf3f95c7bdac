/**
 * The browser's tRPC calls arrive at the web's own `/api/trpc/<procedures>` and are forwarded here
 * to `${apiUrl}/trpc/<procedures>` with fetch. Only the headers the API needs go up, only the
 * headers the browser needs come back: nothing in the answer names the API's address.
 */

const prefix = '/api/trpc/';
/** Procedure paths only ("cart.add", or a comma-separated batch): nothing else of the API is reachable. */
const procedurePath = /^[\w.,]+$/;

/**
 * Up: the body's type, the shopper's cookies, what the API's cross-site guard reads (Origin,
 * Sec-Fetch-Site) and `x-request-id` (the API keeps a short plain one for its log line, else mints
 * its own). The scheme and host are not sent: the API decides Secure cookies from its own
 * configuration, never from forwarded headers.
 */
const requestHeaders = [
  'content-type',
  'cookie',
  'origin',
  'sec-fetch-site',
  'x-request-id',
] as const;
/** Down: Set-Cookie (every one of them) and these; `x-request-id` finds the API's log line. */
const responseHeaders = [
  'content-type',
  'cache-control',
  'retry-after',
  'x-content-type-options',
  'x-request-id',
] as const;

export const apiUnreachableMessage = 'The shop is not reachable right now. Please try again.';

/**
 * Who asked, for the API's per-address limits. The web's server (`server.mjs`) appends the address
 * of the peer it really saw to the right of `x-forwarded-for`; whatever a client wrote stays to its
 * left. The API walks the list from the right through its TRUSTED_PROXIES and stops at the first
 * address it does not trust, so the list goes on as it came, cut at the first entry from the right
 * that is not an address, and to the 16 rightmost hops. (`next start` and `next dev` only fill the
 * header when it is missing: a client's own header would then be the rightmost entry.)
 */
export function forwardedFor(header: string | null): string | undefined {
  const hops: string[] = [];
  for (const hop of (header ?? '').split(',').reverse()) {
    const address = hop.trim();
    if (!/^[\da-fA-F:.]{2,45}$/.test(address) || hops.length === 16) break;
    hops.unshift(address);
  }
  return hops.length > 0 ? hops.join(', ') : undefined;
}

function copy(from: Headers, to: Headers, names: readonly string[]): void {
  for (const name of names) {
    const value = from.get(name);
    if (value !== null) to.set(name, value);
  }
}

/** Forwards one `/api/trpc/*` request to the API and streams its answer back. */
export async function forwardToApi(
  request: Request,
  apiUrl: string,
  fetchImpl: typeof fetch = fetch,
): Promise<Response> {
  const { pathname, search } = new URL(request.url);
  const procedures = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : '';
  if (!procedurePath.test(procedures)) return new Response(null, { status: 404 });

  const headers = new Headers();
  copy(request.headers, headers, requestHeaders);
  const chain = forwardedFor(request.headers.get('x-forwarded-for'));
  if (chain) headers.set('x-forwarded-for', chain);
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && request.body !== null;

  let upstream: Response;
  try {
    upstream = await fetchImpl(`${apiUrl}/trpc/${procedures}${search}`, {
      method: request.method,
      headers,
      // Streamed, not buffered: the API enforces its own body size limit.
      ...(hasBody ? { body: request.body, duplex: 'half' } : {}),
      redirect: 'manual',
      cache: 'no-store',
      signal: request.signal,
    });
  } catch {
    // No stack, no address: the same words whatever went wrong on the way.
    return Response.json(
      { error: { message: apiUnreachableMessage, code: -32603 } },
      { status: 502, headers: { 'cache-control': 'no-store' } },
    );
  }

  const answer = new Headers();
  copy(upstream.headers, answer, responseHeaders);
  for (const cookie of upstream.headers.getSetCookie()) answer.append('set-cookie', cookie);
  return new Response(upstream.body, { status: upstream.status, headers: answer });
}
