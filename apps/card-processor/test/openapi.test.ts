import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../src/openapi';
import { useProcessor } from './client';

const processor = useProcessor();
const committed: unknown = JSON.parse(
  readFileSync(new URL('../openapi.json', import.meta.url), 'utf8'),
);

describe('the OpenAPI document', () => {
  it('is served at /openapi.json as OpenAPI 3.1, generated from the routes', async () => {
    const response = await fetch(`${processor().url}/openapi.json`);
    expect(response.status).toBe(200);
    const served = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(served.openapi).toBe('3.1.0');
    expect(Object.keys(served.paths).sort()).toEqual([
      '/health',
      '/v1/charges',
      '/v1/payment-methods',
      '/v1/refunds',
    ]);
    expect(served).toEqual(openApiDocument());
  });

  it('matches the committed openapi.json (if not: npm run openapi -w @shop/card-processor)', () => {
    expect(
      committed,
      'apps/card-processor/openapi.json is stale: run npm run openapi -w @shop/card-processor',
    ).toEqual(openApiDocument());
  });
});
