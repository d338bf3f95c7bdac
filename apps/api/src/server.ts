import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import type { PrismaClient } from '@shop/db/client';
import { createHttpCookieJar, shouldUseSecureCookies } from './http/cookies';
import { silentLogger, type Logger } from './log';
import { appRouter } from './root';
import { createContext } from './trpc';

export interface ServerOptions {
  prisma: PrismaClient;
  allowedOrigins: readonly string[];
  /** Production turns on Secure cookies (except over http to localhost). */
  production?: boolean;
  /** Request bodies above this many bytes are refused with 413. */
  maxBodySize?: number;
  /** Where the request log and every 5xx go; silent when omitted. */
  logger?: Logger;
}

const defaultMaxBodySize = 100 * 1024;

function header(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** A caller-supplied request id is kept only when it is short and plain; otherwise we mint one. */
function requestIdOf(req: http.IncomingMessage): string {
  const given = header(req, 'x-request-id');
  return given && /^[\w.:-]{1,64}$/.test(given) ? given : randomUUID();
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** The API as a node http server: tRPC under /trpc, GET /health; nothing else. */
export function createServer(options: ServerOptions): http.Server {
  const logger = options.logger ?? silentLogger;
  const requestLoggers = new WeakMap<http.IncomingMessage, Logger>();
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    maxBodySize: options.maxBodySize ?? defaultMaxBodySize,
    createContext: ({ req, res }) =>
      createContext({
        prisma: options.prisma,
        log: requestLoggers.get(req) ?? logger,
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
    onError({ error, path, req }) {
      if (error.code !== 'INTERNAL_SERVER_ERROR') return;
      const log = requestLoggers.get(req) ?? logger;
      log.error(
        { event: 'http.5xx', path, err: error.cause ?? error },
        `tRPC ${path ?? '?'} failed`,
      );
    },
  });

  return http.createServer((req, res) => {
    const requestId = requestIdOf(req);
    requestLoggers.set(req, logger.child({ requestId }));
    res.setHeader('x-request-id', requestId);
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
