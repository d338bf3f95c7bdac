import type { EventDispatcher } from '../events';
import type { Log } from '../log';

/** The checkout's events that get a log line each: ordering's and payment's. */
const logged = [
  'OrderPlaced',
  'OrderPaid',
  'OrderCancelled',
  'ReservationExpired',
  'ChargeApproved',
  'ChargeDeclined',
  'RefundIssued',
];

/**
 * One structured log line per order placed, paid or cancelled and per charge or refund (ids,
 * amounts and the card's last four digits only): registered by the composition root.
 */
export function logCheckoutEvents(events: EventDispatcher, log: Log): EventDispatcher {
  for (const type of logged) {
    events.on(type, (event) => {
      log.info({ event: 'domain_event', type: event.type, data: event.data }, `checkout: ${type}`);
    });
  }
  return events;
}
