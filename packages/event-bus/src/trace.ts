/**
 * W3C trace context (`traceparent: 00-<trace id>-<span id>-<flags>`): the shopper's request starts a
 * trace, the outbox row keeps it, the job carries it, and each consumer continues it with a span of
 * its own — so one trace id names the whole journey in every service's log lines.
 */
import { randomBytes } from 'node:crypto';
import { traceparentPattern } from '@shop/events/envelope';

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

export function newTraceparent(): string {
  return `00-${hex(16)}-${hex(8)}-01`;
}

/** The same trace, a new span: what a service hands on after it took part. */
export function childTraceparent(parent: string | null | undefined): string {
  const trace = parent && traceparentPattern.test(parent) ? parent.split('-')[1] : hex(16);
  return `00-${trace}-${hex(8)}-01`;
}

/** The trace id of a `traceparent` header value, or undefined when it is absent or malformed. */
export function traceIdOf(traceparent: string | null | undefined): string | undefined {
  return traceparent && traceparentPattern.test(traceparent)
    ? traceparent.split('-')[1]
    : undefined;
}
