/**
 * The event journey of one order, for the back office (issue 13 §8): every event of the order's
 * conversation — those the API recorded (its outbox) and those it received (its inbox: the
 * worker's answers) — with each consumer's job, and the checkout saga's steps. What another
 * service's consumer did is read from its job in the broker, never from that service's database.
 */
import { sagaAtRest } from '@shop/domain/ordering/checkout-saga';
import { OrderNotFound } from '@shop/domain/shared/errors';
import { consumers, consumersOf, eventNamed } from '@shop/events/catalogue';
import type { ConsumerName } from '@shop/events/consumers';
import type { OrderingDeps } from './deps';
import type { HandledEvent, JobRecord, RecordedEvent } from './event-journal';
import {
  sagaTimelineOf,
  timelineOf,
  type Delivery,
  type EventFacts,
  type Journey,
} from './journey-timeline';

type JourneyDeps = Pick<OrderingDeps, 'orderQueries' | 'sagas' | 'journal' | 'deliveries'>;

/** An event seen here: recorded by this service, received by its consumers, or both. */
interface Seen {
  id: string;
  name: string;
  recorded: RecordedEvent | undefined;
  handled: HandledEvent[];
}

function seenEvents(recorded: RecordedEvent[], handled: HandledEvent[]): Seen[] {
  const seen = new Map<string, Seen>();
  for (const event of recorded) seen.set(event.id, { ...event, recorded: event, handled: [] });
  for (const entry of handled) {
    const event = seen.get(entry.eventId) ?? {
      id: entry.eventId,
      name: entry.eventName,
      recorded: undefined,
      handled: [],
    };
    event.handled.push(entry);
    seen.set(event.id, event);
  }
  return [...seen.values()];
}

export async function getOrderJourney(deps: JourneyDeps, orderId: string): Promise<Journey> {
  if (!(await deps.orderQueries.findById(orderId))) throw new OrderNotFound();
  const [{ recorded, handled }, sagaSteps] = await Promise.all([
    deps.journal.conversation(orderId),
    deps.sagas.stepsOf(orderId),
  ]);
  let queuesError: string | null = null;
  const jobOf = (consumer: ConsumerName, eventId: string) =>
    deps.deliveries.find(consumer, eventId).catch((error: unknown) => {
      queuesError ??= `The queues could not be read: ${error instanceof Error ? error.message : String(error)}`;
      return undefined;
    });
  const events = await Promise.all(
    seenEvents(recorded, handled).map(async (seen) => {
      const routes = consumersOf(seen.name);
      const jobs = await Promise.all(routes.map((consumer) => jobOf(consumer, seen.id)));
      return factsOf(seen, routes, jobs);
    }),
  );
  const sagaState = sagaSteps.at(-1)?.state ?? null;
  return {
    orderId,
    sagaState,
    atRest: sagaAtRest(sagaState),
    queuesError,
    events: timelineOf(events),
    saga: sagaTimelineOf(sagaSteps),
  };
}

/** `jobs[i]` is the job in `routes[i]`'s queue: null none, undefined unreadable. */
function factsOf(
  seen: Seen,
  routes: readonly ConsumerName[],
  jobs: (JobRecord | null | undefined)[],
): EventFacts {
  const envelope = jobs.find((job) => job?.event)?.event ?? null;
  const queuedAt = jobs.flatMap((job) => (job ? [job.queuedAt] : []));
  const deliveries = routes.map((consumer, index) => deliveryOf(seen, consumer, jobs[index]));
  return {
    id: seen.id,
    name: seen.name,
    summary: eventNamed(seen.name)?.summary ?? null,
    producer:
      seen.recorded?.producer ?? envelope?.producer ?? eventNamed(seen.name)?.producer ?? 'api',
    causationId: seen.recorded?.causationId ?? envelope?.causationId ?? null,
    recordedAt: seen.recorded?.occurredAt ?? (envelope ? new Date(envelope.occurredAt) : null),
    // Another service's event counts as published when its relay added the first of its jobs.
    publishedAt: seen.recorded
      ? seen.recorded.publishedAt
      : queuedAt.length > 0
        ? new Date(Math.min(...queuedAt.map((at) => at.getTime())))
        : null,
    deliveries,
  };
}

function deliveryOf(
  seen: Seen,
  consumer: ConsumerName,
  job: JobRecord | null | undefined,
): Delivery {
  const inbox = seen.handled.find((entry) => entry.consumer === consumer);
  const unpublished = seen.recorded !== undefined && seen.recorded.publishedAt === null;
  return {
    consumer,
    service: consumers[consumer].service,
    state: job
      ? job.state
      : unpublished
        ? 'unpublished'
        : job === undefined
          ? 'unknown'
          : 'missing',
    attemptsStarted: job?.attemptsStarted ?? 0,
    attemptsMade: job?.attemptsMade ?? 0,
    queuedAt: job?.queuedAt ?? null,
    dueAt: job?.dueAt ?? null,
    processedOn: job?.processedOn ?? null,
    finishedOn: job?.finishedOn ?? null,
    failedReason: job?.failedReason ?? null,
    outcome: inbox?.outcome ?? job?.outcome ?? null,
    handledAt: inbox?.handledAt ?? null,
  };
}
