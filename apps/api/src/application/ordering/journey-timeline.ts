/**
 * The event journey's shape and the arithmetic of its timeline, apart from any I/O: each event's
 * steps in the order they happened with the time between them, and the saga's steps likewise.
 * `get-order-journey.ts` gathers the facts; this turns them into what the back office reads.
 */
import type { CheckoutSagaState, DeliveryState, JourneyStepKind } from '@shop/contract/admin';
import type { ServiceName } from '@shop/events/consumers';

export interface Delivery {
  consumer: string;
  service: ServiceName;
  state: DeliveryState;
  attemptsStarted: number;
  attemptsMade: number;
  queuedAt: Date | null;
  dueAt: Date | null;
  processedOn: Date | null;
  finishedOn: Date | null;
  failedReason: string | null;
  outcome: string | null;
  handledAt: Date | null;
}

export interface JourneyStep {
  kind: JourneyStepKind;
  consumer: string | null;
  at: Date;
  sinceMs: number | null;
}

export interface JourneyEvent {
  id: string;
  name: string;
  summary: string | null;
  producer: ServiceName;
  causationId: string | null;
  recordedAt: Date | null;
  publishedAt: Date | null;
  deliveries: Delivery[];
  steps: JourneyStep[];
}

export interface JourneySagaStep {
  state: CheckoutSagaState;
  compensation: boolean;
  reason: string;
  eventId: string | null;
  at: Date;
  sinceMs: number | null;
}

export interface Journey {
  orderId: string;
  sagaState: CheckoutSagaState | null;
  atRest: boolean;
  queuesError: string | null;
  events: JourneyEvent[];
  saga: JourneySagaStep[];
}

export type EventFacts = Omit<JourneyEvent, 'steps'>;

const rank: Record<JourneyStepKind, number> = { recorded: 0, published: 1, taken: 2, finished: 3 };

const msBetween = (from: Date, to: Date) => to.getTime() - from.getTime();

/** When a delivery's consumer was done with the event: the job's end, or its inbox row's. */
const finishedAt = (delivery: Delivery) => delivery.finishedOn ?? delivery.handledAt;

/** An event's moments, oldest first (ties in causal order), without the gaps yet. */
function momentsOf(event: EventFacts): Omit<JourneyStep, 'sinceMs'>[] {
  const moments: Omit<JourneyStep, 'sinceMs'>[] = [];
  if (event.recordedAt) moments.push({ kind: 'recorded', consumer: null, at: event.recordedAt });
  if (event.publishedAt) moments.push({ kind: 'published', consumer: null, at: event.publishedAt });
  for (const delivery of event.deliveries) {
    const { consumer, processedOn } = delivery;
    if (processedOn) moments.push({ kind: 'taken', consumer, at: processedOn });
    const finished = finishedAt(delivery);
    if (finished) moments.push({ kind: 'finished', consumer, at: finished });
  }
  return moments.sort((a, b) => msBetween(b.at, a.at) || rank[a.kind] - rank[b.kind]);
}

/**
 * When the consumer that answered with `event` took its cause: the cause's delivery to a consumer
 * of the service that produced `event`.
 */
function causeTakenAt(event: EventFacts, byId: Map<string, EventFacts>): Date | null {
  const cause = event.causationId ? byId.get(event.causationId) : undefined;
  const taken = cause?.deliveries.find(
    (delivery) => delivery.service === event.producer && delivery.processedOn,
  );
  return taken?.processedOn ?? null;
}

/**
 * The journey's events, oldest first, each with its steps and the milliseconds since the step
 * before; an event's first step counts from when its cause was taken, when it had one.
 */
export function timelineOf(events: EventFacts[]): JourneyEvent[] {
  const byId = new Map(events.map((event) => [event.id, event]));
  const firstAt = (event: EventFacts) =>
    (event.recordedAt ?? event.publishedAt ?? momentsOf(event)[0]?.at)?.getTime() ??
    Number.MAX_SAFE_INTEGER;
  return [...events]
    .sort((a, b) => firstAt(a) - firstAt(b))
    .map((event) => {
      const causeTaken = causeTakenAt(event, byId);
      const steps = momentsOf(event).map((moment, index, moments) => {
        const previous = index > 0 ? moments[index - 1]!.at : null;
        const since = previous ?? (moment.kind === 'recorded' && causeTaken ? causeTaken : null);
        return { ...moment, sinceMs: since ? msBetween(since, moment.at) : null };
      });
      return { ...event, steps };
    });
}

/** The saga's steps with the milliseconds since the one before. */
export function sagaTimelineOf(
  steps: readonly Omit<JourneySagaStep, 'sinceMs'>[],
): JourneySagaStep[] {
  return steps.map((step, index) => ({
    ...step,
    sinceMs: index > 0 ? msBetween(steps[index - 1]!.at, step.at) : null,
  }));
}
