/**
 * In-process domain events: the unit of work hands the events of the aggregates saved in it to
 * `dispatch` after its commit. Handlers are registered once, in the composition root. A handler
 * that fails is logged and never undoes the commit — and an event is lost if the process dies
 * between commit and dispatch (the dual-write problem stage 4's outbox answers).
 */
import type { DomainEvent } from '@shop/domain/shared/events';
import type { Log } from './log';

export type EventHandler = (event: DomainEvent) => void | Promise<void>;

export class EventDispatcher {
  readonly #handlers = new Map<string, EventHandler[]>();

  constructor(private readonly log: Log) {}

  on(type: string, handler: EventHandler): this {
    this.#handlers.set(type, [...(this.#handlers.get(type) ?? []), handler]);
    return this;
  }

  async dispatch(events: readonly DomainEvent[]): Promise<void> {
    for (const event of events) {
      for (const handler of this.#handlers.get(event.type) ?? []) {
        try {
          await handler(event);
        } catch (error) {
          this.log.error(
            { event: 'domain_event.handler_failed', type: event.type, err: error },
            'an event handler failed',
          );
        }
      }
    }
  }
}
