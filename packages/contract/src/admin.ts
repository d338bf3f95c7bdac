import { z } from 'zod';
import { orderStatuses } from './orders';

export const adminOrdersListInput = z
  .object({ status: z.enum(orderStatuses).optional() })
  .default({});
export type AdminOrdersListInput = z.input<typeof adminOrdersListInput>;

/**
 * The event journey of one order (issue 13 §8), as the back office reads it: every event of the
 * order's conversation — recorded, published, taken by each consumer it was routed to — and the
 * checkout saga's steps, with the time between consecutive steps. Times are ISO strings.
 */
const instant = z.iso.datetime({ offset: true });

/** Where the checkout saga of an order stands (the API's `checkout_saga.state`). */
export const checkoutSagaStates = [
  'CHARGING',
  'PAID',
  'DECLINED',
  'FAILED',
  'CANCELLING',
  'CANCELLED',
  'REFUNDING',
  'REFUNDED',
] as const;
export type CheckoutSagaState = (typeof checkoutSagaStates)[number];

/**
 * A delivery's state: BullMQ's job states, plus `unpublished` (the event still waits in the
 * outbox), `missing` (no job: removed after the event log's week, or never added) and `unknown`
 * (the queues could not be read just now).
 */
export const deliveryStates = [
  'unpublished',
  'waiting',
  'delayed',
  'active',
  'completed',
  'failed',
  'missing',
  'unknown',
] as const;
export type DeliveryState = (typeof deliveryStates)[number];

export const journeyStepKinds = ['recorded', 'published', 'taken', 'finished'] as const;
export type JourneyStepKind = (typeof journeyStepKinds)[number];

/** One event's delivery to one consumer (one BullMQ job, id = the event's id). */
export const journeyDelivery = z.object({
  consumer: z.string(),
  /** The service that runs the consumer. */
  service: z.enum(['api', 'worker']),
  state: z.enum(deliveryStates),
  /** Times a consumer took the job (a stalled or failed try counts). */
  attemptsStarted: z.number().int().min(0),
  /** Tries that ended, completed or failed (BullMQ's `attemptsMade`). */
  attemptsMade: z.number().int().min(0),
  /** When the relay added the job. */
  queuedAt: instant.nullable(),
  /** A delayed job's due time (the checkout timeout). */
  dueAt: instant.nullable(),
  processedOn: instant.nullable(),
  finishedOn: instant.nullable(),
  failedReason: z.string().nullable(),
  /** The consumer's one-line outcome: its inbox row (API consumers) or the job's return value. */
  outcome: z.string().nullable(),
  /** When the API's inbox recorded the event (API consumers only). */
  handledAt: instant.nullable(),
});
export type JourneyDelivery = z.infer<typeof journeyDelivery>;

/**
 * A moment in one event's life. `sinceMs` is the time since the event's previous step; for
 * `recorded`, since the event that caused it was taken by the consumer that answered it (null when
 * a person, not an event, caused it).
 */
export const journeyStep = z.object({
  kind: z.enum(journeyStepKinds),
  /** The consumer, for `taken` and `finished`. */
  consumer: z.string().nullable(),
  at: instant,
  sinceMs: z.number().int().nullable(),
});
export type JourneyStep = z.infer<typeof journeyStep>;

export const journeyEvent = z.object({
  id: z.uuid(),
  name: z.string(),
  /** One sentence from the event catalogue. */
  summary: z.string().nullable(),
  producer: z.enum(['api', 'worker']),
  causationId: z.uuid().nullable(),
  recordedAt: instant.nullable(),
  publishedAt: instant.nullable(),
  deliveries: z.array(journeyDelivery),
  steps: z.array(journeyStep),
});
export type JourneyEvent = z.infer<typeof journeyEvent>;

export const journeySagaStep = z.object({
  state: z.enum(checkoutSagaStates),
  compensation: z.boolean(),
  reason: z.string(),
  /** The event whose handling moved the saga, when one did. */
  eventId: z.uuid().nullable(),
  at: instant,
  /** Since the saga's previous step; null for the first. */
  sinceMs: z.number().int().nullable(),
});
export type JourneySagaStep = z.infer<typeof journeySagaStep>;

export const orderJourney = z.object({
  orderId: z.uuid(),
  sagaState: z.enum(checkoutSagaStates).nullable(),
  /** The saga waits on nothing (or never started): the journey stops changing, bar late mail. */
  atRest: z.boolean(),
  /** Why the queues could not be read (the deliveries then say `unknown`); null when they were. */
  queuesError: z.string().nullable(),
  /** In the order they were recorded. */
  events: z.array(journeyEvent),
  saga: z.array(journeySagaStep),
});
export type OrderJourney = z.infer<typeof orderJourney>;
