/**
 * One log line per request (`event: 'http.request'`), written when the answer has gone out, under the
 * request's id: the caller's `x-request-id` when it is short and plain (the web forwards the
 * browser's), else one minted here. The same id goes back in the `x-request-id` response header and
 * on every other line the request logs, so a shopper's or the web's id finds all of them.
 */
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import type { Logger } from '../../infrastructure/log';

export function requestIdOf(req: http.IncomingMessage): string {
  const given = req.headers['x-request-id'];
  const id = Array.isArray(given) ? given[0] : given;
  return id && /^[\w.:-]{1,64}$/.test(id) ? id : randomUUID();
}

/** Logs the method, path (never the query: it carries procedure input), status and duration. */
export function logRequestWhenDone(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  log: Logger,
): void {
  const started = performance.now();
  res.once('close', () => {
    log.info(
      {
        event: 'http.request',
        method: req.method,
        path: (req.url ?? '/').split('?')[0],
        status: res.statusCode,
        durationMs: Math.round(performance.now() - started),
        ...(res.writableFinished ? {} : { aborted: true }),
      },
      'request',
    );
  });
}
