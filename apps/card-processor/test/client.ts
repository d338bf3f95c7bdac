/**
 * Tests talk to a real processor over HTTP on a free port: this starts one per test file and gives a
 * small client that sends JSON with a key and, when asked, an idempotency key.
 */
import { afterAll, beforeAll } from 'vitest';
import { startCardProcessor, type CardProcessor, type CardProcessorOptions } from '../src/server';

export const publishable = 'pk_test_shop';
export const secret = 'sk_test_shop';

export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

export interface PostOptions {
  key?: string | null;
  idempotencyKey?: string;
  /** Sent as it is instead of JSON.stringify(body). */
  raw?: string;
  contentType?: string;
}

/** Where a processor answers: a started one, or one in another process. */
export type Target = Pick<CardProcessor, 'url'>;

export async function post(
  processor: Target,
  path: string,
  body: unknown,
  { key = secret, idempotencyKey, raw, contentType = 'application/json' }: PostOptions = {},
): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': contentType };
  if (key !== null) headers.authorization = `Bearer ${key}`;
  if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
  const response = await fetch(`${processor.url}${path}`, {
    method: 'POST',
    headers,
    body: raw ?? JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

/** A card as tokenized by `POST /v1/payment-methods`; returns its `pm_…` id. */
export async function tokenize(processor: Target, cardNumber: string): Promise<string> {
  const answer = await post(
    processor,
    '/v1/payment-methods',
    { cardNumber, expiry: '12/40', cvc: '123' },
    { key: publishable },
  );
  if (answer.status !== 201) throw new Error(`tokenize: ${JSON.stringify(answer.body)}`);
  return (answer.body as { id: string }).id;
}

export function charge(
  processor: Target,
  paymentMethodId: string,
  idempotencyKey: string,
  extra: Record<string, unknown> = {},
): Promise<Answer> {
  return post(
    processor,
    '/v1/charges',
    { paymentMethodId, amount: 12900, currency: 'KRW', ...extra },
    { idempotencyKey },
  );
}

/** Starts a processor before the file's tests and closes it after them. */
export function useProcessor(options: CardProcessorOptions = {}): () => CardProcessor {
  let processor: CardProcessor | undefined;
  beforeAll(async () => {
    processor = await startCardProcessor({ closeGraceMs: 1000, ...options });
  });
  afterAll(() => processor?.close());
  return () => {
    if (!processor) throw new Error('the processor has not started yet');
    return processor;
  };
}

export const errorCode = (answer: Pick<Answer, 'body'>) =>
  (answer.body as { error: { code: string } }).error.code;
export const errorMessage = (answer: Pick<Answer, 'body'>) =>
  (answer.body as { error: { message: string } }).error.message;
