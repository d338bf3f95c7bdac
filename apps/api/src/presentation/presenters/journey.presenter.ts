import type { OrderJourney } from '@shop/contract/admin';
import type { Journey } from '../../application/ordering/journey-timeline';

const iso = (at: Date | null) => at?.toISOString() ?? null;

/** The journey on the wire: the contract's shape, every time an ISO string. */
export function journeyView(journey: Journey): OrderJourney {
  return {
    ...journey,
    events: journey.events.map((event) => ({
      ...event,
      recordedAt: iso(event.recordedAt),
      publishedAt: iso(event.publishedAt),
      deliveries: event.deliveries.map((delivery) => ({
        ...delivery,
        queuedAt: iso(delivery.queuedAt),
        dueAt: iso(delivery.dueAt),
        processedOn: iso(delivery.processedOn),
        finishedOn: iso(delivery.finishedOn),
        handledAt: iso(delivery.handledAt),
      })),
      steps: event.steps.map((step) => ({ ...step, at: step.at.toISOString() })),
    })),
    saga: journey.saga.map((step) => ({ ...step, at: step.at.toISOString() })),
  };
}
