/**
 * How an integration event is declared: its name and version (together they say which schema a
 * payload follows), the service that produces it, the consumers that receive it, and the zod schema
 * of its payload. One declaration is the single source the API, the worker, the relay and the
 * generated catalogue (`catalogue/`) all read.
 */
import type { z } from 'zod';
import type { ConsumerName, ServiceName } from './consumers';

export interface IntegrationEvent<
  Name extends string = string,
  Payload extends z.ZodType = z.ZodType,
> {
  /** `<context>.<PastTenseFact>`, e.g. `ordering.OrderPlaced`. */
  readonly name: Name;
  /** Bumped on a breaking payload change; consumers refuse versions they do not know. */
  readonly version: number;
  readonly producer: ServiceName;
  readonly consumers: readonly ConsumerName[];
  /** One sentence for the catalogue: what happened, in the producer's words. */
  readonly summary: string;
  readonly payload: Payload;
}

export function defineEvent<const Name extends string, Payload extends z.ZodType>(
  event: IntegrationEvent<Name, Payload>,
): IntegrationEvent<Name, Payload> {
  return event;
}

/** The payload type of an event declaration. */
export type PayloadOf<E extends IntegrationEvent> = z.infer<E['payload']>;
