// @shop/db's PostgreSQL helpers for the plain-ESM scripts: URL handling, reachability checks,
// creating and dropping databases live in packages/db/src/{connection,server}.ts, once. The package
// ships TypeScript sources, so they are loaded through tsx (as the bench loads migrate and seed).
// Import this module only after `preflight()`: it needs node_modules.
import { tsImport } from 'tsx/esm/api';

const connection = await tsImport('@shop/db/connection', import.meta.url);
const server = await tsImport('@shop/db/server', import.meta.url);

export const {
  databaseName,
  describeConnectionFailure,
  probeServer,
  redactUrl,
  unixSocketUrl,
  withClient,
  withDatabase,
} = connection;
export const { dropDatabase, ensureDatabase } = server;
