import type { DomainEvent } from './domain-event';

/** What every aggregate does with its events: record them as it changes, hand them over once. */
export abstract class AggregateRoot<Event extends DomainEvent> {
  #events: Event[] = [];

  protected record(event: Event): void {
    this.#events.push(event);
  }

  /** The events recorded since the last call, oldest first; the aggregate forgets them. */
  pullEvents(): Event[] {
    const events = this.#events;
    this.#events = [];
    return events;
  }
}
