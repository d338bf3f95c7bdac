/**
 * The JSON Schemas of the catalogue, from the zod declarations (zod 4's `z.toJSONSchema`): one
 * document per event — the envelope as it travels, its `name`, `version` and `producer` fixed and
 * its payload inlined, so a consumer in any language can check a job's data with it alone.
 *
 * The schemas describe what a consumer accepts (`io: 'input'`): a zod object ignores keys it does
 * not declare, so the schemas allow them too — that is what lets a producer add an optional field
 * within a version without breaking consumers that do not know it yet.
 */
import { z } from 'zod';
import type { IntegrationEvent } from '../src/define';
import { envelopeSchema } from '../src/envelope';

export type JsonSchema = Record<string, unknown>;
const { shape } = envelopeSchema;

/** `ordering.OrderPlaced.v1`: the key of an event's schema and message in the catalogue. */
export const eventKey = (event: IntegrationEvent): string => `${event.name}.v${event.version}`;

export const schemaFileName = (event: IntegrationEvent): string => `${eventKey(event)}.schema.json`;

/** The envelope of one event: what a BullMQ job's data and an outbox row hold for it. */
export function envelopeOf(event: IntegrationEvent) {
  return envelopeSchema.extend({
    name: z.literal(event.name).describe(shape.name.description ?? ''),
    version: z.literal(event.version).describe(shape.version.description ?? ''),
    producer: z.literal(event.producer).describe(shape.producer.description ?? ''),
    payload: event.payload,
  });
}

/** The JSON Schema (draft 2020-12) of a zod schema, as a consumer reads it. */
export const jsonSchemaOf = (schema: z.ZodType): JsonSchema =>
  z.toJSONSchema(schema, { io: 'input' });

/** The standalone JSON Schema of an event's envelope, titled and described. */
export function eventJsonSchema(event: IntegrationEvent): JsonSchema {
  const { $schema, ...schema } = jsonSchemaOf(envelopeOf(event));
  return {
    $schema,
    title: `${event.name} v${event.version}`,
    description: event.summary,
    ...schema,
  };
}

/**
 * A schema as the body of an AsyncAPI 3.0 document: its Schema Object is a superset of JSON Schema
 * draft 07, and the document, not each schema, says which dialect it is.
 */
export function asyncApiSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...body } = z.toJSONSchema(schema, {
    io: 'input',
    target: 'draft-07',
  });
  return body;
}
