/**
 * What the events written during a piece of work inherit from what started it: the trace (W3C
 * `traceparent`) of the shopper's request or of the event being handled, and — inside a consumer —
 * the id of that event, which becomes the new events' causation id. Held in AsyncLocalStorage so
 * no use case passes it along by hand.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface MessageContext {
  traceparent: string | null;
  causationId: string | null;
}

const storage = new AsyncLocalStorage<MessageContext>();

export function withMessageContext<T>(context: MessageContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentMessageContext(): MessageContext {
  return storage.getStore() ?? { traceparent: null, causationId: null };
}
