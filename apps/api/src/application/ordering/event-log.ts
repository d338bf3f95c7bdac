import type { EventDispatcher } from '../events';
import type { Log } from '../log';

/** One structured log line per order placed, paid or cancelled: registered by the composition root. */
export function logOrderEvents(events: EventDispatcher, log: Log): EventDispatcher {
  for (const type of ['OrderPlaced', 'OrderPaid', 'OrderCancelled', 'ReservationExpired']) {
    events.on(type, (event) => {
      log.info({ event: 'domain_event', type: event.type, data: event.data }, `ordering: ${type}`);
    });
  }
  return events;
}
