/**
 * The OpenAPI 3.1 document, generated from the routes' zod schemas without listening on a port:
 * `npm run openapi -w @shop/card-processor` writes it to openapi.json, and a test keeps that copy current.
 */
import { createApp, defaultMaxBodyBytes } from './app';
import { testCardDecider } from './decisions';
import { defaultKeys } from './keys';
import { openApiConfig } from './openapi-config';
import { createState } from './state';

export function openApiDocument() {
  const app = createApp({
    state: createState(testCardDecider()),
    keys: defaultKeys,
    log: () => {},
    maxBodyBytes: defaultMaxBodyBytes,
  });
  return app.getOpenAPI31Document(openApiConfig);
}
