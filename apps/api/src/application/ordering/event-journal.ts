/**
 * The ports the event journey reads through (adapters: infrastructure/db/event-journal.ts and
 * infrastructure/events/deliveries.ts). The API reads its own tables and the broker's queues,
 * never the worker's database: the worker's events are seen where the API received them (its
 * inbox) and the worker's consumers through their jobs.
 */
import type { ConsumerName } from '@shop/events/consumers';
import type { Envelope } from '@shop/events/envelope';

/** An outbox row: an event this service recorded. */
export interface RecordedEvent {
  id: string;
  name: string;
  producer: Envelope['producer'];
  causationId: string | null;
  occurredAt: Date;
  publishedAt: Date | null;
}

/** An inbox row: an event one of this service's consumers handled. */
export interface HandledEvent {
  consumer: string;
  eventId: string;
  eventName: string;
  handledAt: Date;
  outcome: string | null;
}

export interface EventJournal {
  /** Everything recorded and handled here with `correlationId` (an order's id), oldest first. */
  conversation(correlationId: string): Promise<{
    recorded: RecordedEvent[];
    handled: HandledEvent[];
  }>;
}

export type JobState = 'waiting' | 'delayed' | 'active' | 'completed' | 'failed';

/** An event's job in one consumer's queue. */
export interface JobRecord {
  state: JobState;
  attemptsStarted: number;
  attemptsMade: number;
  queuedAt: Date;
  dueAt: Date | null;
  processedOn: Date | null;
  finishedOn: Date | null;
  failedReason: string | null;
  /** The consumer's one-line outcome, when it returned one. */
  outcome: string | null;
  /** What the job's envelope says about the event (its producer's outbox may not be ours). */
  event: Pick<Envelope, 'name' | 'producer' | 'causationId' | 'occurredAt'> | null;
}

export interface Deliveries {
  /** The job of `eventId` in `consumer`'s queue; null when there is none. Rejects when Redis is away. */
  find(consumer: ConsumerName, eventId: string): Promise<JobRecord | null>;
}
