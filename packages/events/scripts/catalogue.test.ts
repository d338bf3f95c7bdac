import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events } from '../src/catalogue';
import { envelopeFor, envelopeSchema } from '../src/envelope';
import { OrderPlaced } from '../src/ordering';
import {
  catalogueDir,
  compareCatalogue,
  generateCatalogue,
  writeCatalogue,
  type CatalogueFiles,
} from './catalogue-files';
import { eventJsonSchema, jsonSchemaOf, schemaFileName, type JsonSchema } from './json-schemas';

let files: CatalogueFiles;
let copy: string;

beforeAll(async () => {
  files = await generateCatalogue();
  copy = await mkdtemp(path.join(os.tmpdir(), 'shop-events-catalogue-'));
  await cp(catalogueDir, copy, { recursive: true });
}, 30_000);
afterAll(() => rm(copy, { recursive: true, force: true }));

/** Every field of an object schema with its path, nested objects and arrays of objects included. */
function fieldsOf(schema: JsonSchema, prefix = ''): [string, JsonSchema][] {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  return Object.entries(properties).flatMap(([key, field]): [string, JsonSchema][] => {
    const items = field.items as JsonSchema | undefined;
    const nested = items?.type === 'object' ? fieldsOf(items, `${prefix}${key}[].`) : [];
    return [[`${prefix}${key}`, field], ...nested];
  });
}

describe('the generated catalogue', () => {
  it('holds a schema per event, the AsyncAPI document and the README', () => {
    expect([...files.keys()]).toEqual(
      [...events.map(schemaFileName), 'asyncapi.yaml', 'README.md'].sort(),
    );
  });

  it('is the same on every run, each file ending in one newline', async () => {
    expect(await generateCatalogue()).toEqual(files);
    for (const [file, content] of files) expect(content, file).toMatch(/[^\n]\n$/);
  });

  it('describes every field of the envelope and of every payload', () => {
    const schemas: [string, JsonSchema][] = [
      ['envelope', jsonSchemaOf(envelopeSchema)],
      ...events.map((event): [string, JsonSchema] => [event.name, jsonSchemaOf(event.payload)]),
    ];
    for (const [owner, schema] of schemas)
      for (const [field, fieldSchema] of fieldsOf(schema))
        expect(fieldSchema.description, `${owner}: ${field} has no .describe()`).toBeTruthy();
  });

  it('has JSON Schemas that accept what a producer sends and refuse what parseEnvelope refuses', () => {
    const ajv = new Ajv2020({ validateFormats: false });
    const validate = ajv.compile(eventJsonSchema(OrderPlaced));
    const envelope = envelopeFor(
      OrderPlaced,
      {
        orderId: 'ord_1',
        customerId: 'usr_1',
        amount: 12_900,
        currency: 'KRW',
        lines: [{ productId: 'prd_1', quantity: 1, unitPrice: 12_900 }],
        paymentMethodId: 'pm_0123456789abcdef',
        reservedUntil: '2026-12-06T05:00:00.000Z',
      },
      {
        aggregateId: 'ord_1',
        correlationId: 'ord_1',
        traceparent: `00-${'a'.repeat(32)}-${'b'.repeat(16)}-01`,
      },
    );
    const wire = JSON.parse(JSON.stringify(envelope)) as typeof envelope;
    expect(validate(wire), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...wire, payload: { ...wire.payload, newOptionalField: 1 } })).toBe(true);
    expect(validate({ ...wire, version: 2 })).toBe(false);
    expect(validate({ ...wire, payload: { ...wire.payload, amount: -1 } })).toBe(false);
    expect(validate({ ...wire, payload: { ...wire.payload, lines: [] } })).toBe(false);
    expect(validate({ ...wire, occurredAt: 'yesterday' })).toBe(false);
  });
});

describe('the check that the committed catalogue is current', () => {
  it('passes on the committed copy', async () => {
    expect(await compareCatalogue(catalogueDir, files)).toEqual([]);
  });

  it('names each changed, missing and stray file, and writing repairs them all', async () => {
    const readme = path.join(copy, 'README.md');
    await writeFile(readme, (await readFile(readme, 'utf8')).replace('OrderPlaced', 'OrderPut'));
    await rm(path.join(copy, schemaFileName(OrderPlaced)));
    await writeFile(path.join(copy, 'ordering.OrderShipped.v1.schema.json'), '{}\n');

    expect(await compareCatalogue(copy, files)).toEqual([
      { file: 'README.md', problem: 'differs' },
      { file: 'ordering.OrderPlaced.v1.schema.json', problem: 'missing' },
      { file: 'ordering.OrderShipped.v1.schema.json', problem: 'not generated' },
    ]);
    await writeCatalogue(copy, files);
    expect(await compareCatalogue(copy, files)).toEqual([]);
  });

  it('finds every file missing when the folder is gone', async () => {
    const differences = await compareCatalogue(path.join(copy, 'nothing-here'), files);
    expect(differences.map(({ problem }) => problem)).toEqual(
      [...files.keys()].map(() => 'missing'),
    );
  });
});
