import type { DomainEvent } from './events';

/** What every aggregate does with its events: record them as it changes, hand them over once. */
export abstract class AggregateRoot<Event extends DomainEvent> {
  #events: Event[] = [];

  protected record(event: Event): void {
    this.#events.push(event);
  }

  /**
   * The events recorded and not yet handed over, oldest first. A unit of work reads them before
   * its commit and pulls them only once the commit held, so a retried transaction keeps them.
   */
  get pendingEvents(): readonly Event[] {
    return [...this.#events];
  }

  /** The events recorded since the last call, oldest first; the aggregate forgets them. */
  pullEvents(): Event[] {
    const events = this.#events;
    this.#events = [];
    return events;
  }
}
