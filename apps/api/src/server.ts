import http from 'node:http';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import type { PrismaClient } from '@shop/db/client';
import { createHttpCookieJar, shouldUseSecureCookies } from './http/cookies';
import { appRouter } from './root';
import { createContext } from './trpc';

export interface ServerOptions {
  prisma: PrismaClient;
  allowedOrigins: readonly string[];
  /** Production turns on Secure cookies (except over http to localhost). */
  production?: boolean;
  /** Request bodies above this many bytes are refused with 413. */
  maxBodySize?: number;
  log?: (message: string, error?: unknown) => void;
}

const defaultMaxBodySize = 100 * 1024;

function header(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** The API as a node http server: tRPC under /trpc, GET /health; nothing else. */
export function createServer(options: ServerOptions): http.Server {
  const log = options.log ?? ((message, error) => console.error(message, error));
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    maxBodySize: options.maxBodySize ?? defaultMaxBodySize,
    createContext: ({ req, res }) =>
      createContext({
        prisma: options.prisma,
        cookies: createHttpCookieJar(
          req,
          res,
          shouldUseSecureCookies(req, options.production ?? false),
        ),
        allowedOrigins: options.allowedOrigins,
        request: {
          contentType: header(req, 'content-type'),
          origin: header(req, 'origin'),
          secFetchSite: header(req, 'sec-fetch-site'),
        },
      }),
    onError({ error, path }) {
      if (error.code === 'INTERNAL_SERVER_ERROR')
        log(`tRPC ${path ?? '?'} failed`, error.cause ?? error);
    },
  });

  return http.createServer((req, res) => {
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('cache-control', 'no-store');
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/health' && (req.method === 'GET' || req.method === 'HEAD')) {
      sendJson(res, 200, { status: 'ok' });
    } else if (path.startsWith('/trpc/')) {
      trpc(req, res);
    } else {
      sendJson(res, 404, { error: { message: `Nothing at ${req.method ?? 'GET'} ${path}` } });
    }
  });
}
