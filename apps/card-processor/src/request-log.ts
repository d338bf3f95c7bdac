/**
 * One log line per request: method, path, status and time taken — never a body, a query string or
 * a header, so a card number cannot reach the log through them. A path is caller-chosen text too,
 * so any run of 12 or more digits in it is masked before it is written.
 */
import { createMiddleware } from 'hono/factory';

export type LogLine = (line: string) => void;

/** Masks what could be a card number: 12 or more digits, possibly split by spaces or dashes. */
export function maskDigits(text: string): string {
  return text.replace(/\d(?:[\s-]*\d){11,}/g, '[digits masked]');
}

/** The path as a reader would see it (so `%34%32…` is masked as well); as sent if it does not decode. */
function decoded(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

export function requestLog(log: LogLine) {
  return createMiddleware(async (c, next) => {
    const started = performance.now();
    await next();
    const ms = Math.round(performance.now() - started);
    log(`${c.req.method} ${maskDigits(decoded(c.req.path))} ${c.res.status} ${ms}ms`);
  });
}
