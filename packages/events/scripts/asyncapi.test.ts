import { Parser, type Diagnostic } from '@asyncapi/parser';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { events } from '../src/catalogue';
import { consumerNames } from '../src/consumers';
import { generateCatalogue } from './catalogue-files';
import { eventKey } from './json-schemas';

interface Operation {
  action: 'send' | 'receive';
  channel: { $ref: string };
  tags: { name: string }[];
  messages: { $ref: string }[];
}
interface Document {
  asyncapi: string;
  channels: Record<string, { address: string; messages: Record<string, { $ref: string }> }>;
  operations: Record<string, Operation>;
  components: { schemas: Record<string, unknown>; messages: Record<string, unknown> };
}

let text: string;
let document: Document;
const parser = new Parser();
/** Spectral's severities: 0 error, 1 warning, 2 information ("3.1.0 is out"), 3 hint. */
const warning = 1;

/** The errors and warnings of the AsyncAPI parser (its spec schema and its semantic rules). */
async function problems(source: string): Promise<string[]> {
  const diagnostics: Diagnostic[] = await parser.validate(source);
  return diagnostics
    .filter((diagnostic) => Number(diagnostic.severity) <= warning)
    .map(({ code, message, path }) => `${String(code)} at ${path.join('.')}: ${message}`);
}

beforeAll(async () => {
  text = (await generateCatalogue()).get('asyncapi.yaml') ?? '';
  document = parse(text) as Document;
}, 30_000);

describe('the AsyncAPI document', () => {
  it('is a valid AsyncAPI 3.0 document for the AsyncAPI parser', async () => {
    expect(document.asyncapi).toBe('3.0.0');
    expect(await problems(text)).toEqual([]);
  }, 30_000);

  it('is refused by the parser when an operation is broken (the validation bites)', async () => {
    const broken = structuredClone(document);
    const receive = broken.operations['payment.receive'];
    if (!receive) throw new Error('no payment.receive operation');
    delete (receive as Partial<Operation>).action;
    receive.messages = [{ $ref: '#/channels/ordering/messages/payment.PaymentCaptured.v1' }];
    const found = await problems(JSON.stringify(broken));
    expect(found).toContainEqual(expect.stringMatching(/required property "action"/));
    expect(found).toContainEqual(
      expect.stringMatching(/^asyncapi3-operation-messages-from-referred-channel at operations/),
    );
  }, 30_000);

  it('has a queue per consumer, each event sent by its producer and received by each consumer', () => {
    expect(Object.keys(document.channels)).toEqual(consumerNames);
    const operations = Object.values(document.operations);
    for (const event of events) {
      const key = eventKey(event);
      expect(document.components.messages).toHaveProperty([key]);
      expect(document.components.schemas).toHaveProperty([key]);
      for (const consumer of event.consumers) {
        const message = `#/channels/${consumer}/messages/${key}`;
        const on = (action: string, service?: string) =>
          operations.filter(
            (operation) =>
              operation.action === action &&
              operation.channel.$ref === `#/channels/${consumer}` &&
              (!service || operation.tags.some((tag) => tag.name === service)) &&
              operation.messages.some((ref) => ref.$ref === message),
          );
        expect(document.channels[consumer]?.messages).toHaveProperty([key]);
        expect(
          on('send', event.producer),
          `${event.producer} sends ${key} to ${consumer}`,
        ).toHaveLength(1);
        expect(on('receive'), `${consumer} receives ${key}`).toHaveLength(1);
      }
    }
  });
});
