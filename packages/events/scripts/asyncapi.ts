/**
 * The AsyncAPI 3.0 document of the integration events: one channel per consumer queue, a `receive`
 * operation for the consumer behind it and a `send` operation for each service whose relay adds
 * jobs to it, one message per event version. The message payload is the envelope (what a job's
 * data holds) with the event's payload schema referenced from `components.schemas`.
 */
import { events, eventsFor } from '../src/catalogue';
import { consumerNames, consumers, services, type ConsumerName } from '../src/consumers';
import type { IntegrationEvent } from '../src/define';
import { envelopeSchema } from '../src/envelope';
import { asyncApiSchema, eventKey } from './json-schemas';

const ref = ($ref: string) => ({ $ref });

function message(event: IntegrationEvent) {
  const context = event.name.split('.')[0] ?? event.name;
  return {
    name: event.name,
    title: `${event.name} v${event.version}`,
    summary: event.summary,
    contentType: 'application/json',
    correlationId: ref('#/components/correlationIds/correlationId'),
    tags: [{ name: context }],
    payload: {
      allOf: [
        ref('#/components/schemas/Envelope'),
        {
          type: 'object',
          properties: {
            name: { const: event.name },
            version: { const: event.version },
            producer: { const: event.producer },
            payload: ref(`#/components/schemas/${eventKey(event)}`),
          },
        },
      ],
    },
  };
}

function channel(consumer: ConsumerName) {
  const spec = consumers[consumer];
  const delayed =
    'deliverAt' in spec
      ? ' Its jobs are delayed: the relay adds each with a delay computed from the payload (`deliverAt` in consumers.ts).'
      : '';
  return {
    address: consumer,
    title: `${consumer} queue`,
    description: `BullMQ queue of the ${spec.service}'s \`${consumer}\` consumer. ${spec.summary}${delayed}`,
    servers: [ref('#/servers/redis')],
    messages: Object.fromEntries(
      eventsFor(consumer).map((event) => [
        eventKey(event),
        ref(`#/components/messages/${eventKey(event)}`),
      ]),
    ),
  };
}

const channelMessages = (consumer: ConsumerName, received: IntegrationEvent[]) =>
  received.map((event) => ref(`#/channels/${consumer}/messages/${eventKey(event)}`));

interface Operation {
  action: 'send' | 'receive';
  channel: { $ref: string };
  title: string;
  summary: string;
  tags: { name: string }[];
  messages: { $ref: string }[];
}

/** For each queue: a `send` per service whose relay adds jobs to it, then the consumer's `receive`. */
function operations(): Record<string, Operation> {
  const entries = consumerNames.flatMap((consumer): [string, Operation][] => {
    const received = eventsFor(consumer);
    const { service, summary } = consumers[consumer];
    const sends = services.flatMap((producer): [string, Operation][] => {
      const sent = received.filter((event) => event.producer === producer);
      if (sent.length === 0) return [];
      const operation: Operation = {
        action: 'send',
        channel: ref(`#/channels/${consumer}`),
        title: `The ${producer}'s outbox relay adds a job to the ${consumer} queue`,
        summary:
          'One job per event and subscribed consumer: job name = event name, job id = event id.',
        tags: [{ name: producer }],
        messages: channelMessages(consumer, sent),
      };
      return [[`${producer}.send.${consumer}`, operation]];
    });
    const receive: Operation = {
      action: 'receive',
      channel: ref(`#/channels/${consumer}`),
      title: `The ${service}'s ${consumer} consumer handles a job`,
      summary,
      tags: [{ name: service }],
      messages: channelMessages(consumer, received),
    };
    return [...sends, [`${consumer}.receive`, receive]];
  });
  return Object.fromEntries(entries);
}

/** The whole document; `version` is the version of the events package. */
export function asyncApiDocument(version: string) {
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Shop integration events',
      version,
      description:
        'The events the API and the worker exchange through BullMQ queues on Redis. Each producer ' +
        'writes its events to its own outbox table in the transaction that records them; its relay ' +
        'adds one job per event to the queue of every consumer subscribed to it (fan-out, one queue ' +
        'per consumer). Generated from `packages/events/src` by `npm run events:catalogue`; the ' +
        "catalogue's README explains how versions evolve.",
    },
    defaultContentType: 'application/json',
    servers: {
      redis: {
        host: '127.0.0.1:6379',
        protocol: 'redis',
        description:
          'Redis as `REDIS_URL` names it. BullMQ keeps every queue under the `QUEUE_PREFIX` key ' +
          'prefix (default `{shop}`, a Redis Cluster hash tag).',
      },
    },
    channels: Object.fromEntries(consumerNames.map((consumer) => [consumer, channel(consumer)])),
    operations: operations(),
    components: {
      schemas: {
        Envelope: asyncApiSchema(envelopeSchema),
        ...Object.fromEntries(
          events.map((event) => [eventKey(event), asyncApiSchema(event.payload)]),
        ),
      },
      messages: Object.fromEntries(events.map((event) => [eventKey(event), message(event)])),
      correlationIds: {
        correlationId: {
          description: 'Ties the events of one conversation together: the order id for a checkout.',
          location: '$message.payload#/correlationId',
        },
      },
    },
  };
}
