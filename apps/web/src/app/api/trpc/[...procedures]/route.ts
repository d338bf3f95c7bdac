/**
 * The browser's tRPC endpoint: `/api/trpc/<procedures>` → `${API_URL}/trpc/<procedures>`, with
 * `API_URL` read per request so one build can talk to an API on any port. A catch-all, so that every
 * path under /api/trpc/ meets the procedure-path check (404 otherwise). See `~/lib/api-forward`.
 */
import { env } from '~/env';
import { forwardToApi } from '~/lib/api-forward';

export function GET(request: Request): Promise<Response> {
  return forwardToApi(request, env().API_URL);
}

export function POST(request: Request): Promise<Response> {
  return forwardToApi(request, env().API_URL);
}
