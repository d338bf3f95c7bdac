import http from 'node:http';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { clientAddress, defaultTrustedProxies, trustedProxyList } from './client-address';
import { cookiePolicy, createHttpCookieJar } from './cookies';
import { logRequestWhenDone, requestIdOf } from './request-log';
import { silentLogger, type Logger } from '../../infrastructure/log';
import type { Limit } from '@shop/domain/shared/attempt-limit';
import type { AuthSettings } from '../../application/identity/auth-settings';
import type { AppPorts } from '../../application/ports';
import type { CheckoutSettings } from '../../application/ordering/checkout-settings';
import { withMessageContext } from '../../application/message-context';
import { childTraceparent, traceIdOf } from '@shop/event-bus/trace';
import { retryAfterSeconds } from '../error-map';
import { appRouter } from '../root';
import { createContext } from '../trpc';

export interface ServerOptions {
  /** Every context's adapters, built once by the composition root (wiring.ts). */
  ports: AppPorts;
  allowedOrigins: readonly string[];
  /** Production with an https `publicOrigin` turns on Secure `__Host-` cookies and HSTS. */
  production?: boolean;
  /** The site's origin as browsers see it; default: the first allowed origin. */
  publicOrigin?: string;
  /** Peers whose X-Forwarded-For is believed (addresses or CIDR blocks); default: loopback. */
  trustedProxies?: readonly string[];
  /** Calls allowed in one `?batch=1` request; more are refused with 400. */
  maxBatchSize?: number;
  /** Log-in/sign-up limits and the session idle timeout. */
  auth?: Partial<AuthSettings>;
  /** New guest carts per client address per window. */
  guestCartLimit?: Limit;
  /**
   * How long a client may take to send a whole request (headers and body); a slower one gets 408
   * and its connection closed. A checkout's body is under a kilobyte: ten seconds is generous.
   */
  requestTimeoutMs?: number;
  /** Request bodies above this many bytes are refused with 413. */
  maxBodySize?: number;
  /** Where the request log and every 5xx go; silent when omitted. */
  logger?: Logger;
  /** Checkout's patience (CHECKOUT_WAIT_MS); `defaultCheckoutSettings` when omitted. */
  checkout?: Partial<CheckoutSettings>;
  /** What `GET /health` reports (database, outbox lag, queue depths); omitted: `{status:'ok'}`. */
  health?: HealthCheck;
}

/** The health port: the answer and its HTTP status (503 only when the API's database is down). */
export type HealthCheck = () => Promise<{ httpStatus: number; body: unknown }>;

const defaultMaxBodySize = 100 * 1024;
const defaultMaxBatchSize = 10;
const defaultRequestTimeoutMs = 10_000;
const hsts = 'max-age=31536000; includeSubDomains';

function header(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** How many procedures a `/trpc/a,b,c?batch=1` request names (1 when it is not a batch). */
function batchSize(path: string, url: string): number {
  const query = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
  if (new URLSearchParams(query).get('batch') !== '1') return 1;
  let paths = path.slice('/trpc/'.length);
  try {
    paths = decodeURIComponent(paths);
  } catch {
    // tRPC refuses an undecodable path itself.
  }
  return paths.split(',').length;
}

/** The API as a node http server: tRPC under /trpc, GET /health; nothing else. */
export function createServer(options: ServerOptions): http.Server {
  const logger = options.logger ?? silentLogger;
  const requestLoggers = new WeakMap<http.IncomingMessage, Logger>();
  // Decided once from configuration, never from a request's X-Forwarded-* headers.
  const cookies = cookiePolicy({
    production: options.production ?? false,
    publicOrigin: options.publicOrigin ?? options.allowedOrigins[0],
  });
  const trustedProxies = trustedProxyList(options.trustedProxies ?? defaultTrustedProxies);
  const maxBatchSize = options.maxBatchSize ?? defaultMaxBatchSize;
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    maxBodySize: options.maxBodySize ?? defaultMaxBodySize,
    maxBatchSize,
    // Refusals for too many attempts say when to come back.
    responseMeta({ errors }) {
      const wait = Math.max(0, ...errors.map((error) => retryAfterSeconds(error.cause)));
      return wait > 0 ? { headers: { 'retry-after': String(wait) } } : {};
    },
    createContext: ({ req, res }) =>
      createContext({
        ports: options.ports,
        log: requestLoggers.get(req) ?? logger,
        cookies: createHttpCookieJar(req, res, cookies),
        allowedOrigins: options.allowedOrigins,
        ...(options.auth ? { auth: options.auth } : {}),
        ...(options.guestCartLimit ? { guestCartLimit: options.guestCartLimit } : {}),
        ...(options.checkout ? { checkout: options.checkout } : {}),
        request: {
          contentType: header(req, 'content-type'),
          origin: header(req, 'origin'),
          secFetchSite: header(req, 'sec-fetch-site'),
          clientAddress: clientAddress(
            req.socket.remoteAddress,
            req.headers['x-forwarded-for'],
            trustedProxies,
          ),
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

  const requestTimeout = options.requestTimeoutMs ?? defaultRequestTimeoutMs;
  const timeouts = {
    requestTimeout,
    headersTimeout: requestTimeout,
    // Node checks for slow requests on this interval (30 s by default, longer than the limit).
    connectionsCheckingInterval: Math.max(50, Math.min(1_000, requestTimeout / 4)),
  };
  return http.createServer(timeouts, (req, res) => {
    const requestId = requestIdOf(req);
    // W3C trace context: the caller's trace continues (or one starts here) and reaches every
    // event this request writes, through the outbox, into the other services' logs.
    const traceparent = childTraceparent(header(req, 'traceparent'));
    withMessageContext({ traceparent, causationId: null }, () =>
      handle(req, res, requestId, traceparent),
    );
  });

  async function answerHealth(res: http.ServerResponse): Promise<void> {
    if (!options.health) return sendJson(res, 200, { status: 'ok' });
    const { httpStatus, body } = await options.health();
    sendJson(res, httpStatus, body);
  }

  function handle(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    requestId: string,
    traceparent: string,
  ): void {
    const log = logger.child({ requestId, traceId: traceIdOf(traceparent) });
    requestLoggers.set(req, log);
    logRequestWhenDone(req, res, log);
    res.setHeader('x-request-id', requestId);
    res.setHeader('traceparent', traceparent);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('cache-control', 'no-store');
    if (cookies.secure) res.setHeader('strict-transport-security', hsts);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const calls = path.startsWith('/trpc/') ? batchSize(path, req.url ?? '') : 0;
    if (path === '/health' && (req.method === 'GET' || req.method === 'HEAD')) {
      void answerHealth(res);
    } else if (calls > maxBatchSize) {
      requestLoggers.get(req)?.warn({ event: 'http.batch_too_large', calls }, 'batch refused');
      sendJson(res, 400, {
        error: {
          message: `Too many calls in one batch: at most ${maxBatchSize} are allowed`,
          code: -32600,
          data: { code: 'BAD_REQUEST', httpStatus: 400 },
        },
      });
    } else if (path.startsWith('/trpc/')) {
      trpc(req, res);
    } else {
      sendJson(res, 404, { error: { message: `Nothing at ${req.method ?? 'GET'} ${path}` } });
    }
  }
}
