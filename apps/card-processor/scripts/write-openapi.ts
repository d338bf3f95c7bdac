// `npm run openapi -w @shop/card-processor`: writes the OpenAPI document generated from the routes'
// zod schemas to openapi.json, formatted as prettier would (test/openapi.test.ts checks it is current).
import { writeFile } from 'node:fs/promises';
import { format, resolveConfig } from 'prettier';
import { openApiDocument } from '../src/openapi';

const file = new URL('../openapi.json', import.meta.url);
const config = await resolveConfig(file.pathname);
const text = await format(JSON.stringify(openApiDocument()), { ...config, parser: 'json' });
await writeFile(file, text);
console.log(`card-processor: wrote ${file.pathname}`);
